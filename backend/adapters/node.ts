/**
 * Node adapter: `IncomingMessage`/`ServerResponse` ↔ `Request`/`Response`, the
 * scrypt password hasher, and a connect-style middleware for the backend.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Backend } from '../index.ts';
import type { PasswordHasher } from '../hasher.ts';

export type NextFunction = (error?: unknown) => void;
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;

/**
 * A `Request` for `req`. The body is read up to `maxBytes + 1` bytes only: enough
 * for the backend to answer 413, without buffering whatever a client streams.
 */
export async function toWebRequest(req: IncomingMessage, maxBytes = 16_384): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const body = await readCapped(req, maxBytes + 1);
  // The real length is unknown past the cap; let the backend count what it gets.
  headers.delete('content-length');
  return new Request(url, { method, headers, body });
}

// Past the cap the rest of an upload is read and dropped (so the client gets our
// 413 instead of a reset), up to DRAIN_LIMIT, after which the connection is cut.
const DRAIN_LIMIT = 1024 * 1024;

function readCapped(req: IncomingMessage, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) {
      resolve(new Uint8Array(0));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      resolve(new Uint8Array(Buffer.concat(chunks).subarray(0, cap)));
    };
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (!settled) chunks.push(chunk);
      if (total >= cap) finish();
      if (total > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', finish);
    req.on('error', (error) => (settled ? undefined : reject(error)));
  });
}

export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/** Serves the backend under its `basePath`; every other path goes to `next()`. */
export function nodeMiddleware(backend: Backend): NodeMiddleware {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const base = backend.basePath;
    if (base !== '' && path !== base && !path.startsWith(`${base}/`)) {
      next();
      return;
    }
    serve(backend, req, res).catch(next);
  };
}

/** Answers `req` with the backend (whatever its path). */
export async function serve(backend: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await toWebRequest(req, backend.settings.maxBodyBytes);
  const clientAddress = req.socket.remoteAddress ?? 'unknown';
  await writeWebResponse(res, await backend.handle(request, { clientAddress }));
}

export interface ScryptHasherOptions {
  /** CPU/memory cost, a power of two. Default 2^15 (about 32 MiB, tens of ms). */
  N?: number;
  r?: number;
  p?: number;
}

/** scrypt from node:crypto, stored as `scrypt$N$r$p$salt$hash` (base64). */
export function scryptHasher(options: ScryptHasherOptions = {}): PasswordHasher {
  const N = options.N ?? 2 ** 15;
  const r = options.r ?? 8;
  const p = options.p ?? 1;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, { N, r, p });
      return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const [scheme, n, rr, pp, salt, expected] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !expected) return false;
      const want = Buffer.from(expected, 'base64');
      const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) });
      return key.length === want.length && timingSafeEqual(key, want);
    },
  };
}

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (params.N ?? 0) * (params.r ?? 8) + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
