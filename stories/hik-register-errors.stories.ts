import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/hik-register.ts';
import type { HikRegister } from '../src/hik-register.ts';
import { storyBackend, type BackendParameters, type StoryBackend } from './support/backend.ts';
import {
  $, codeModal, resendButton, fill, fillForm, openCodeDialog, pressNext, registerDirect, settle, submitCode,
  toCodeStep, until, widget, wrongCode,
} from './support/drive.ts';
import { renderRegister, type RegisterArgs } from './support/render.ts';

/**
 * Each error code of CONTRACT.md's table, as the user meets it. Most come from the
 * reference backend itself (taken names, a wrong captcha, the clock moved past an
 * expiry, a rate limit of zero); the rest from `parameters.backend.faults`.
 */
const meta: Meta<RegisterArgs> = {
  title: 'hik-register/Server errors',
  component: 'hik-register',
  render: renderRegister,
  args: { termsUrl: '#terms' },
};
export default meta;
type Story = StoryObj<RegisterArgs>;
type Play = NonNullable<Story['play']>;

const invalid = (el: HikRegister, selector: string) => $(el, selector).getAttribute('aria-invalid') === 'true';
const alertShown = (el: HikRegister) => (el.shadowRoot!.querySelector('form > [role=alert]')?.textContent ?? '').trim() !== '';

/** Fills the form (with `values`), presses Next and waits for `check`. */
const afterNext = (check: (el: HikRegister) => unknown, values: Parameters<typeof fillForm>[2] = {}): Play =>
  async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await fillForm(el, storyBackend({ loaded }), values);
    await pressNext(el);
    await until(() => check(el), 'the error is shown');
    await settle(el);
  };

/** Reaches the code pop-up, does `act` there and waits for `check`. */
const atCodeStep = (
  act: (el: HikRegister, backend: StoryBackend) => unknown, check: (el: HikRegister) => unknown, what: string,
): Play =>
  async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await toCodeStep(el, backend);
    await act(el, backend);
    await until(() => check(el), what);
    await settle(el);
  };

export const InvalidField: Story = {
  name: 'invalid_field (user name)',
  parameters: {
    backend: {
      faults: [{ path: '/verification-codes', method: 'POST', status: 422,
        error: { code: 'invalid_field', message: 'This user name is reserved.', field: 'username' } }],
    } satisfies BackendParameters,
  },
  play: afterNext((el) => invalid(el, '#username')),
};

export const CaptchaInvalid: Story = {
  name: 'captcha_invalid',
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await fillForm(el, backend);
    const input = $(el, 'input[name=captcha]') as HTMLInputElement;
    // Another letter in first place: surely wrong, still well-formed.
    fill(input, (input.value[0] === 'A' ? 'B' : 'A') + input.value.slice(1));
    await pressNext(el);
    await until(() => invalid(el, 'input[name=captcha]'), 'captcha error');
    await settle(el);
  },
};

export const CaptchaExpired: Story = {
  name: 'captcha_expired',
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await fillForm(el, backend);
    backend.clock.advance(301);
    await pressNext(el);
    await until(() => invalid(el, 'input[name=captcha]') || alertShown(el), 'captcha expired');
    await settle(el);
  },
};

export const UsernameTaken: Story = {
  name: 'username_taken',
  play: async (context) => {
    await registerDirect(storyBackend(context), 'dealer_01', { email: 'first@example.com' });
    await afterNext((el) => invalid(el, '#username'))(context);
  },
};

export const EmailTaken: Story = {
  name: 'email_taken',
  play: async (context) => {
    await registerDirect(storyBackend(context), 'first_owner', { email: 'ann@example.com' });
    await afterNext((el) => invalid(el, 'input[name=email]'))(context);
  },
};

export const PhoneTaken: Story = {
  name: 'phone_taken',
  args: { channel: 'sms' },
  play: async (context) => {
    await registerDirect(storyBackend(context), 'first_owner', { phone: '+447400123456' });
    await afterNext((el) => invalid(el, 'input[name=phone]'), { phone: '07400 123456' })(context);
  },
};

/** A send limit of zero: the backend answers 429 with `retryAfter`; Next counts down. */
export const RateLimited: Story = {
  name: 'rate_limited (countdown)',
  parameters: { backend: { rateLimits: { sendPerAddress: { max: 0, window: 45 } } } satisfies BackendParameters },
  play: afterNext((el) => /\d/.test($(el, 'button[type=submit]').textContent ?? '') || alertShown(el)),
};

export const CodeInvalid: Story = {
  name: 'code_invalid (attempts left)',
  play: atCodeStep(
    (el, backend) => submitCode(el, wrongCode(backend.lastCode() ?? '000000')),
    (el) => invalid(el, 'hik-code-modal input[name=code]'), 'code error'),
};

export const CodeExpired: Story = {
  name: 'code_expired',
  parameters: { backend: { codeExpiresIn: 60, resendAfter: 0 } satisfies BackendParameters },
  play: atCodeStep(
    (el, backend) => { backend.clock.advance(61); return submitCode(el, backend.lastCode() ?? '000000'); },
    (el) => (codeModal(el) as HTMLElement & { expired: boolean }).expired, 'code expired'),
};

/** The last allowed wrong code: the pop-up closes, Next must be pressed again. */
export const TooManyAttempts: Story = {
  name: 'too_many_attempts',
  parameters: {
    backend: {
      faults: [{ path: '/accounts', method: 'POST', status: 429,
        error: { code: 'too_many_attempts', message: 'Too many wrong codes.', field: 'code', retryAfter: 30 } }],
    } satisfies BackendParameters,
  },
  play: atCodeStep(
    (el, backend) => submitCode(el, backend.lastCode() ?? '000000'),
    (el) => !openCodeDialog(el) && alertShown(el), 'back on the form'),
};

/** Resend after the whole request lived out its `requestExpiresIn`: back to the form. */
export const RequestExpired: Story = {
  name: 'request_expired',
  parameters: { backend: { resendAfter: 0 } satisfies BackendParameters },
  play: async (context) => {
    await atCodeStep(
      (el, backend) => { backend.clock.advance(1801); resendButton(el).click(); },
      (el) => !openCodeDialog(el) && el.step === 'form', 'back on the form')(context);
    await expect((await widget(context.canvasElement)).step).toBe('form');
  },
};

/** The server refuses the password at account creation: the pop-up closes, the error is on Password. */
export const PasswordWeak: Story = {
  name: 'password_weak',
  parameters: {
    backend: {
      faults: [{ path: '/accounts', method: 'POST', status: 422,
        error: { code: 'password_weak', message: 'This password is too common.', field: 'password' } }],
    } satisfies BackendParameters,
  },
  play: atCodeStep(
    (el, backend) => submitCode(el, backend.lastCode() ?? '000000'),
    (el) => !openCodeDialog(el) && invalid(el, '#password'), 'error on Password'),
};

/** A code the widget does not know: the server's message is shown as plain text. */
export const UnknownCode: Story = {
  name: 'unknown code (server message shown)',
  parameters: {
    backend: {
      faults: [{ path: '/verification-codes', method: 'POST', status: 403,
        error: { code: 'region_closed', message: 'Registration is closed in your region <b>today</b>.' } }],
    } satisfies BackendParameters,
  },
  play: afterNext(alertShown),
};

