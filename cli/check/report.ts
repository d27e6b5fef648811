// The report: one line per check for a person, or JSON for CI.
import { CONTRACT_VERSION } from '../../src/contract.ts';
import type { Options } from './args.ts';
import type { Run } from './run.ts';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function counts(run: Run): Counts {
  const n = (status: string) => run.results.filter((r) => r.status === status).length;
  return { passed: n('pass'), failed: n('fail'), skipped: n('skip') };
}

/** What the run creates on the server, in one sentence. */
function creates(options: Options): string {
  const names = options.channel === 'email' ? options.emailTemplate.replace('{id}', '…') : '+44 7700 900xxx (reserved for fiction)';
  return options.quick
    ? 'It sends no code and creates no account.'
    : `Accounts and codes it asks for use generated names: user names hikchk…, ${names}.`;
}

export function header(options: Options): string {
  return [
    `hik-register check ${options.endpoint} (backend contract version ${CONTRACT_VERSION}${options.quick ? ', --quick' : ''})`,
    creates(options),
  ].join('\n');
}

export function text(options: Options, run: Run): string {
  const lines = [header(options), `Codes: ${run.codes}.`, ''];
  for (const r of run.results) {
    const label = r.status.toUpperCase().padEnd(4);
    lines.push(`${label}  ${r.title}`);
    if (r.status === 'fail') {
      lines.push(`      ${r.detail}`);
      lines.push(`      read CONTRACT.md, section "${r.section}"`);
    } else if (r.detail) {
      lines.push(`      ${r.detail}`);
    }
  }
  if (run.stopped) lines.push('', `Stopped: ${run.stopped}`);
  const { passed, failed, skipped } = counts(run);
  lines.push('', `${passed} passed, ${failed} failed, ${skipped} skipped`);
  return lines.join('\n');
}

export function json(options: Options, run: Run): string {
  return JSON.stringify({
    endpoint: options.endpoint,
    contractVersion: CONTRACT_VERSION,
    quick: options.quick,
    creates: creates(options),
    codes: run.codes,
    ...(run.stopped ? { stopped: run.stopped } : {}),
    results: run.results,
    summary: counts(run),
  }, null, 2);
}
