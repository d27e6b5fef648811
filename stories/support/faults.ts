/**
 * Faults a story can put in front of the in-browser backend (`parameters.backend.faults`):
 * a given error body for a path, a delay, a failed fetch, or an HTML page where JSON
 * is expected. The first fault whose `path` and `method` match a request applies.
 */
import type { ErrorBody } from '../../src/contract.ts';

export interface Fault {
  /** Matched against the path below the endpoint, e.g. `/verification-codes` or `/^\/captcha/`. */
  path: string | RegExp;
  /** Only this method (default: any). */
  method?: 'GET' | 'POST';
  /** Wait this long (ms) first; with nothing else set, the real backend answers after it. */
  delay?: number;
  /** Never answer (a request in flight for as long as the story is shown). */
  hang?: boolean;
  /** Answer this status with `error` as the contract's error body. */
  status?: number;
  error?: ErrorBody['error'];
  /** `fetch` rejects as it does offline (`network`). */
  network?: boolean;
  /** A 200 HTML page, as a captive portal or a misrouted proxy answers (`bad_response`). */
  html?: boolean;
  /** Apply to this many matching requests only (default: all). */
  times?: number;
}

export type Handler = (request: Request) => Promise<Response>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function matches(fault: Fault, request: Request, path: string): boolean {
  if (fault.method && fault.method !== request.method) return false;
  if (fault.times !== undefined && fault.times <= 0) return false;
  return typeof fault.path === 'string' ? path === fault.path : fault.path.test(path);
}

/** Wraps `handle` so that matching requests meet their fault instead of (or before) the backend. */
export function withFaults(handle: Handler, basePath: string, faults: readonly Fault[] = []): Handler {
  // Copies, so that `times` counts per story, not per module.
  const live = faults.map((f) => ({ ...f }));
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    const fault = live.find((f) => matches(f, request, path));
    if (!fault) return handle(request);
    if (fault.times !== undefined) fault.times -= 1;
    if (fault.hang) return new Promise<Response>(() => undefined);
    if (fault.delay) await sleep(fault.delay);
    if (fault.network) throw new TypeError('Failed to fetch');
    if (fault.html) {
      return new Response('<!doctype html><title>Portal</title><p>Please sign in to the Wi-Fi.</p>', {
        status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
    if (fault.status && fault.error) {
      const headers = new Headers({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      if (fault.error.retryAfter !== undefined) headers.set('Retry-After', String(fault.error.retryAfter));
      return new Response(JSON.stringify({ error: fault.error }), { status: fault.status, headers });
    }
    return handle(request);
  };
}
