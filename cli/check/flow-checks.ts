// The checks that need a code to arrive: a whole signup, the resend cooldown,
// wrong codes and attempts, expiry, and what a registered name or address gets.
import type { CheckId } from './catalogue.ts';
import type { CodeSource } from './codes.ts';
import type { Context } from './context.ts';
import { sleep } from './context.ts';
import { isObject, summary, type Exchange } from './http.ts';
import { createBody, identity, sendBody, type Identity } from './identity.ts';
import { usernameCheck } from './request-checks.ts';

const CAPTCHA_REFUSED = { status: [400, 410], codes: ['captcha_expired', 'captcha_invalid'], field: 'captcha' };
const INVALID = (field?: string) => ({ status: 422, codes: ['invalid_field'], ...(field ? { field } : {}) });
const WEAK = { status: 422, codes: ['password_weak', 'invalid_field'], field: 'password' };

const REGISTER: CheckId[] = [
  'send-accepted', 'resend-cooldown', 'accounts-code-invalid', 'accounts-missing-key', 'accounts-extra-key',
  'accounts-terms', 'accounts-password-rule', 'accounts-created', 'usernames-taken', 'send-username-taken', 'send-contact-taken',
];
const ATTEMPTS: CheckId[] = ['accounts-code-expiry', 'resend-after-cooldown', 'accounts-attempts'];

/** A request whose code has arrived. */
interface Pending {
  who: Identity;
  requestId: string;
  masked: string;
  code: string;
  /** The 201 as parsed JSON. */
  sent: Record<string, unknown>;
  sentAt: number;
}

/**
 * Sends a code to `who` and waits for it. With `beforeCode`, first offers the used
 * challenge again and runs `beforeCode` (the resend cooldown). A string: why not.
 */
async function open(ctx: Context, codes: CodeSource, who: Identity, beforeCode?: (p: Omit<Pending, 'code'>) => Promise<void>): Promise<Pending | string> {
  const { http, results, captchas } = ctx;
  const solved = await captchas.solved();
  if (!solved) return `not checked: ${captchas.unsolvable ?? 'no proof-of-work challenge could be solved'}`;
  const sentAt = Date.now();
  const reply = await http.post('send', '/verification-codes', { ...sendBody(who), captcha: solved.answer });
  if (!results.success('send-accepted', reply, 201, `a code to ${who.destination}`) || !isObject(reply.body) || typeof reply.body.requestId !== 'string') {
    return 'not reached: the valid send-code request was not accepted';
  }
  const pending = { who, requestId: reply.body.requestId, masked: String(reply.body.destination ?? ''), sent: reply.body, sentAt };
  // CONTRACT.md: "destination is masked by the server" (shown as is in the code pop-up).
  if (pending.masked === who.destination) results.fail('send-accepted', 'destination masked (like a***@example.com)', `"${pending.masked}", the whole address`);
  if (beforeCode) {
    // The same challenge once more, right away: it was used.
    const again = await http.post('send', '/verification-codes', { ...sendBody(identity(ctx.options)), captcha: solved.answer });
    results.refusal('captcha-single-use', again, CAPTCHA_REFUSED, 'after an accepted call');
    await beforeCode(pending);
  }
  const code = await codes.code(who, pending.requestId, pending.masked);
  if (code === undefined) return `not checked: no code for ${who.destination} came from ${codes.label}`;
  const length = pending.sent.codeLength;
  if (typeof length === 'number' && length !== code.length) {
    results.fail('send-accepted', `a code of codeLength (${length}) digits`, `${code.length} digits`);
  }
  return { ...pending, code };
}

function otherCode(code: string, n = 1): string {
  const value = (Number(code) + n) % 10 ** code.length;
  return String(value).padStart(code.length, '0');
}

function post(ctx: Context, body: Record<string, unknown>): Promise<Exchange> {
  return ctx.http.post('accounts', '/accounts', body);
}

export async function registerFlow(ctx: Context, codes: CodeSource): Promise<void> {
  const { http, results, options } = ctx;
  const who = identity(options);
  const pending = await open(ctx, codes, who, async (p) => {
    const resendAfter = p.sent.resendAfter;
    if (typeof resendAfter !== 'number' || resendAfter <= 0) {
      results.skip('resend-cooldown', `not checked: resendAfter is ${String(resendAfter)}, no cooldown announced`);
      return;
    }
    const early = await http.post('resend', `/verification-codes/${p.requestId}/resend`, {});
    // Refused or not, the code fetched next is the latest one.
    results.refusal('resend-cooldown', early, { status: 429, codes: ['rate_limited'] }, `at once (resendAfter ${resendAfter} s)`);
  });
  if (typeof pending === 'string') {
    results.skipRest(REGISTER, pending);
    return;
  }
  const { requestId, code } = pending;
  const right = createBody(who, requestId, code);
  const wrong: Record<string, unknown> = { ...right, code: otherCode(code) };

  const bad = await post(ctx, wrong);
  if (results.refusal('accounts-code-invalid', bad, { status: 400, codes: ['code_invalid'], field: 'code' })) {
    const left = bad.error?.attemptsLeft;
    if (!Number.isInteger(left) || (left as number) < 0) results.fail('accounts-code-invalid', 'attemptsLeft, the tries left', JSON.stringify(left));
  }
  // Invalid bodies with a wrong code: refused for the body, before any code is compared.
  const { country: _country, ...noCountry } = wrong;
  results.refusal('accounts-missing-key', await post(ctx, noCountry), INVALID('country'), 'no country');
  results.refusal('accounts-extra-key', await post(ctx, { ...wrong, admin: true }), INVALID(), 'an extra key "admin"');
  results.refusal('accounts-terms', await post(ctx, { ...wrong, termsAccepted: false }), INVALID('termsAccepted'), 'termsAccepted false');
  // Weak passwords with the right code, as a user who typed it would send them.
  results.refusal('accounts-password-rule', await post(ctx, { ...right, password: 'Hk-7q!Z' }), WEAK, '7 characters');
  results.refusal('accounts-password-rule', await post(ctx, { ...right, password: who.username }), WEAK, 'the user name');

  const created = await post(ctx, right);
  if (!results.success('accounts-created', created, 201, 'the right code after password_weak')) {
    results.skipRest(REGISTER, 'not reached: the account was not created');
    return;
  }
  if (isObject(created.body) && created.body.username !== who.username) {
    results.fail('accounts-created', `username "${who.username}" in the answer`, JSON.stringify(created.body.username));
  }
  await usernameCheck(ctx, who.username, false);

  const sameName = await captchaBody(ctx, { ...identity(options), username: who.username });
  if (sameName) results.refusal('send-username-taken', await http.post('send', '/verification-codes', sameName), { status: 409, codes: ['username_taken'], field: 'username' });
  const sameContact = await captchaBody(ctx, { ...identity(options), destination: who.destination });
  if (sameContact) {
    const reply = await http.post('send', '/verification-codes', sameContact);
    const [taken, field] = who.channel === 'email' ? ['email_taken', 'email'] : ['phone_taken', 'phone'];
    if (reply.status === 201) results.pass('send-contact-taken', '201: the server does not reveal registered addresses (allowed)');
    else results.refusal('send-contact-taken', reply, { status: 409, codes: [taken], field });
  }
  results.skipRest(REGISTER, 'not checked: no proof-of-work challenge could be solved');
}

async function captchaBody(ctx: Context, who: Identity): Promise<Record<string, unknown> | undefined> {
  const solved = await ctx.captchas.solved();
  return solved && { ...sendBody(who), captcha: solved.answer };
}

export async function attemptsFlow(ctx: Context, codes: CodeSource): Promise<void> {
  const { http, results, options } = ctx;
  const who = identity(options);
  const pending = await open(ctx, codes, who);
  if (typeof pending === 'string') {
    results.skipRest(ATTEMPTS, pending);
    return;
  }
  const { requestId, sent, sentAt } = pending;
  let code = pending.code;
  let fresh = true;
  const expiresIn = Number(sent.expiresIn);
  const resendAfter = Number(sent.resendAfter);
  const since = () => (Date.now() - sentAt) / 1000;

  if (expiresIn + 1 - since() <= options.maxWait) {
    await sleep(Math.max(0, expiresIn + 1 - since()));
    results.refusal('accounts-code-expiry', await post(ctx, createBody(who, requestId, code)), { status: 410, codes: ['code_expired'] }, `after ${Math.round(since())} s`);
    fresh = false;
  } else {
    results.skip('accounts-code-expiry', `not waited for: codes live ${expiresIn} s, more than --wait ${options.maxWait}`);
  }

  if (resendAfter + 0.5 - since() <= options.maxWait) {
    await sleep(Math.max(0, resendAfter + 0.5 - since()));
    const resent = await http.post('resend', `/verification-codes/${requestId}/resend`, {});
    if (results.success('resend-after-cooldown', resent, 200, `after ${Math.round(since())} s`)) {
      const next = await codes.code(who, requestId, pending.masked, code);
      if (next === undefined) results.fail('resend-after-cooldown', 'a new code to arrive', `none from ${codes.label}`);
      else [code, fresh] = [next, true];
    }
  } else {
    results.skip('resend-after-cooldown', `not waited for: resendAfter is ${resendAfter} s, more than --wait ${options.maxWait}`);
  }

  if (!fresh) {
    results.skip('accounts-attempts', 'not checked: no live code left (the resend after the cooldown was not done)');
    return;
  }
  for (let n = 1; n <= 10; n++) {
    const reply = await post(ctx, createBody(who, requestId, otherCode(code, n)));
    if (reply.status === 400 && reply.error?.code === 'code_invalid') continue;
    if (!results.refusal('accounts-attempts', reply, { status: 429, codes: ['too_many_attempts'] }, `wrong code ${n}`)) return;
    const after = await post(ctx, createBody(who, requestId, code));
    if (after.status < 400) results.fail('accounts-attempts', 'the right code refused after too_many_attempts', summary(after));
    return;
  }
  results.fail('accounts-attempts', '429 too_many_attempts within 10 wrong codes', '400 code_invalid every time');
}
