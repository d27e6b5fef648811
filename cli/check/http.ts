// Requests as the widget sends them (CONTRACT.md "Base URL and transport"), each
// one kept, so the checks of every response (Content-Type, error bodies,
// Retry-After, CORS headers) can look at all of them at the end.
import type { Options } from './args.ts';

/** Which endpoint of the contract a request went to. */
export type Route = 'captcha' | 'usernames' | 'send' | 'resend' | 'accounts';

export interface Exchange {
  route: Route;
  method: string;
  /** Below the endpoint, e.g. `/captcha?kind=pow`. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  body: unknown;
  /** The body's `error`, when it has one that is an object. */
  error: ErrorFields | undefined;
  preflight: boolean;
}

export interface ErrorFields {
  code?: unknown;
  message?: unknown;
  field?: unknown;
  retryAfter?: unknown;
  attemptsLeft?: unknown;
}

const TIMEOUT_MS = 15_000;

export class Http {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly options: Pick<Options, 'endpoint' | 'origin' | 'headers' | 'credentials'>) {}

  get(route: Route, path: string): Promise<Exchange> {
    return this.send(route, 'GET', path, undefined);
  }

  post(route: Route, path: string, body: unknown): Promise<Exchange> {
    return this.send(route, 'POST', path, body);
  }

  /** A CORS preflight as a browser sends it before `method` with `headers`. */
  preflight(route: Route, path: string, method: string, headers: string[]): Promise<Exchange> {
    const origin = this.options.origin ?? '';
    return this.exchange(route, 'OPTIONS', path, {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': headers.join(','),
    }, undefined, true);
  }

  private send(route: Route, method: string, path: string, body: unknown): Promise<Exchange> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': 'en',
      ...this.options.headers,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // A browser sends Origin on every cross-origin request: the answers must carry CORS headers.
    if (this.options.origin) headers.Origin = this.options.origin;
    return this.exchange(route, method, path, headers, body === undefined ? undefined : JSON.stringify(body), false);
  }

  private async exchange(route: Route, method: string, path: string, headers: Record<string, string>, body: string | undefined, preflight: boolean): Promise<Exchange> {
    const response = await fetch(this.options.endpoint + path, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new NetworkError(`${method} ${this.options.endpoint}${path}: ${describe(error)}`);
    });
    const text = await response.text();
    const parsed = parseJson(text);
    const error = isObject(parsed) && isObject(parsed.error) ? (parsed.error as ErrorFields) : undefined;
    const exchange: Exchange = { route, method, path, status: response.status, headers: response.headers, text, body: parsed, error, preflight };
    this.exchanges.push(exchange);
    return exchange;
  }
}

/** The server could not be reached, or did not answer in time. */
export class NetworkError extends Error {}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `201 CodeSent`, `409 username_taken`, `404` — how a reply reads in a result line. */
export function summary(exchange: Exchange): string {
  const code = typeof exchange.error?.code === 'string' ? ` ${exchange.error.code}` : '';
  const field = typeof exchange.error?.field === 'string' ? ` (field ${exchange.error.field})` : '';
  return `${exchange.status}${code}${field}`;
}
