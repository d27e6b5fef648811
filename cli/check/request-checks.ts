// Refusals that send no code: the field rules of POST verification-codes, unknown
// request ids, and the optional user name look-up.
import { UsernameAvailability } from '../../src/contract.ts';
import type { CheckId } from './catalogue.ts';
import type { Context } from './context.ts';
import { summary } from './http.ts';
import { createBody, identity, sendBody, token } from './identity.ts';

const INVALID = (field?: string) => ({ status: 422, codes: ['invalid_field'], ...(field ? { field } : {}) });

interface Case {
  id: CheckId;
  what: string;
  body: (base: Record<string, unknown>) => Record<string, unknown>;
  field?: string;
}

const SEND_CASES: Case[] = [
  { id: 'send-missing-key', what: 'no country', field: 'country', body: ({ country: _country, ...rest }) => rest },
  { id: 'send-extra-key', what: 'an extra key "admin"', body: (base) => ({ ...base, admin: true }) },
  { id: 'send-mistyped-key', what: 'username 42', field: 'username', body: (base) => ({ ...base, username: 42 }) },
  { id: 'send-username-rule', what: 'user name "abc"', field: 'username', body: (base) => ({ ...base, username: 'abc' }) },
  { id: 'send-username-rule', what: 'user name "1abcd"', field: 'username', body: (base) => ({ ...base, username: '1abcd' }) },
  { id: 'send-email-rule', what: 'email "ann.example.com"', field: 'email', body: (base) => ({ ...base, email: 'ann.example.com' }) },
  {
    id: 'send-phone-rule', what: 'phone "07700900123"', field: 'phone',
    body: ({ email: _email, ...rest }) => ({ ...rest, channel: 'sms', phone: '07700900123' }),
  },
  { id: 'send-country-rule', what: 'country "gb"', field: 'country', body: (base) => ({ ...base, country: 'gb' }) },
];

export async function sendFieldChecks({ http, results, captchas, options }: Context): Promise<void> {
  const why = captchas.unsolvable;
  for (const { id, what, body, field } of SEND_CASES) {
    // Each with a right answer to a new challenge, so only the field can be the reason.
    const solved = why ? undefined : await captchas.solved();
    if (!solved) {
      results.skip(id, `not checked: ${why ?? 'no proof-of-work challenge could be solved'}`);
      continue;
    }
    const base = { ...sendBody(identity(options, 'email')), captcha: solved.answer };
    results.refusal(id, await http.post('send', '/verification-codes', body(base)), INVALID(field), what);
  }
}

export async function unknownIdChecks({ http, results, options }: Context): Promise<void> {
  const unknown = `r_hikcheck_${token(12)}`;
  const resend = await http.post('resend', `/verification-codes/${unknown}/resend`, {});
  results.refusal('resend-unknown', resend, { status: 410, codes: ['request_expired'] });

  const create = await http.post('accounts', '/accounts', createBody(identity(options), unknown, '123456'));
  const field = create.error?.field;
  if (create.status === 410 && (create.error?.code === 'code_expired' || create.error?.code === 'request_expired')) {
    results.pass('accounts-unknown', summary(create));
  } else if (create.status >= 400 && create.status < 500 && create.status !== 429 && field === 'requestId') {
    results.pass('accounts-unknown', summary(create));
  } else {
    results.refusal('accounts-unknown', create, { status: 410, codes: ['code_expired', 'request_expired'] });
  }
}

/** GET usernames/{name}: optional; `available` as the schema says when offered. */
export async function usernameCheck({ http, results }: Context, name: string, available: boolean): Promise<boolean | undefined> {
  const id = available ? 'usernames' : 'usernames-taken';
  const reply = await http.get('usernames', `/usernames/${encodeURIComponent(name)}`);
  if (reply.status === 404 || reply.status === 405) {
    if (available) results.pass(id, `${reply.status}: not offered (the widget stays silent)`);
    else results.skip(id, `not offered (${reply.status})`);
    return undefined;
  }
  const parsed = UsernameAvailability.safeParse(reply.body);
  if (reply.status !== 200 || !parsed.success) {
    results.fail(id, `200 { available: ${available} } or 404/405`, `${summary(reply)} ${reply.text.slice(0, 120)}`);
    return undefined;
  }
  if (parsed.data.available !== available) results.fail(id, `{ available: ${available} } for "${name}"`, reply.text.slice(0, 120));
  else results.pass(id, `{ available: ${available} }`);
  return parsed.data.available;
}
