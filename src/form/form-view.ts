/**
 * What the root's templates are given: a narrow, read-only view of the element's
 * state, built in `render()`, and the handlers that report back. The templates
 * never see the element itself.
 */
import type { CaptchaKind, Channel, ImageChallenge, PowChallenge } from '../contract.ts';
import type { CaptchaMode } from '../attributes.ts';
import type { ContactInputDetail } from '../events.ts';
import type { FlowState } from '../flow/state-machine.ts';
import type { FieldErrors, FieldName, Values } from './form-values.ts';

/** What the captcha field shows. */
export interface CaptchaView {
  mode: CaptchaMode;
  kind: CaptchaKind;
  challenge: ImageChallenge | PowChallenge | null;
  imageOffered: boolean;
  powOffered: boolean;
  loading: boolean;
  /** Localized text when no challenge could be loaded. */
  loadError: string;
}

export interface FormHandlers {
  input(patch: Partial<Values>): void;
  /** The user left a field: check it. */
  leave(field: FieldName): void;
  clearError(field: FieldName): void;
  submit(): void;
  retry(): void;
  toggleReveal(): void;
  openCountryDialog(): void;
  chooseCountry(country: string): void;
  chooseChannel(channel: Channel): void;
  contactInput(detail: ContactInputDetail): void;
  captchaRequest(kind: CaptchaKind): void;
  codeSubmit(): void;
  codeResend(): void;
  codeCancel(): void;
  /** Better country names have arrived: render again. */
  namesLoaded(): void;
}

export interface FormView {
  values: Values;
  errors: FieldErrors;
  flow: FlowState;
  /** Seconds Next still waits after a rate limit. */
  cooldown: number;
  locale: string;
  /** Whether the passwords are shown as text. */
  revealed: boolean;
  countries: string[] | null;
  channels: Channel[];
  captcha: CaptchaView;
  termsUrl: string;
  privacyUrl: string;
  on: FormHandlers;
}
