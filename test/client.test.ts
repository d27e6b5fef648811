// The API client against fake fetch functions: what it sends, and how it turns
// every kind of failure into its one typed error.
import { expect } from '@open-wc/testing';
import { ApiError, createClient } from '../src/client/api-client.ts';
import {
  CODE_SENT, CREATE_BODY, CREATED, IMAGE, SEND_BODY,
  errorBody, failure, fakeFetch, hangingFetch, json,
} from './client-fakes.ts';

describe('client: requests sent', () => {
  it('sends Accept and Accept-Language on a GET, and no body or Content-Type', async () => {
    const f = fakeFetch(() => json(IMAGE));
    await createClient({ fetch: f.fn, locale: 'fr-CA' }).getCaptcha('image');
    const [sent] = f.calls;
    expect(sent.init.method).to.equal('GET');
    expect(sent.headers.get('accept')).to.equal('application/json');
    expect(sent.headers.get('accept-language')).to.equal('fr-CA');
    expect(sent.headers.has('content-type')).to.equal(false);
    expect(sent.init.body).to.equal(undefined);
  });

  it('sends the caller\'s body as UTF-8 JSON with Content-Type on a POST', async () => {
    const f = fakeFetch(() => json(CODE_SENT, 201));
    const body = { ...SEND_BODY, username: 'Zoë_01' };
    await createClient({ fetch: f.fn }).sendCode(body);
    const [sent] = f.calls;
    expect(sent.init.method).to.equal('POST');
    expect(sent.headers.get('content-type')).to.equal('application/json');
    expect(sent.headers.get('accept-language')).to.equal('en');
    expect(sent.body).to.deep.equal(body);
  });

  it('joins the endpoint and the path with exactly one slash', async () => {
    const f = fakeFetch(() => json(CODE_SENT, 201));
    for (const endpoint of [undefined, '/api/register', '/api/register/', 'http://example.test/x/', 'http://example.test/x']) {
      await createClient({ fetch: f.fn, endpoint }).sendCode(SEND_BODY);
    }
    expect(f.calls.map((c) => c.url)).to.deep.equal([
      '/api/register/verification-codes',
      '/api/register/verification-codes',
      '/api/register/verification-codes',
      'http://example.test/x/verification-codes',
      'http://example.test/x/verification-codes',
    ]);
  });

  it('builds each endpoint\'s URL, and puts no secret in any of them', async () => {
    const f = fakeFetch((url) => {
      if (url.includes('captcha')) return json(IMAGE);
      if (url.includes('usernames')) return json({ available: true });
      if (url.includes('accounts')) return json(CREATED, 201);
      return json(CODE_SENT, 201);
    });
    const client = createClient({ fetch: f.fn });
    await client.getCaptcha('image');
    await client.checkUsername('ann/..?x=1');
    await client.sendCode(SEND_BODY);
    await client.resendCode('r_1/../x?y');
    await client.createAccount(CREATE_BODY);
    expect(f.calls.map((c) => `${c.init.method} ${c.url}`)).to.deep.equal([
      'GET /api/register/captcha?kind=image',
      'GET /api/register/usernames/ann%2F..%3Fx%3D1',
      'POST /api/register/verification-codes',
      'POST /api/register/verification-codes/r_1%2F..%2Fx%3Fy/resend',
      'POST /api/register/accounts',
    ]);
    expect(f.calls[3].body).to.deep.equal({});
    for (const { url } of f.calls) {
      for (const secret of ['X7KQ', '123456', 'Secret-pass1']) expect(url).not.to.contain(secret);
    }
  });

  it('passes credentials (same-origin by default) and the extra headers', async () => {
    const f = fakeFetch(() => json(IMAGE));
    await createClient({ fetch: f.fn }).getCaptcha('image');
    await createClient({
      fetch: f.fn, credentials: 'include',
      headers: { 'X-CSRF-Token': 'abc', Accept: 'text/html' },
    }).getCaptcha('image');
    await createClient({ fetch: f.fn, credentials: 'omit' }).getCaptcha('image');
    await createClient({ fetch: f.fn, credentials: 'bogus' as RequestCredentials }).getCaptcha('image');
    expect(f.calls.map((c) => c.init.credentials)).to.deep.equal(['same-origin', 'include', 'omit', 'same-origin']);
    expect(f.calls[1].headers.get('x-csrf-token')).to.equal('abc');
    // The contract's headers cannot be overridden by accident.
    expect(f.calls[1].headers.get('accept')).to.equal('application/json');
  });

  it('falls back to en for a locale that is not a language tag', async () => {
    const f = fakeFetch(() => json(IMAGE));
    await createClient({ fetch: f.fn, locale: 'en\r\nX-Evil: 1' }).getCaptcha('image');
    expect(f.calls[0].headers.get('accept-language')).to.equal('en');
  });

  it('uses the global fetch when none is given', async () => {
    const original = window.fetch;
    const f = fakeFetch(() => json(IMAGE));
    window.fetch = f.fn;
    try {
      expect(await createClient().getCaptcha('image')).to.deep.equal(IMAGE);
    } finally {
      window.fetch = original;
    }
    expect(f.calls).to.have.length(1);
  });
});

describe('client: cancel, timeout, network', () => {
  it('times out a fetch that never answers, with code timeout', async () => {
    const error = await failure(createClient({ fetch: hangingFetch().fn, timeout: 30 }).getCaptcha('image'));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.be.a('string').and.not.be.empty;
  });

  it('times out even a fetch that ignores the signal', async () => {
    const never = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    expect((await failure(createClient({ fetch: never, timeout: 30 }).getCaptcha('pow'))).code).to.equal('timeout');
  });

  it('times out a body that stalls after the headers', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(new TextEncoder().encode('{"kind":')); },
    });
    const f = fakeFetch(() => new Response(stalled, { headers: { 'Content-Type': 'application/json' } }));
    expect((await failure(createClient({ fetch: f.fn, timeout: 50 }).getCaptcha('image'))).code).to.equal('timeout');
  });

  it('rejects with code aborted when the caller cancels, and does not fetch when already cancelled', async () => {
    const hanging = hangingFetch();
    const client = createClient({ fetch: hanging.fn });
    const controller = new AbortController();
    const pending = client.sendCode(SEND_BODY, controller.signal);
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
    expect((await failure(client.getCaptcha('image', controller.signal))).code).to.equal('aborted');
    expect(hanging.count()).to.equal(1);
  });

  it('turns a rejected fetch or one that throws synchronously into code network', async () => {
    const rejects = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const throws = (() => { throw new Error('boom'); }) as typeof fetch;
    const throwsString = (() => { throw 'not an error'; }) as typeof fetch;
    for (const fetch of [rejects, throws, throwsString]) {
      const error = await failure(createClient({ fetch }).createAccount(CREATE_BODY));
      expect(error.code).to.equal('network');
      expect(error.status).to.equal(undefined);
    }
  });

  it('turns an invalid integrator header into code network instead of a TypeError', async () => {
    const f = fakeFetch(() => json(IMAGE));
    const error = await failure(createClient({ fetch: f.fn, headers: { 'Bad Name': 'x' } }).getCaptcha('image'));
    expect(error.code).to.equal('network');
  });

  it('turns garbage from a fetch replacement into code bad_response', async () => {
    const garbage: unknown[] = [undefined, null, 42, 'ok', {}, { status: 200 }, { status: 200, headers: {} }];
    for (const value of garbage) {
      const replacement = (() => Promise.resolve(value)) as typeof fetch;
      const error = await failure(createClient({ fetch: replacement }).getCaptcha('image'));
      expect(error.code, String(value)).to.equal('bad_response');
    }
  });
});

describe('client: ApiError', () => {
  it('is an Error with a name, a code and only the details it has', async () => {
    const f = fakeFetch(() => json(errorBody('username_taken', 'Taken.', { field: 'username' }), 409));
    const error = await failure(createClient({ fetch: f.fn }).sendCode(SEND_BODY));
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ApiError');
    expect({ ...error }).to.deep.equal({
      name: 'ApiError', code: 'username_taken', field: 'username', status: 409,
    });
    expect(error.message).to.equal('Taken.');
    expect(new ApiError('network', 'x').status).to.equal(undefined);
  });
});
