/**
 * The response schemas of src/contract.ts as the browser checks them: the same fields
 * and the same rules, in the zod/mini forms that cost the browser least. The
 * browser never validates a request (it builds them; the server validates them), so
 * none is here, and src/contract.ts stays out of the browser bundle.
 *
 * Where the forms differ, they accept and refuse the same values. What each form of
 * src/contract.ts would add to the API client (rolldown, minified, gzip -9):
 * - no union for `Challenge`: the client asks for one kind and takes no other, so it
 *   checks an answer with that kind's schema, which passes exactly the bodies of that
 *   kind that the union passes (`z.discriminatedUnion` 803 B, `z.union` 317 B);
 * - `z.literal([...])` for the channel, a Set lookup as `z.enum` does (`z.enum` 200 B),
 *   and `z.literal([true, false])` for a boolean (`z.boolean()` 77 B);
 * - {@link whole}: `Number.isSafeInteger` and the bounds in one check, what
 *   `z.int().check(z.minimum(), z.maximum())` accepts (those 538 B; `z.refine` for
 *   the check 169 B).
 * test/node/contract-browser.test.ts compares both on the contract's bounds and on
 * the fuzz test's bodies; test/node/contract-types.test.ts checks the types are equal.
 */
import * as z from 'zod/mini';
import { RULES } from '../rules.ts';

/** A number `ok` holds for; anything else is an issue (zod's `.check(ctx => …)` form of a refinement). */
const number = (ok: (n: number) => boolean) =>
  z.number().check((ctx) => {
    if (!ok(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Invalid input' });
  });

/** A whole number from `min` to `max`, both included: z.int() with z.minimum and z.maximum. */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  number((n) => Number.isSafeInteger(n) && n >= min && n <= max);

const id = z.string().check(z.regex(RULES.idPattern));
const seconds = whole(0, 86_400 * 365);
/** A string of `min` to `max` characters (UTF-16 code units, as zod counts them). */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

export const ErrorBody = z.object({
  error: z.object({
    code: text(1, 100),
    message: z.string().check(z.maxLength(1000)),
    field: z.optional(z.string()),
    retryAfter: z.optional(number((n) => n >= 0)),
    attemptsLeft: z.optional(whole(0)),
  }),
});

export const ImageChallenge = z.object({
  kind: z.literal('image'),
  captchaId: id,
  image: z.string().check(
    z.maxLength(200_000),
    z.regex(/^data:image\/(svg\+xml|png|jpeg|gif|webp)(;[\w.+-]+=[\w.+-]+)*(;base64,([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})|,[^#]+)$/),
  ),
  length: whole(1, 12),
  expiresIn: seconds,
});

export const PowChallenge = z.object({
  kind: z.literal('pow'),
  captchaId: id,
  algorithm: z.literal('SHA-256'),
  salt: text(1, 256),
  challenge: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  maxNumber: whole(1, 10_000_000),
  expiresIn: seconds,
});

export const UsernameAvailability = z.object({ available: z.literal([true, false]) });

export const CodeSent = z.object({
  requestId: id,
  channel: z.literal(['email', 'sms']),
  destination: text(1, 300),
  codeLength: whole(RULES.codeMin, RULES.codeMax),
  expiresIn: seconds,
  resendAfter: seconds,
});

export const AccountCreated = z.object({
  userId: text(1, 128),
  username: text(1, 128),
  session: z.optional(z.object({ token: text(1, 8192), expiresIn: seconds })),
});
