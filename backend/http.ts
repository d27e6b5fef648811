import { HttpError } from './errors.ts';
import type { Settings } from './options.ts';

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

// Sent by the widget, plus the usual names of the extra headers a page may add (CSRF, API keys).
const ALLOWED_HEADERS = ['content-type', 'accept', 'accept-language', 'authorization', 'x-csrf-token', 'x-xsrf-token', 'x-requested-with', 'x-api-key'];

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function errorResponse(error: HttpError): Response {
  return json(error.status, error.toBody(), error.details.headers);
}

/**
 * Reads a JSON request body: 415 unless `application/json` (UTF-8), 413 past
 * `maxBytes` (counted while streaming, so a huge body is never buffered), 400 when
 * it does not parse.
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  const [mediaType, ...params] = type.toLowerCase().split(';').map((p) => p.trim());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes.`);
}

/**
 * CORS headers for a response to `request`. Without `allowedOrigins` any page may
 * call, without cookies (`*`); with it, only listed origins, with credentials.
 */
export function corsHeaders(request: Request, settings: Settings): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin) return {};
  const headers: Record<string, string> = { 'Access-Control-Expose-Headers': 'Retry-After' };
  if (settings.allowedOrigins === undefined) {
    headers['Access-Control-Allow-Origin'] = '*';
  } else {
    headers.Vary = 'Origin';
    if (!settings.allowedOrigins.includes(origin)) return headers;
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Credentials'] = 'true';
  }
  return headers;
}

export function preflight(request: Request, settings: Settings): Response {
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .toLowerCase()
    .split(',')
    .map((h) => h.trim())
    .filter((h) => /^[a-z0-9-]{1,64}$/.test(h));
  const headers = {
    ...corsHeaders(request, settings),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': [...new Set([...ALLOWED_HEADERS, ...requested])].join(', '),
    'Access-Control-Max-Age': '600',
    'Cache-Control': 'no-store',
    'Content-Type': BASE_HEADERS['Content-Type'],
  };
  return new Response(null, { status: 204, headers });
}
