// Rules every response of a kind must keep, looked at over all the responses of
// the run at the end: one verdict each, however many responses broke it.
import { AccountCreated, CodeSent, ErrorBody, ImageChallenge, PowChallenge } from '../../src/contract.ts';
import type { CheckId } from './catalogue.ts';
import type { Context } from './context.ts';
import type { Exchange } from './http.ts';

interface Rule {
  id: CheckId;
  /** Which responses it applies to. */
  applies: (e: Exchange) => boolean;
  /** What is wrong with one of them, or undefined. */
  problem: (e: Exchange) => string | undefined;
  expected: string;
  /** Why it is skipped when no response applied. */
  none: string;
}

const NO_ORIGIN = 'not checked: give --origin https://your-page.example (the page\'s origin) to check CORS';
const api = (e: Exchange) => !e.preflight;
const shape = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }) =>
  (e: Exchange) => {
    const parsed = schema.safeParse(e.body);
    const issue = parsed.error?.issues[0];
    return parsed.success ? undefined : issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'not JSON';
  };

function rules({ options }: Context): Rule[] {
  const origin = options.origin ?? '';
  const credentialed = options.credentials === 'include';
  const allowsOrigin = (e: Exchange) => {
    const allow = e.headers.get('access-control-allow-origin');
    return allow === origin || (allow === '*' && !credentialed) ? undefined : `Access-Control-Allow-Origin: ${allow ?? '(none)'}`;
  };
  return [
    {
      id: 'content-type', applies: api, expected: 'Content-Type: application/json', none: 'no response seen',
      problem: (e) => (/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(e.headers.get('content-type') ?? '') ? undefined : `Content-Type: ${e.headers.get('content-type') ?? '(none)'}`),
    },
    {
      id: 'error-body', applies: (e) => api(e) && e.status >= 400, expected: '{ "error": { "code": "…", "message": "…" } }', none: 'no error response seen',
      problem: shape(ErrorBody),
    },
    {
      id: 'retry-after', applies: (e) => api(e) && e.status === 429, expected: 'Retry-After: <seconds> or an HTTP date', none: 'no 429 seen',
      problem: (e) => {
        const value = e.headers.get('retry-after');
        return value !== null && (/^\d+$/.test(value.trim()) || !Number.isNaN(Date.parse(value))) ? undefined : `Retry-After: ${value ?? '(none)'}`;
      },
    },
    {
      id: 'captcha-no-store', applies: (e) => e.route === 'captcha' && e.status === 200, expected: 'Cache-Control: no-store', none: 'no challenge seen',
      problem: (e) => (/(^|,)\s*no-store\s*(,|$)/i.test(e.headers.get('cache-control') ?? '') ? undefined : `Cache-Control: ${e.headers.get('cache-control') ?? '(none)'}`),
    },
    {
      id: 'captcha-shape', applies: (e) => e.route === 'captcha' && e.status === 200, expected: 'a challenge of the kind asked for, as the schema says', none: 'no challenge seen',
      problem: (e) => (e.path.endsWith('kind=pow') ? shape(PowChallenge)(e) : shape(ImageChallenge)(e)),
    },
    {
      id: 'code-sent-shape', applies: (e) => (e.route === 'send' && e.status === 201) || (e.route === 'resend' && e.status === 200),
      expected: '{ requestId, channel, destination, codeLength 4..8, expiresIn, resendAfter }', none: 'no code was sent', problem: shape(CodeSent),
    },
    {
      id: 'account-shape', applies: (e) => e.route === 'accounts' && e.status === 201, expected: '{ userId, username, session? }', none: 'no account was created',
      problem: shape(AccountCreated),
    },
    { id: 'cors-response', applies: api, expected: `Access-Control-Allow-Origin: ${origin}${credentialed ? '' : ' (or *)'}`, none: 'no response seen', problem: allowsOrigin },
    {
      id: 'cors-expose-retry-after', applies: (e) => api(e) && e.status === 429, expected: 'Access-Control-Expose-Headers listing Retry-After', none: 'no 429 seen',
      problem: (e) => {
        const exposed = (e.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
        return exposed.includes('retry-after') || (exposed.includes('*') && !credentialed) ? undefined : `Access-Control-Expose-Headers: ${e.headers.get('access-control-expose-headers') ?? '(none)'}`;
      },
    },
    {
      id: 'cors-credentials', applies: () => credentialed, expected: `Access-Control-Allow-Origin: ${origin} and Access-Control-Allow-Credentials: true`, none: '',
      problem: (e) => allowsOrigin(e) ?? (e.headers.get('access-control-allow-credentials') === 'true' ? undefined : `Access-Control-Allow-Credentials: ${e.headers.get('access-control-allow-credentials') ?? '(none)'}`),
    },
  ];
}

export function responseChecks(ctx: Context): void {
  const { http, results, options } = ctx;
  for (const rule of rules(ctx)) {
    if (results.has(rule.id)) continue;
    if (rule.id.startsWith('cors-') && !options.origin) {
      results.skip(rule.id, NO_ORIGIN);
      continue;
    }
    if (rule.id === 'cors-credentials' && options.credentials !== 'include') {
      results.skip(rule.id, 'not checked: the page does not send credentials (--credentials include checks them)');
      continue;
    }
    const seen = http.exchanges.filter(rule.applies);
    if (!seen.length) {
      results.skip(rule.id, `not checked: ${rule.none}`);
      continue;
    }
    const bad = seen.flatMap((e) => {
      const problem = rule.problem(e);
      return problem ? [`${e.method} ${e.path} ${e.status}: ${problem}`] : [];
    });
    if (bad.length) results.fail(rule.id, rule.expected, `${bad.slice(0, 3).join('; ')}${bad.length > 3 ? ` (and ${bad.length - 3} more)` : ''}`);
    else results.pass(rule.id, `${seen.length} response${seen.length === 1 ? '' : 's'}`);
  }
}

/** The preflight of the widget's POSTs (CONTRACT.md: Content-Type, Accept-Language, the page's headers). */
export async function preflightCheck({ http, results, options }: Context): Promise<void> {
  if (!options.origin) {
    results.skip('cors-preflight', NO_ORIGIN);
    return;
  }
  const wanted = ['content-type', 'accept-language', ...Object.keys(options.headers).map((h) => h.toLowerCase())];
  const reply = await http.preflight('send', '/verification-codes', 'POST', wanted);
  const credentialed = options.credentials === 'include';
  const allowOrigin = reply.headers.get('access-control-allow-origin');
  const allowed = (reply.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
  const problems: string[] = [];
  if (reply.status < 200 || reply.status > 299) problems.push(`status ${reply.status}`);
  if (!(allowOrigin === options.origin || (allowOrigin === '*' && !credentialed))) problems.push(`Access-Control-Allow-Origin: ${allowOrigin ?? '(none)'}`);
  const refused = wanted.filter((h) => !allowed.includes(h) && !(allowed.includes('*') && !credentialed));
  if (refused.length) problems.push(`Access-Control-Allow-Headers without ${refused.join(', ')}`);
  if (credentialed && reply.headers.get('access-control-allow-credentials') !== 'true') {
    results.fail('cors-credentials', 'Access-Control-Allow-Credentials: true on the preflight', reply.headers.get('access-control-allow-credentials') ?? '(none)');
  }
  if (problems.length) results.fail('cors-preflight', `a 2xx allowing ${options.origin} to send ${wanted.join(', ')}`, problems.join('; '));
  else results.pass('cors-preflight', `${reply.status}, allows ${wanted.join(', ')}`);
}
