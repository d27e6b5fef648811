import * as z from 'zod/mini';
import { invalidField } from './errors.ts';
import { normalizeUsername } from '../src/rules.ts';

/**
 * Validates a request body against a contract schema; the first problem becomes
 * `invalid_field` naming the top-level field (an unknown key is named itself).
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const result = z.safeParse(schema, withNormalizedUsername(body));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const top = issue?.path[0];
  if (typeof top === 'string') {
    return fail(top, issue?.code === 'unrecognized_keys' && issue.path.length === 1 ? `Unknown field in ${top}.` : `Invalid value for ${top}.`);
  }
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return fail(key, `Unknown field: ${String(key).slice(0, 40)}.`);
  }
  return fail(undefined, 'The body must be a JSON object with the documented fields.');
}

function fail(field: string | undefined, message: string): never {
  throw invalidField(field, message);
}

/** The contract validates the NFKC-normalized, trimmed name (what the widget sends). */
function withNormalizedUsername(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  return typeof record.username === 'string' ? { ...record, username: normalizeUsername(record.username) } : body;
}
