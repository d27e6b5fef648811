import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/contact/hik-contact-toggle.ts';
import type { Channel } from '../src/contract.ts';

interface Args {
  channel: Channel;
  channels: string;
  country: string;
  callingCode: string;
  email: string;
  phone: string;
  emailError: string;
  phoneError: string;
  disabled: boolean;
}

/** Email / mobile phone choice alone. It renders into light DOM, so it sits in a form here as in the widget. */
const meta: Meta<Args> = {
  title: 'Children/hik-contact-toggle',
  component: 'hik-contact-toggle',
  tags: ['autodocs'],
  args: { channel: 'email', channels: 'email sms', country: 'GB', callingCode: '44', email: '', phone: '', emailError: '', phoneError: '', disabled: false },
  argTypes: { channel: { control: 'inline-radio', options: ['email', 'sms'] } },
  render: (args) => html`<form aria-label="Contact"><hik-contact-toggle
    channel=${args.channel}
    channels=${args.channels}
    .country=${args.country || null}
    .callingCode=${args.callingCode || null}
    .email=${args.email}
    .phone=${args.phone}
    .errors=${{ ...(args.emailError ? { email: args.emailError } : {}), ...(args.phoneError ? { phone: args.phoneError } : {}) }}
    ?disabled=${args.disabled}
  ></hik-contact-toggle></form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Email: Story = { args: { email: 'ann@example.com' } };

export const Phone: Story = { args: { channel: 'sms', phone: '07400 123456' } };

export const PhoneWithoutCountry: Story = { args: { channel: 'sms', country: '', callingCode: '' } };

export const EmailError: Story = { args: { email: 'ann@', emailError: 'Enter a valid email address.' } };

export const PhoneError: Story = { args: { channel: 'sms', phone: '0123', phoneError: 'Enter a valid mobile phone number for this country.' } };

export const EmailTaken: Story = { args: { email: 'ann@example.com', emailError: 'This email address is already registered.' } };

export const EmailOnly: Story = { args: { channels: 'email' } };

export const Disabled: Story = { args: { disabled: true, email: 'ann@example.com' } };
