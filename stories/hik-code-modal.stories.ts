import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/code/hik-code-modal.ts';
import type { Channel } from '../src/contract.ts';

interface Args {
  channel: Channel;
  destination: string;
  codeLength: number;
  /** Seconds from now; shown as the time left. */
  expiresIn: number;
  /** Seconds from now until Resend is offered. */
  resendAfter: number;
  attemptsLeft: number | null;
  error: string;
  expired: boolean;
  busy: boolean;
}

/** The verification code pop-up alone (a modal `<dialog>`); `<hik-register>` opens it after Next. */
const meta: Meta<Args> = {
  title: 'Children/hik-code-modal',
  component: 'hik-code-modal',
  tags: ['autodocs'],
  args: {
    channel: 'email', destination: 'a***@example.com', codeLength: 6, expiresIn: 600, resendAfter: 30,
    attemptsLeft: null, error: '', expired: false, busy: false,
  },
  argTypes: { channel: { control: 'inline-radio', options: ['email', 'sms'] } },
  render: (args) => html`<form aria-label="Verification"><hik-code-modal
    open
    channel=${args.channel}
    destination=${args.destination}
    .codeLength=${args.codeLength}
    .expiresAt=${Date.now() + args.expiresIn * 1000}
    .resendAt=${Date.now() + args.resendAfter * 1000}
    .attemptsLeft=${args.attemptsLeft}
    error=${args.error}
    ?expired=${args.expired}
    ?busy=${args.busy}
  ></hik-code-modal></form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};

export const Sms: Story = { args: { channel: 'sms', destination: '+44 ******* 456', codeLength: 4 } };

export const WrongCode: Story = { args: { error: 'That code is not correct.', attemptsLeft: 2 } };

export const Expired: Story = { args: { expired: true, expiresIn: 0, resendAfter: 0 } };

export const ResendAvailable: Story = { args: { resendAfter: 0 } };

export const Busy: Story = { args: { busy: true } };
