/**
 * The reference backend of the hik-register contract (../shared/CONTRACT.md).
 *
 * `createBackend(options).handle(request)` maps a standard `Request` to a
 * `Response` with Web APIs only, so the same code serves Node (see `node.ts`,
 * `vite-plugin.ts`, `test-server.ts`) and a browser (Storybook). Never throws:
 * every refusal is an error body of the contract, an unexpected exception a 500.
 */
import { HttpError } from './errors.ts';
import { corsHeaders, errorResponse, json, preflight } from './http.ts';
import { resolve, type BackendOptions, type Env } from './options.ts';
import { hit } from './rate-limit.ts';
import { ROUTES } from './routes.ts';

export type { BackendOptions, Settings } from './options.ts';
export { ManualClock, systemClock, type Clock } from './clock.ts';
export { MemoryStore, type Store } from './store.ts';
export { MemoryOutbox, type Outbox, type OutboxMessage } from './outbox.ts';
export { pbkdf2Hasher, type PasswordHasher } from './hasher.ts';
export { DEFAULT_RATE_LIMITS, type Limit, type RateLimits } from './rate-limit.ts';

export interface HandleContext {
  /** The caller's network address, for per-client rate limits. */
  clientAddress?: string;
}

export interface Backend extends Env {
  handle(request: Request, context?: HandleContext): Promise<Response>;
  /** Where the API is mounted, e.g. `/api/register` (`""` for the root). */
  readonly basePath: string;
}

const SWEEP_EVERY = 200;

export function createBackend(options: BackendOptions = {}): Backend {
  const { onError, ...env } = resolve(options);
  const { settings } = env;
  let calls = 0;

  async function dispatch(request: Request, client: string): Promise<Response> {
    const url = new URL(request.url);
    const path = subPath(url.pathname, settings.basePath);
    if (path === undefined) throw new HttpError(404, 'not_found', 'Not found.');
    await hit(env.store, `all:${client}`, settings.rateLimits.perAddress, env.clock.now());
    if (++calls % SWEEP_EVERY === 0) await env.store.sweep?.(env.clock.now());
    for (const route of ROUTES) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      const handler = route.methods[request.method as 'GET' | 'POST'];
      if (!handler) {
        throw new HttpError(405, 'method_not_allowed', `Use ${Object.keys(route.methods).join(', ')}.`, {
          headers: { Allow: `${Object.keys(route.methods).join(', ')}, OPTIONS` },
        });
      }
      return handler({ env, request, url, client, params: match.slice(1) });
    }
    throw new HttpError(404, 'not_found', 'Not found.');
  }

  async function handle(request: Request, context: HandleContext = {}): Promise<Response> {
    let response: Response;
    try {
      if (request.method === 'OPTIONS') return preflight(request, settings);
      response = await dispatch(request, context.clientAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpError) {
        response = errorResponse(error);
      } else {
        try {
          onError(error);
        } catch {
          // A failing logger must not turn into a throw.
        }
        response = json(500, { error: { code: 'internal_error', message: 'Something went wrong on the server.' } });
      }
    }
    try {
      for (const [name, value] of Object.entries(corsHeaders(request, settings))) response.headers.set(name, value);
    } catch {
      // Headers of our own responses are mutable; nothing to add if not.
    }
    return response;
  }

  return { ...env, handle, basePath: settings.basePath };
}

/** The path below `basePath`, or `undefined` when the request is not for the API. */
function subPath(pathname: string, basePath: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}
