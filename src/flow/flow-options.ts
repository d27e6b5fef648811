/** What the FlowController needs of its element and the element's children. */
import type { ReactiveControllerHost } from 'lit';
import type { Config } from '../attributes.ts';
import type { ApiClient } from '../client/api-client.ts';
import type { CaptchaController } from '../captcha/captcha-controller.ts';
import type { FieldErrors, FieldName, Values } from '../form/form-values.ts';
import type { FlowEvent, FlowState } from './state-machine.ts';

export interface FlowOptions {
  config: () => Config;
  client: () => ApiClient;
  /** The language in use, sent with requests so the server writes in it. */
  locale: () => string;
  captcha: CaptchaController;
  /** Makes sure `<hik-code-modal>` is defined before the code step. */
  loadCodeModal: () => Promise<unknown>;
  /** The contact toggle checks its visible field and shows its message; true when valid. */
  validateContact: () => Promise<boolean>;
  /** The phone number in E.164, as the contact toggle reads it. */
  phoneE164: () => string | null;
  /** The code typed in the code pop-up: a secret, read when OK is pressed. */
  code: () => string;
  clearCode: () => void;
  /** Focuses a field; `null`: the first field that shows an error. */
  focus: (field: FieldName | null) => void;
  /** Says `text` in the polite live region. */
  announce: (text: string) => void;
}

/**
 * What the flow's requests (flow-requests.ts, loaded after the first paint) use of the
 * FlowController that loads them. Internal to the two.
 */
export interface FlowCore {
  state: FlowState;
  values: Values;
  errors: FieldErrors;
  readonly host: ReactiveControllerHost & EventTarget;
  readonly options: FlowOptions;
  /** The captcha's renewal after a request: Next waits for the new challenge. */
  captchaRenewal: Promise<void> | null;
  /** Moves the state machine, saves the draft and renders. */
  set(event: FlowEvent): void;
  /** The field's error now, '' when it has none. */
  fieldError(field: FieldName): string;
}
