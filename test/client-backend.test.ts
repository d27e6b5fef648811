// The API client against the reference backend over real HTTP (same origin,
// /api/register, served by backend/test-server.ts): every error code of the
// contract's table, provoked for real and received as the client's typed error.
import { expect } from '@open-wc/testing';
import { createClient, type ApiClient } from '../src/client/api-client.ts';
import type { CodeSent, CreateAccountRequest, SendCodeRequest } from '../src/contract.ts';
import { failure } from './client-fakes.ts';

interface OutboxMessage { channel: string; to: string; code?: string; requestId: string; kind: string; at: string }

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`/__test/${path}`, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/__test/${path} answered ${res.status}`);
  return res.headers.get('content-type')?.includes('json') ? res.json() : undefined;
}

const reset = (options: Record<string, unknown> = {}) => control('reset', options);
const advance = (seconds: number) => control('clock', { advance: seconds });

let client: ApiClient;

/** A send-code body with a freshly solved image captcha (answer read from the test route). */
async function sendBody(fields: { username?: string; email?: string; phone?: string } = {}): Promise<SendCodeRequest> {
  const challenge = await client.getCaptcha('image');
  if (!challenge) throw new Error('the backend offers no image captcha');
  const { answer } = await control(`captcha/${challenge.captchaId}`) as { answer: string };
  const base = {
    username: fields.username ?? 'dealer_01', country: 'GB', locale: 'en',
    captcha: { kind: 'image' as const, captchaId: challenge.captchaId, answer: answer.toUpperCase() },
  };
  return fields.phone
    ? { ...base, channel: 'sms', phone: fields.phone }
    : { ...base, channel: 'email', email: fields.email ?? 'ann@example.com' };
}

async function codeFor(sent: CodeSent): Promise<string> {
  const { messages } = await control('outbox') as { messages: OutboxMessage[] };
  const message = messages.find((m) => m.requestId === sent.requestId && m.kind === 'code' && m.code);
  if (!message?.code) throw new Error(`no code in the outbox for ${sent.requestId}`);
  return message.code;
}

function accountBody(send: SendCodeRequest, sent: CodeSent, code: string, password = 'Str0ng-Passw0rd!'): CreateAccountRequest {
  const { captcha: _captcha, ...rest } = send;
  return { ...rest, requestId: sent.requestId, code, password, termsAccepted: true };
}

/** Registers an account from start to end and returns what was sent. */
async function register(fields: Parameters<typeof sendBody>[0] = {}) {
  const send = await sendBody(fields);
  const sent = await client.sendCode(send);
  const created = await client.createAccount(accountBody(send, sent, await codeFor(sent)));
  return { send, sent, created };
}

describe('client + reference backend: registration', () => {
  beforeEach(async () => {
    await reset();
    client = createClient();
  });

  it('fetches both kinds of captcha', async () => {
    expect(await client.getCaptcha('image')).to.include({ kind: 'image' });
    expect(await client.getCaptcha('pow')).to.include({ kind: 'pow', algorithm: 'SHA-256' });
  });

  it('resolves null for a captcha kind the server does not offer', async () => {
    await reset({ captchaKinds: ['image'] });
    expect(await client.getCaptcha('pow')).to.equal(null);
    expect(await client.getCaptcha('image')).to.include({ kind: 'image' });
  });

  it('registers by email with the code from the outbox', async () => {
    const { sent, created } = await register({ username: 'mail_user', email: 'mail@example.com' });
    expect(sent.channel).to.equal('email');
    expect(sent.destination).to.not.equal('mail@example.com');
    expect(created.username).to.equal('mail_user');
    expect(created.userId).to.be.a('string').and.not.be.empty;
  });

  it('registers by SMS with the code from the outbox', async () => {
    const { sent, created } = await register({ username: 'sms_user', phone: '+447700900123' });
    expect(sent.channel).to.equal('sms');
    expect(created.username).to.equal('sms_user');
  });

  it('says a user name is taken once registered (or null when not offered)', async () => {
    const before = await client.checkUsername('taken_name');
    if (before === null) return; // the check is optional in the contract
    expect(before).to.equal(true);
    await register({ username: 'taken_name' });
    expect(await client.checkUsername('taken_name')).to.equal(false);
  });

  it('resolves null for the user name check when the server does not offer it', async () => {
    await reset({ usernameCheck: false });
    expect(await client.checkUsername('dealer_01')).to.equal(null);
  });

  it('registers with a proof-of-work captcha', async () => {
    const challenge = await client.getCaptcha('pow');
    if (!challenge) throw new Error('the backend offers no pow captcha');
    const { answer } = await control(`captcha/${challenge.captchaId}`) as { answer: number };
    const send: SendCodeRequest = {
      username: 'pow_user', country: 'GB', locale: 'en', channel: 'email', email: 'pow@example.com',
      captcha: { kind: 'pow', captchaId: challenge.captchaId, answer },
    };
    const sent = await client.sendCode(send);
    const created = await client.createAccount(accountBody(send, sent, await codeFor(sent)));
    expect(created.username).to.equal('pow_user');
  });

  it('resends a code for the same request', async () => {
    const send = await sendBody();
    const sent = await client.sendCode(send);
    await advance(sent.resendAfter + 1);
    const again = await client.resendCode(sent.requestId);
    expect(again.requestId).to.equal(sent.requestId);
    const created = await client.createAccount(accountBody(send, again, await codeFor(again)));
    expect(created.username).to.equal(send.username);
  });

  it('times out when the server is slower than the timeout', async () => {
    await control('delay', { ms: 400 });
    try {
      const slow = createClient({ timeout: 100 });
      expect((await failure(slow.getCaptcha('image'))).code).to.equal('timeout');
    } finally {
      await control('delay', { ms: 0 });
    }
  });
});

describe('client + reference backend: every error of the contract', () => {
  beforeEach(async () => {
    await reset({ revealTaken: true });
    client = createClient();
  });

  it('invalid_field (422) on the field at fault', async () => {
    const send = { ...(await sendBody()), username: '1_starts_with_digit' };
    expect(await failure(client.sendCode(send))).to.include({ code: 'invalid_field', field: 'username', status: 422 });
  });

  it('captcha_invalid (400)', async () => {
    const send = await sendBody();
    const { captcha } = send;
    if (captcha?.kind !== 'image') throw new Error('expected an image captcha');
    const wrong = captcha.answer === 'ZZZZ' ? 'YYYY' : 'ZZZZ';
    const error = await failure(client.sendCode({ ...send, captcha: { ...captcha, answer: wrong } }));
    expect(error).to.include({ code: 'captcha_invalid', status: 400 });
  });

  it('captcha_expired (410)', async () => {
    const challenge = await client.getCaptcha('image');
    const send = await sendBody();
    await advance((challenge?.expiresIn ?? 300) + 60);
    expect(await failure(client.sendCode(send))).to.include({ code: 'captcha_expired', status: 410 });
  });

  it('username_taken, email_taken, phone_taken (409)', async () => {
    await register({ username: 'first_user', email: 'first@example.com' });
    await register({ username: 'phone_user', phone: '+447700900123' });
    const taken = async (fields: Parameters<typeof sendBody>[0]) => failure(client.sendCode(await sendBody(fields)));
    expect(await taken({ username: 'first_user', email: 'other@example.com' }))
      .to.include({ code: 'username_taken', field: 'username', status: 409 });
    expect(await taken({ username: 'second_user', email: 'first@example.com' }))
      .to.include({ code: 'email_taken', field: 'email', status: 409 });
    expect(await taken({ username: 'third_user', phone: '+447700900123' }))
      .to.include({ code: 'phone_taken', field: 'phone', status: 409 });
  });

  it('rate_limited (429) with retryAfter, from the body or the Retry-After header', async () => {
    await reset({ revealTaken: true, rateLimits: { destination: { max: 1, window: 3600 } } });
    await client.sendCode(await sendBody());
    const error = await failure(client.sendCode(await sendBody()));
    expect(error).to.include({ code: 'rate_limited', status: 429 });
    expect(error.retryAfter).to.be.a('number').and.be.above(0);
  });

  it('rate_limited (429) on a resend before resendAfter', async () => {
    const sent = await client.sendCode(await sendBody());
    const error = await failure(client.resendCode(sent.requestId));
    expect(error).to.include({ code: 'rate_limited', status: 429 });
    expect(error.retryAfter).to.be.within(1, sent.resendAfter);
  });

  it('code_invalid (400) with attemptsLeft, then too_many_attempts (429)', async () => {
    const send = await sendBody();
    const sent = await client.sendCode(send);
    const right = await codeFor(sent);
    const wrong = right === '0'.repeat(sent.codeLength) ? '1'.repeat(sent.codeLength) : '0'.repeat(sent.codeLength);
    const first = await failure(client.createAccount(accountBody(send, sent, wrong)));
    expect(first).to.include({ code: 'code_invalid', status: 400 });
    expect(first.attemptsLeft).to.be.a('number');
    let last = first;
    for (let i = 0; i < 20 && last.code === 'code_invalid'; i += 1) {
      last = await failure(client.createAccount(accountBody(send, sent, wrong)));
    }
    expect(last).to.include({ code: 'too_many_attempts', status: 429 });
    // The request is spent: even the right code no longer works (which code says so is not in the contract).
    await failure(client.createAccount(accountBody(send, sent, right)));
  });

  it('code_expired (410)', async () => {
    const send = await sendBody();
    const sent = await client.sendCode(send);
    const code = await codeFor(sent);
    await advance(sent.expiresIn + 1);
    expect(await failure(client.createAccount(accountBody(send, sent, code)))).to.include({ code: 'code_expired', status: 410 });
  });

  it('request_expired (410) on a resend of a request that is long gone', async () => {
    const sent = await client.sendCode(await sendBody());
    await advance(7 * 86_400);
    expect(await failure(client.resendCode(sent.requestId))).to.include({ code: 'request_expired', status: 410 });
  });

  it('password_weak (422), and the request and its code stay valid', async () => {
    const send = await sendBody();
    const sent = await client.sendCode(send);
    const code = await codeFor(sent);
    const error = await failure(client.createAccount(accountBody(send, sent, code, 'password')));
    expect(error).to.include({ code: 'password_weak', field: 'password', status: 422 });
    const created = await client.createAccount(accountBody(send, sent, code));
    expect(created.username).to.equal(send.username);
  });
});
