/**
 * What the root's templates are given: a narrow, read-only view of the element's
 * state, built in `render()`, and the handlers that report back. The templates
 * never see the element itself.
 */
import type { Channel } from '../contract.ts';
import type { CaptchaMode } from '../attributes.ts';
import type { CaptchaController } from '../captcha/captcha-controller.ts';
import type { FlowController } from '../flow/flow-controller.ts';
import type { FlowState } from '../flow/state-machine.ts';
import type { FieldErrors, Values } from './form-values.ts';

/** What the captcha field shows, and the request for another challenge. */
export type CaptchaView = Readonly<Pick<CaptchaController,
  'mode' | 'challenge' | 'imageOffered' | 'powOffered' | 'offersKnown' | 'loading' | 'loadError'>> & Pick<CaptchaController, 'switchTo'>;

/** What the templates may ask of the flow (the `FlowController`'s own methods). */
export type FlowActions = Pick<FlowController,
  'setValues' | 'check' | 'clearError' | 'submit' | 'retry' | 'chooseCountry' | 'chooseChannel' |
  'submitCode' | 'resend' | 'closeCode' | 'errorText' | 'tryAgainText' | 'nextWaitText'>;

/** What the templates ask of the element itself. */
export interface ElementHandlers {
  toggleReveal(): void;
  openCountryDialog(): void;
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
  /** The `captcha` attribute: which captcha the form shows. */
  captchaMode: CaptchaMode;
  captcha: CaptchaView;
  termsUrl: string;
  privacyUrl: string;
  actions: FlowActions;
  on: ElementHandlers;
}
