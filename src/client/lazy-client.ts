import type { ApiClient, ClientOptions } from './api-client.ts';
import { clientError } from './api-error.ts';

/**
 * The API client, loaded on its first call. The form paints without waiting for
 * zod and the response schemas (about 8 kB gzip), which load in parallel with
 * the first captcha request. A chunk that fails to load is a `network` error,
 * and the next call tries again.
 */
export function lazyClient(options: ClientOptions): ApiClient {
  let client: Promise<ApiClient> | undefined;
  const get = (): Promise<ApiClient> =>
    (client ??= import('./api-client.ts').then(
      (m) => m.createClient(options),
      () => {
        client = undefined;
        throw clientError('network');
      },
    ));
  return {
    getCaptcha: async (kind, signal) => (await get()).getCaptcha(kind, signal),
    checkUsername: async (username, signal) => (await get()).checkUsername(username, signal),
    sendCode: async (body, signal) => (await get()).sendCode(body, signal),
    resendCode: async (requestId, signal) => (await get()).resendCode(requestId, signal),
    createAccount: async (body, signal) => (await get()).createAccount(body, signal),
  };
}
