/**
 * Every `hik-*` event: its name, its detail, and one typed `emit()`.
 *
 * Public events are fired by `<hik-register>` for the host page: they bubble and are
 * `composed`, so they cross the shadow root. Internal events go from a child up to
 * the root: they bubble but stay inside the root's shadow root (`composed: false`).
 * No detail ever carries a secret (password, captcha answer, code): the root reads
 * those from the child's public getter when it submits.
 */
import type { CaptchaKind } from './contract.ts';
import type { Channel, ErrorCode, Session } from './rules.ts';

/** The step the user is on. */
export type Step = 'form' | 'code' | 'done';

// ---------------------------------------------------------------- public

/** `hik-country-change`: the user confirmed a country. */
export interface CountryChangeDetail {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Its calling code without `+`, or `null` when none is known. */
  callingCode: string | null;
}
/** `hik-channel-change`: the user switched between email and mobile phone. */
export interface ChannelChangeDetail { channel: Channel }
/** `hik-step-change`: the flow moved to another step. */
export interface StepChangeDetail { step: Step }
/** `hik-code-sent`: the server sent a code (the destination is masked by the server). */
export interface CodeSentDetail {
  channel: Channel;
  destination: string;
  codeLength: number;
  expiresIn: number;
  resendAfter: number;
}
/** `hik-register-success`: the account exists; log the user in with `session`. */
export interface RegisterSuccessDetail {
  userId: string;
  username: string;
  country: string;
  channel: Channel;
  session?: Session;
}
/** `hik-register-error`: a request failed (server error code or `network`, `timeout`, `bad_response`). */
export interface RegisterErrorDetail { code: ErrorCode; message: string; field?: string }

/** The events `<hik-register>` fires on itself for the host page. */
export interface HikRegisterEventMap {
  'hik-country-change': CustomEvent<CountryChangeDetail>;
  'hik-channel-change': CustomEvent<ChannelChangeDetail>;
  'hik-step-change': CustomEvent<StepChangeDetail>;
  'hik-code-sent': CustomEvent<CodeSentDetail>;
  'hik-register-success': CustomEvent<RegisterSuccessDetail>;
  'hik-register-error': CustomEvent<RegisterErrorDetail>;
}

// ---------------------------------------------------------------- internal

/** `hik-country-select` (country pop-up → root): the user confirmed a country. */
export type CountrySelectDetail = CountryChangeDetail;
/** `hik-channel-select` (contact toggle → root). */
export interface ChannelSelectDetail { channel: Channel }
/**
 * `hik-contact-input` (contact toggle → root), on every edit of either input. The
 * E.164 form of the phone is not in it: the root reads the toggle's `e164` after the
 * toggle has validated, since only then is the phone library surely loaded.
 */
export interface ContactInputDetail {
  channel: Channel;
  email: string;
  /** The phone number as typed (formatted). */
  phone: string;
}
/** `hik-captcha-request` (captcha → root): fetch a challenge of this kind. */
export interface CaptchaRequestDetail { kind: CaptchaKind }

/** Events the children fire for `<hik-register>`; they never leave its shadow root. */
export interface HikInternalEventMap {
  'hik-country-select': CustomEvent<CountrySelectDetail>;
  'hik-country-cancel': CustomEvent<null>;
  'hik-channel-select': CustomEvent<ChannelSelectDetail>;
  'hik-contact-input': CustomEvent<ContactInputDetail>;
  'hik-captcha-request': CustomEvent<CaptchaRequestDetail>;
  'hik-captcha-solved': CustomEvent<null>;
  /** The user asks to check the code; the root reads it from the pop-up's `code`. */
  'hik-code-submit': CustomEvent<null>;
  'hik-code-resend': CustomEvent<null>;
  /** The user closed the code pop-up (Escape or Cancel). */
  'hik-code-cancel': CustomEvent<null>;
}

/** Every `hik-*` event, public and internal. */
export interface HikEventMap extends HikRegisterEventMap, HikInternalEventMap {}

const PUBLIC: ReadonlySet<string> = new Set<keyof HikRegisterEventMap>([
  'hik-country-change', 'hik-channel-change', 'hik-step-change', 'hik-code-sent',
  'hik-register-success', 'hik-register-error',
]);

/**
 * Fires a `hik-*` event on `target`. It bubbles; a public event is also `composed`
 * (it reaches the host page), an internal one stays inside the root's shadow root.
 */
export function emit<K extends keyof HikEventMap>(
  target: EventTarget,
  type: K,
  detail: HikEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: PUBLIC.has(type) }));
}

// Public events are typed on every element's (and the document's) addEventListener:
// they bubble and are composed. Internal ones are not: they never reach the page.
declare global {
  interface GlobalEventHandlersEventMap extends HikRegisterEventMap {}
}
