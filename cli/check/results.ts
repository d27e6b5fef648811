// What the checks found. A check may be observed more than once (single use after
// a refused and after an accepted call); its verdict is FAIL if any observation
// failed, PASS if one passed, SKIP otherwise.
import { CHECKS, SECTIONS, check, type CheckId } from './catalogue.ts';
import { summary, type Exchange } from './http.ts';

export type Status = 'pass' | 'fail' | 'skip';

interface Observation {
  status: Status;
  detail: string;
}

export interface Result {
  id: CheckId;
  title: string;
  status: Status;
  /** What was seen (PASS), what was expected and what came (FAIL), or why not checked (SKIP). */
  detail: string;
  /** The CONTRACT.md section to read. */
  section: string;
}

/** What a refusal must look like. */
export interface Refusal {
  status: number | number[];
  codes: string[];
  /** `error.field` must be this (when given). */
  field?: string;
}

export class Results {
  private readonly seen = new Map<CheckId, Observation[]>();

  pass(id: CheckId, detail = ''): void {
    this.add(id, 'pass', detail);
  }

  fail(id: CheckId, expected: string, got: string): void {
    this.add(id, 'fail', `expected ${expected}, got ${got}`);
  }

  skip(id: CheckId, why: string): void {
    this.add(id, 'skip', why);
  }

  /** Skips every listed check that has no observation yet. */
  skipRest(ids: readonly CheckId[], why: string): void {
    for (const id of ids) if (!this.seen.has(id)) this.skip(id, why);
  }

  has(id: CheckId): boolean {
    return this.seen.has(id);
  }

  /**
   * PASS when `reply` is the refusal, FAIL otherwise. A `rate_limited` that was not
   * asked for is the server's right: SKIP, with the wait it asked for.
   */
  refusal(id: CheckId, reply: Exchange, want: Refusal, what = ''): boolean {
    const statuses = Array.isArray(want.status) ? want.status : [want.status];
    const code = reply.error?.code;
    const field = reply.error?.field;
    const expected = `${statuses.join(' or ')} ${want.codes.join(' or ')}${want.field ? ` on field ${want.field}` : ''}${what ? ` for ${what}` : ''}`;
    if (reply.status === 429 && code === 'rate_limited' && !want.codes.includes('rate_limited')) {
      this.skip(id, `the server rate-limited the kit (Retry-After: ${reply.headers.get('retry-after') ?? 'none'} s); run it again after that`);
      return false;
    }
    const ok = statuses.includes(reply.status) && typeof code === 'string' && want.codes.includes(code)
      && (want.field === undefined || field === want.field);
    if (ok) this.pass(id, what ? `${what}: ${summary(reply)}` : summary(reply));
    else this.fail(id, expected, summary(reply));
    return ok;
  }

  /** PASS when `reply` has this success status; otherwise FAIL (or SKIP when rate-limited). */
  success(id: CheckId, reply: Exchange, status: number, what = ''): boolean {
    if (reply.status === status) {
      this.pass(id, what ? `${what}: ${status}` : String(status));
      return true;
    }
    if (reply.status === 429 && reply.error?.code === 'rate_limited') {
      this.skip(id, `the server rate-limited the kit (Retry-After: ${reply.headers.get('retry-after') ?? 'none'} s); run it again after that`);
    } else {
      this.fail(id, `${status}${what ? ` for ${what}` : ''}`, summary(reply));
    }
    return false;
  }

  /** One verdict per check, in the catalogue's order; checks never reached are skipped. */
  verdicts(): Result[] {
    return CHECKS.map(({ id }) => {
      const observations = this.seen.get(id) ?? [{ status: 'skip' as const, detail: 'not reached: an earlier step failed' }];
      const failed = observations.filter((o) => o.status === 'fail');
      const passed = observations.filter((o) => o.status === 'pass');
      const status: Status = failed.length ? 'fail' : passed.length ? 'pass' : 'skip';
      const shown = failed.length ? failed : passed.length ? passed : observations;
      const { title, section } = check(id);
      return { id, title, status, detail: [...new Set(shown.map((o) => o.detail))].filter(Boolean).join('; '), section: SECTIONS[section] };
    });
  }

  private add(id: CheckId, status: Status, detail: string): void {
    const list = this.seen.get(id) ?? [];
    list.push({ status, detail });
    this.seen.set(id, list);
  }
}
