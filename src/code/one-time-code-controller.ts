import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { codeFromText, onlyDigits } from './code-digits.ts';
import { receiveSmsCode } from './webotp.ts';

export interface OneTimeCodeOptions {
  /** The `<input>` that holds the code, once rendered. */
  input: () => HTMLInputElement | undefined;
  /** How many digits make a code. */
  length: () => number;
  /** The value was changed by the user or by an SMS: an error about it is stale. */
  changed: () => void;
  /** Enter was pressed in the input. */
  submit: () => void;
}

/**
 * Keeps a one-time-code `<input>` to digits, however they arrive (typing, pasting a
 * whole message, autofill, WebOTP). The code stays in the input; nothing is stored.
 * Bind the handlers on the input: `@input=${code.onInput}` (they keep their `this`).
 */
export class OneTimeCodeController implements ReactiveController {
  #sms: AbortController | undefined;

  constructor(host: ReactiveControllerHost, private readonly options: OneTimeCodeOptions) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopListening();
  }

  /** The digits in the input. */
  get value(): string {
    return this.options.input()?.value ?? '';
  }

  /** Empties the input without calling `changed`. */
  clear(): void {
    const input = this.options.input();
    if (input) input.value = '';
  }

  /** Fills the input from an SMS as it arrives, if the browser offers WebOTP. */
  listenForSms(): void {
    this.stopListening();
    const abort = new AbortController();
    this.#sms = abort;
    void receiveSmsCode(abort.signal).then((code) => {
      if (code != null && !abort.signal.aborted) this.#set(codeFromText(code, this.options.length()));
    });
  }

  stopListening(): void {
    this.#sms?.abort();
    this.#sms = undefined;
  }

  readonly onBeforeInput = (e: InputEvent): void => {
    // Drop a typed non-digit before it lands, which keeps the caret where it was.
    if (e.inputType === 'insertText' && e.data && onlyDigits(e.data) === '') e.preventDefault();
  };

  readonly onInput = (): void => {
    // Autofill, drag and drop, IMEs: whatever got in, keep only the digits.
    const value = this.value;
    const digits = onlyDigits(value).slice(0, this.options.length());
    if (digits !== value) this.#set(digits);
    else this.options.changed();
  };

  readonly onPaste = (e: ClipboardEvent): void => {
    const text = e.clipboardData?.getData('text/plain');
    const input = this.options.input();
    if (text == null || !input) return;
    // Handled here because `maxlength` would cut "Your code: 123456" before the digits.
    e.preventDefault();
    const length = this.options.length();
    const pasted = codeFromText(text, length);
    if (pasted.length >= length) {
      this.#set(pasted);
    } else {
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      this.#set(input.value.slice(0, start) + pasted + input.value.slice(end));
      const caret = Math.min(start + pasted.length, input.value.length);
      input.setSelectionRange(caret, caret);
    }
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing) return;
    // Enter would otherwise submit the parent's form (implicit submission).
    e.preventDefault();
    this.options.submit();
  };

  #set(value: string): void {
    const input = this.options.input();
    if (!input) return;
    input.value = value.slice(0, this.options.length());
    this.options.changed();
  }
}
