import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/hik-register.ts';
import { storyBackend, type BackendParameters } from './support/backend.ts';
import {
  $, fillForm, pressNext, settle, submitCode, text, toCodeStep, until, widget, wrongCode, openCodeDialog, codeModal,
} from './support/drive.ts';
import { renderRegister, type RegisterArgs } from './support/render.ts';

/**
 * `<hik-register>` against the reference backend running inside this page
 * (`stories/support/backend.ts`): every request is answered in the browser.
 * Server errors: "hik-register/Server errors"; transport failures: "hik-register/Transport".
 */
const meta: Meta<RegisterArgs> = {
  title: 'hik-register',
  component: 'hik-register',
  tags: ['autodocs'],
  render: renderRegister,
  args: { endpoint: '/api/register', captcha: 'image', channel: 'email', channels: 'email sms', termsUrl: '#terms', timeout: 15000 },
  argTypes: {
    // The `captcha` slot has the same name in custom-elements.json: keep this row with the attributes.
    captcha: { control: 'inline-radio', options: ['image', 'pow', 'none'], table: { category: 'attributes' } },
    channel: { control: 'inline-radio', options: ['email', 'sms'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    style: { table: { disable: true } },
  },
  parameters: { backend: {} satisfies BackendParameters },
};
export default meta;
type Story = StoryObj<RegisterArgs>;

export const Empty: Story = {};

/** Every field filled with valid values, the country confirmed, the captcha answered. */
export const Filled: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await fillForm(el, storyBackend({ loaded }));
    await expect($(el, '#terms')).toHaveProperty('checked', true);
  },
};

/** Register by mobile phone: the calling code is filled from the country. */
export const FilledPhone: Story = {
  args: { channel: 'sms' },
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await fillForm(el, storyBackend({ loaded }), { phone: '07400 123456' });
    await expect($(el, 'input[name=phone]')).toHaveProperty('value', '07400 123456');
  },
};

/** Only email is offered: no radio group. */
export const EmailOnly: Story = { args: { channels: 'email' } };

/** Proof of work: the browser solves the puzzle, nothing to type or see. */
export const ProofOfWorkCaptcha: Story = {
  args: { captcha: 'pow' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    const captcha = $(el, 'hik-captcha') as HTMLElement & { solved: boolean };
    await until(() => captcha.solved, 'puzzle solved', 20_000);
  },
};

/** Next on an empty form: an error on every required field, focus on the first. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await pressNext(el);
    await until(() => $(el, '#username').getAttribute('aria-invalid') === 'true', 'user name error');
    await expect($(el, '#terms').getAttribute('aria-invalid')).toBe('true');
    await settle(el);
  },
};

/** Next pressed; the backend takes its time (the request never ends in this story). */
export const Loading: Story = {
  parameters: { backend: { faults: [{ path: '/verification-codes', method: 'POST', hang: true }] } satisfies BackendParameters },
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await fillForm(el, storyBackend({ loaded }));
    await pressNext(el);
    await until(() => $(el, 'form').getAttribute('aria-busy') === 'true', 'request in flight');
  },
};

/** The code pop-up, just opened: where the code went, the time left, Resend later. */
export const CodeDialog: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await toCodeStep(el, storyBackend({ loaded }));
    await expect(text(codeModal(el))).toContain('a***@example.com');
  },
};

/** A wrong code: the error and the attempts left, in the pop-up. */
export const CodeDialogWrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await toCodeStep(el, backend);
    await submitCode(el, wrongCode(backend.lastCode() ?? '000000'));
    await until(() => $(el, 'hik-code-modal input[name=code]').getAttribute('aria-invalid') === 'true', 'code error');
    await expect(text(codeModal(el))).toMatch(/2/);
    await settle(el);
  },
};

/** The code expired (the backend's clock moved past `codeExpiresIn`): Resend is put forward. */
export const CodeDialogExpired: Story = {
  parameters: { backend: { resendAfter: 0 } satisfies BackendParameters },
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await toCodeStep(el, backend);
    backend.clock.advance(601);
    await submitCode(el, backend.lastCode() ?? '000000');
    await until(() => (codeModal(el) as HTMLElement & { expired: boolean }).expired, 'code expired');
    await settle(el);
  },
};

/** The right code: the account exists, the confirmation is shown. */
export const Success: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await toCodeStep(el, backend);
    await submitCode(el, backend.lastCode() ?? '');
    await until(() => el.step === 'done' && !openCodeDialog(el), 'registration complete');
    await settle(el);
  },
};

/** The same success by mobile phone. */
export const SuccessPhone: Story = {
  args: { channel: 'sms' },
  play: async ({ canvasElement, loaded }) => {
    const backend = storyBackend({ loaded });
    const el = await widget(canvasElement);
    await toCodeStep(el, backend, { phone: '07400 123456' });
    await submitCode(el, backend.lastCode() ?? '');
    await until(() => el.step === 'done' && !openCodeDialog(el), 'registration complete');
    await settle(el);
  },
};
