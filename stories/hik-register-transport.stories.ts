import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/hik-register.ts';
import { storyBackend, type BackendParameters } from './support/backend.ts';
import { fillForm, pressNext, settle, until, widget } from './support/drive.ts';
import { renderRegister, type RegisterArgs } from './support/render.ts';

/** The client's own error codes: `network`, `timeout`, `bad_response` (faults in front of the backend). */
const meta: Meta<RegisterArgs> = {
  title: 'hik-register/Transport errors',
  component: 'hik-register',
  render: renderRegister,
  args: { termsUrl: '#terms' },
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await fillForm(el, storyBackend({ loaded }));
    await pressNext(el);
    await until(() => (el.shadowRoot!.querySelector('form > [role=alert]')?.textContent ?? '').trim() !== '', 'alert shown');
    await settle(el);
  },
};
export default meta;
type Story = StoryObj<RegisterArgs>;

export const Network: Story = {
  name: 'network (fetch failed)',
  parameters: { backend: { faults: [{ path: '/verification-codes', network: true }] } satisfies BackendParameters },
};

export const Timeout: Story = {
  name: 'timeout (no answer within 1.5 s)',
  args: { timeout: 1500 },
  parameters: { backend: { faults: [{ path: '/verification-codes', hang: true }] } satisfies BackendParameters },
};

export const BadResponse: Story = {
  name: 'bad_response (an HTML page)',
  parameters: { backend: { faults: [{ path: '/verification-codes', html: true }] } satisfies BackendParameters },
};

export const ServerError: Story = {
  name: '500 internal error',
  parameters: {
    backend: {
      faults: [{ path: '/verification-codes', status: 500, error: { code: 'internal_error', message: 'Something went wrong on the server.' } }],
    } satisfies BackendParameters,
  },
};

/** The captcha cannot load: the captcha's own error, Refresh to try again. */
export const CaptchaUnavailable: Story = {
  name: 'captcha cannot load (network)',
  parameters: { backend: { faults: [{ path: '/captcha', network: true }] } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    await until(() => canvasElement.querySelector('hik-register')?.shadowRoot?.querySelector('hik-captcha .hik-captcha__error'), 'captcha error shown');
  },
};
