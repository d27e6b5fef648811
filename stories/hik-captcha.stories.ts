import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/captcha/hik-captcha.ts';
import type { HikCaptcha } from '../src/captcha/hik-captcha.ts';
import type { CaptchaKind, ImageChallenge, PowChallenge } from '../src/contract.ts';
import { challengeOf } from './support/challenges.ts';
import { until } from './support/drive.ts';

interface Args {
  mode: CaptchaKind;
  powOffered: boolean;
  loading: boolean;
  disabled: boolean;
  error: string;
}

/**
 * The captcha alone. It never fetches: `<hik-register>` hands challenges in (here a
 * loader asks the in-browser backend) and reads `answer` at submit time.
 */
const meta: Meta<Args> = {
  title: 'Children/hik-captcha',
  component: 'hik-captcha',
  tags: ['autodocs'],
  args: { mode: 'image', powOffered: true, loading: false, disabled: false, error: '' },
  argTypes: { mode: { control: 'inline-radio', options: ['image', 'pow'] } },
  loaders: [async () => ({ image: await challengeOf('image') })],
  render: (args, { loaded }) => html`<form aria-label="Captcha"><hik-captcha
    mode=${args.mode}
    ?pow-offered=${args.powOffered}
    ?loading=${args.loading}
    ?disabled=${args.disabled}
    error=${args.error}
    .challenge=${args.loading ? null : ((args.mode === 'pow' ? loaded['pow'] : loaded['image']) as ImageChallenge | PowChallenge | undefined) ?? null}
  ></hik-captcha></form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Image: Story = {};

export const ImageOnly: Story = { args: { powOffered: false } };

export const Loading: Story = { args: { loading: true } };

export const WithError: Story = { args: { error: 'The characters do not match. Try the new picture.' } };

export const Disabled: Story = { args: { disabled: true } };

/** A large puzzle, so the progress bar is seen moving. */
export const PowSolving: Story = {
  args: { mode: 'pow' },
  loaders: [async () => ({ pow: await challengeOf('pow', 5_000_000) })],
};

export const PowSolved: Story = {
  args: { mode: 'pow' },
  loaders: [async () => ({ pow: await challengeOf('pow', 2000) })],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<HikCaptcha>('hik-captcha')!;
    await until(() => el.solved, 'puzzle solved', 20_000);
    await el.updateComplete;
  },
};
