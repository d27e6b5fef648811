// Every check the kit runs: its id, the line it prints, and the CONTRACT.md
// section a failure points at. The order here is the order of the report.

/** Headings of CONTRACT.md, as a reader finds them. */
export const SECTIONS = {
  transport: 'Base URL and transport',
  errors: 'Errors',
  captcha: 'GET {endpoint}/captcha?kind=image and ?kind=pow',
  usernames: 'GET {endpoint}/usernames/{username} (optional)',
  send: 'POST {endpoint}/verification-codes',
  resend: 'POST {endpoint}/verification-codes/{requestId}/resend',
  accounts: 'POST {endpoint}/accounts',
  fields: 'Field rules (defaults, configurable)',
} as const;
export type Section = keyof typeof SECTIONS;

export interface Check {
  id: string;
  title: string;
  section: Section;
  /** Needs a verification code to arrive (not run with --quick). */
  code?: boolean;
  /** Needs --origin. */
  cors?: boolean;
}

const c = (id: string, section: Section, title: string, more: Partial<Check> = {}): Check => ({ id, section, title, ...more });

export const CHECKS = [
  // What every response must do (looked at over all the responses of the run).
  c('content-type', 'transport', 'every response is JSON: Content-Type application/json'),
  c('error-body', 'errors', 'every error response is { error: { code, message, … } }'),
  c('retry-after', 'errors', 'every 429 sends a Retry-After header (seconds or an HTTP date)'),
  c('captcha-no-store', 'transport', 'captcha responses send Cache-Control: no-store'),
  c('captcha-shape', 'captcha', 'challenges match the widget\'s schema (ImageChallenge, PowChallenge)'),
  c('code-sent-shape', 'send', 'sent codes are described as the widget\'s CodeSent schema says (send and resend)', { code: true }),
  c('account-shape', 'accounts', 'a new account is described as the widget\'s AccountCreated schema says', { code: true }),

  c('captcha-kinds', 'captcha', 'GET captcha?kind=image and ?kind=pow: 200 or 404 (not offered), at least one offered'),
  c('captcha-wrong-answer', 'captcha', 'a wrong captcha answer: 400 captcha_invalid on field captcha'),
  c('captcha-unknown', 'captcha', 'a captcha id the server never issued: 410 captcha_expired or 400 captcha_invalid'),
  c('captcha-single-use', 'send', 'a challenge is single use: refused on a second call, after a refused or an accepted one'),
  c('captcha-expiry', 'captcha', 'a challenge past its expiresIn: 410 captcha_expired'),
  c('captcha-image-answer', 'captcha', 'the characters a picture shows pass, upper-cased as the widget sends them (whatever case they are drawn in)', { code: true }),

  c('usernames', 'usernames', 'GET usernames/{free name}: 200 { available: true }, or 404/405 when not offered'),
  c('usernames-taken', 'usernames', 'GET usernames/{registered name}: { available: false }', { code: true }),

  c('send-missing-key', 'errors', 'send code without country: 422 invalid_field on country'),
  c('send-extra-key', 'transport', 'send code with a key the contract does not have: 422 invalid_field'),
  c('send-mistyped-key', 'errors', 'send code with a number for username: 422 invalid_field on username'),
  c('send-username-rule', 'fields', 'user names of 3 characters or starting with a digit: 422 invalid_field on username'),
  c('send-email-rule', 'fields', 'an email address without @: 422 invalid_field on email'),
  c('send-phone-rule', 'fields', 'a phone number not in E.164: 422 invalid_field on phone'),
  c('send-country-rule', 'send', 'a country code not upper case ISO 3166-1 alpha-2: 422 invalid_field on country'),
  c('send-accepted', 'send', 'a valid request: 201 with the destination masked, and the code arrives with codeLength digits', { code: true }),
  c('send-username-taken', 'errors', 'a registered user name: 409 username_taken on username', { code: true }),
  c('send-contact-taken', 'send', 'a registered email or phone: 409 email_taken/phone_taken, or 201 (not revealed)', { code: true }),

  c('resend-unknown', 'resend', 'resend for a request id the server never issued: 410 request_expired'),
  c('resend-cooldown', 'resend', 'resend before resendAfter: 429 rate_limited', { code: true }),
  c('resend-after-cooldown', 'resend', 'resend after resendAfter: 200 and a new code', { code: true }),

  c('accounts-unknown', 'accounts', 'create with a request id the server never issued: refused (410 code_expired or request_expired)'),
  c('accounts-missing-key', 'errors', 'create without country: 422 invalid_field on country', { code: true }),
  c('accounts-extra-key', 'transport', 'create with a key the contract does not have: 422 invalid_field', { code: true }),
  c('accounts-terms', 'fields', 'create with termsAccepted false: 422 invalid_field on termsAccepted', { code: true }),
  c('accounts-password-rule', 'fields', 'passwords of 7 characters or equal to the user name: 422 password_weak/invalid_field on password', { code: true }),
  c('accounts-code-invalid', 'errors', 'a wrong code: 400 code_invalid on code, with attemptsLeft', { code: true }),
  c('accounts-created', 'accounts', 'the right code: 201, even after a password_weak (request and code stay valid)', { code: true }),
  c('accounts-code-expiry', 'errors', 'the right code past its expiresIn: 410 code_expired', { code: true }),
  c('accounts-attempts', 'errors', 'wrong codes end in 429 too_many_attempts, after which the right code is refused', { code: true }),

  c('cors-preflight', 'transport', 'preflight of POST with Content-Type, Accept-Language and the page\'s headers is allowed', { cors: true }),
  c('cors-response', 'transport', 'every response allows the page\'s origin (Access-Control-Allow-Origin)', { cors: true }),
  c('cors-expose-retry-after', 'errors', '429 responses expose Retry-After to the page (Access-Control-Expose-Headers)', { cors: true }),
  c('cors-credentials', 'transport', 'with credentials=include: the origin echoed and Access-Control-Allow-Credentials: true', { cors: true }),
] as const satisfies readonly Check[];

export type CheckId = (typeof CHECKS)[number]['id'];

export function check(id: CheckId): Check {
  const found = CHECKS.find((k) => k.id === id);
  if (!found) throw new Error(`unknown check ${id}`);
  return found;
}
