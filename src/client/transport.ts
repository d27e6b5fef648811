import { ErrorBody } from './responses.ts';
import { ApiError, clientError } from './api-error.ts';
import { parseRetryAfter, toRetrySeconds } from './retry-after.ts';

/** Largest response body read, in bytes: an image challenge is at most 200 000 characters. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The transport settings of one client, already normalized. */
export interface Transport {
  fetch: typeof fetch;
  credentials: RequestCredentials;
  headers: HeadersInit;
  locale: string;
  timeout: number;
}

export interface Call {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Statuses that mean "the server does not offer this": resolve `null`, body unread. */
  absentOn?: readonly number[];
}

/** What a fetch replacement returned, checked no further than the client needs. */
interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  body?: ReadableStream<Uint8Array> | null;
  text?: () => Promise<string>;
}

type Guard = <T>(value: T | PromiseLike<T>) => Promise<T>;

/** A 2xx answer's status and parsed JSON, still to be validated by the caller's schema. */
export interface Received {
  status: number;
  data: unknown;
}

/**
 * Sends one request and returns the parsed JSON of a 2xx answer, `null` for an
 * `absentOn` status, or throws an {@link ApiError}. It never throws anything else,
 * whatever `fetch` does.
 */
export async function send(t: Transport, call: Call): Promise<Received | null> {
  const outer = call.signal;
  if (outer?.aborted) throw clientError('aborted');

  // One controller for the caller's cancel and the timeout; `why` tells them apart.
  const controller = new AbortController();
  let why: 'timeout' | 'aborted' | undefined;
  let stop: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(clientError(why ?? 'aborted'));
  });
  // The race below may lose to `stopped` after we are done; nobody awaits it then.
  stopped.catch(() => undefined);
  const abort = (reason: 'timeout' | 'aborted') => {
    if (why) return;
    why = reason;
    controller.abort();
    stop?.();
  };
  const onOuterAbort = () => abort('aborted');
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const timer = setTimeout(() => abort('timeout'), t.timeout);
  // Races every await against the abort, so a fetch or a body that ignores the
  // signal (a replacement fetch, a stalled stream) still ends on time.
  const guard: Guard = (value) => Promise.race([value, stopped]);

  try {
    const response = await start(t, call, controller.signal, guard);
    return await receive(response, call, guard);
  } catch (error) {
    if (why) throw clientError(why);
    throw error instanceof ApiError ? error : clientError('bad_response');
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

async function start(t: Transport, call: Call, signal: AbortSignal, guard: Guard): Promise<unknown> {
  let init: RequestInit;
  try {
    const headers = new Headers(t.headers);
    // The contract's own headers win over integrator headers of the same name.
    headers.set('Accept', 'application/json');
    headers.set('Accept-Language', t.locale);
    init = { method: call.method, headers, credentials: t.credentials, signal, cache: 'no-store' };
    if (call.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      init.body = JSON.stringify(call.body);
    }
  } catch {
    // An invalid integrator header or an unencodable body: the request cannot be sent.
    throw clientError('network');
  }
  try {
    // `.call(globalThis)`: window.fetch throws "Illegal invocation" when detached.
    return await guard(t.fetch.call(globalThis, call.url, init));
  } catch (error) {
    // A timeout or the caller's cancel is told apart from a failed fetch by `send`.
    throw error instanceof ApiError ? error : clientError('network');
  }
}

async function receive(raw: unknown, call: Call, guard: Guard): Promise<Received | null> {
  if (!isResponseLike(raw)) throw clientError('bad_response');
  const { status, headers } = raw;
  if (call.absentOn?.includes(status)) {
    discard(raw);
    return null;
  }
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    discard(raw);
    throw clientError('bad_response', status || undefined);
  }
  const ok = status < 300;
  if (!isJsonType(headers.get('content-type'))) {
    discard(raw);
    throw clientError('bad_response', status);
  }
  const text = await readText(raw, guard);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw clientError('bad_response', status);
  }
  if (ok) return { status, data };

  const parsed = ErrorBody.safeParse(data);
  if (!parsed.success) throw clientError('bad_response', status);
  const e = parsed.data.error;
  const retryAfter = toRetrySeconds(e.retryAfter)
    ?? parseRetryAfter(headers.get('retry-after'), headers.get('date'));
  throw new ApiError(e.code, e.message, {
    field: e.field, retryAfter, attemptsLeft: e.attemptsLeft, status,
  });
}

function isResponseLike(value: unknown): value is ResponseLike {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ResponseLike>;
  return typeof r.status === 'number' && typeof r.headers?.get === 'function';
}

/** `application/json` or any `+json` type such as `application/problem+json`. */
function isJsonType(value: string | null): boolean {
  return value !== null && /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(value);
}

/** Releases a body that will not be read, so its connection is freed. */
function discard(response: ResponseLike): void {
  try {
    response.body?.cancel().catch(() => undefined);
  } catch {
    // A locked or foreign stream: nothing more to free.
  }
}

/** Reads at most MAX_BODY_BYTES as strict UTF-8; more, or broken bytes, is a bad response. */
async function readText(response: ResponseLike, guard: Guard): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    discard(response);
    throw clientError('bad_response', response.status);
  }
  const body = response.body;
  let bytes: Uint8Array;
  if (body && typeof body.getReader === 'function') {
    bytes = await readCapped(body, guard, response.status);
  } else if (body === null || body === undefined) {
    if (typeof response.text !== 'function') return '';
    const text = await guard(response.text());
    if (typeof text !== 'string') throw clientError('bad_response', response.status);
    bytes = new TextEncoder().encode(text);
  } else {
    throw clientError('bad_response', response.status);
  }
  if (bytes.byteLength > MAX_BODY_BYTES) throw clientError('bad_response', response.status);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw clientError('bad_response', response.status);
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, guard: Guard, status: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await guard(reader.read());
      if (done) break;
      if (!(value instanceof Uint8Array)) throw clientError('bad_response', status);
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) throw clientError('bad_response', status);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
