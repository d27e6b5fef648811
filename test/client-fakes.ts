// Fake fetch functions and sample bodies for the client tests (not a test file itself).
import { expect } from '@open-wc/testing';
import { ApiError } from '../src/client/api-client.ts';
import type { CreateAccountRequest, SendCodeRequest } from '../src/contract.ts';

export interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
  body: unknown;
}

type Answer = Response | unknown;

/** A fetch replacement that records what it is sent and answers with `respond`. */
export function fakeFetch(respond: (url: string, init: RequestInit) => Answer | Promise<Answer>) {
  const calls: Sent[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({ url, init, headers: new Headers(init.headers), body });
    return respond(url, init);
  }) as typeof fetch;
  return { fn, calls };
}

/** A fetch that never answers but rejects like the real one when its signal aborts. */
export function hangingFetch() {
  let calls = 0;
  const fn = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
    calls += 1;
    return new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  }) as typeof fetch;
  return { fn, count: () => calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/** Awaits a rejection and checks it is the client's typed error. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

export const IMAGE = {
  kind: 'image', captchaId: 'c_8f1d2', image: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI4MCIgaGVpZ2h0PSIzMCI+PC9zdmc+',
  length: 4, expiresIn: 300,
};
export const POW = {
  kind: 'pow', captchaId: 'c_77a0', algorithm: 'SHA-256', salt: '4f2c',
  challenge: 'a'.repeat(64), maxNumber: 100000, expiresIn: 300,
};
export const CODE_SENT = {
  requestId: 'r_41c0', channel: 'email', destination: 'a***@example.com',
  codeLength: 6, expiresIn: 600, resendAfter: 60,
};
export const CREATED = { userId: 'u_1001', username: 'dealer_01', session: { token: 't0k', expiresIn: 3600 } };

export const SEND_BODY: SendCodeRequest = {
  username: 'dealer_01', country: 'GB', channel: 'email', email: 'ann@example.com',
  captcha: { kind: 'image', captchaId: 'c_8f1d2', answer: 'X7KQ' }, locale: 'en',
};
export const CREATE_BODY: CreateAccountRequest = {
  requestId: 'r_41c0', code: '123456', username: 'dealer_01', password: 'Secret-pass1',
  country: 'GB', channel: 'email', email: 'ann@example.com', termsAccepted: true, locale: 'en',
};
