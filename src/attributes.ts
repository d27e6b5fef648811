/**
 * Turns `<hik-register>`'s raw attributes into a checked configuration. An invalid
 * value falls back to its default with one console warning (per attribute and
 * value), never a broken element.
 */
import type { Channel } from './contract.ts';
import { isCountryCode } from './country/countries.ts';

export type CaptchaMode = 'image' | 'pow' | 'slot' | 'none';
export type Credentials = 'same-origin' | 'include' | 'omit';
/** `auto` follows `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

export interface RawConfig {
  endpoint: string;
  country: string;
  channel: string;
  channels: string;
  countries: string;
  captcha: string;
  timeout: number;
  credentials: string;
}

export interface Config {
  endpoint: string;
  country: string | null;
  channel: Channel;
  channels: Channel[];
  countries: string[] | null;
  captcha: CaptchaMode;
  timeout: number;
  credentials: Credentials;
}

const warned = new Set<string>();

function warn(attribute: string, value: unknown, fallback: string): void {
  const key = `${attribute}=${String(value)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`<hik-register>: invalid ${attribute}="${String(value)}"; using ${fallback}.`);
}

function words(value: string): string[] {
  return value.trim().split(/[\s,]+/).filter(Boolean);
}

/** Every way to register, in the order they are offered by default. */
export const CHANNELS: readonly Channel[] = ['email', 'sms'];

/**
 * A `channels` attribute (`"email sms"`, spaces or commas between): the known ways in
 * the order given, each once. `valid` is false when a word is not a way or none is given.
 */
export function parseChannels(value: string): { channels: Channel[]; valid: boolean } {
  const list = words(value);
  const channels = list.filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c));
  return { channels: [...new Set(channels)], valid: channels.length > 0 && channels.length === list.length };
}

export function resolveConfig(raw: RawConfig): Config {
  const endpoint = raw.endpoint?.trim() || '/api/register';

  let country: string | null = null;
  if (raw.country) {
    const code = raw.country.trim().toUpperCase();
    if (isCountryCode(code)) country = code;
    else warn('country', raw.country, 'no preselected country');
  }

  let { channels, valid } = parseChannels(raw.channels ?? '');
  if (!valid) {
    // A removed attribute (Lit sets null) means the default, without a word.
    if (raw.channels != null && raw.channels !== 'email sms') warn('channels', raw.channels, '"email sms"');
    channels = [...CHANNELS];
  }

  let channel: Channel = channels[0];
  if (raw.channel === 'email' || raw.channel === 'sms') {
    if (channels.includes(raw.channel)) channel = raw.channel;
    else warn('channel', raw.channel, `"${channel}" (not among channels)`);
  } else if (raw.channel) {
    warn('channel', raw.channel, `"${channel}"`);
  }

  let countries: string[] | null = null;
  if (raw.countries?.trim()) {
    const list = words(raw.countries).map((c) => c.toUpperCase());
    const valid = list.filter(isCountryCode);
    if (valid.length !== list.length) warn('countries', raw.countries, 'only the valid codes');
    countries = valid.length ? valid : null;
  }
  if (countries && country && !countries.includes(country)) {
    warn('country', raw.country, 'no preselected country (not among countries)');
    country = null;
  }

  const modes: CaptchaMode[] = ['image', 'pow', 'slot', 'none'];
  let captcha: CaptchaMode = 'image';
  if (modes.includes(raw.captcha as CaptchaMode)) captcha = raw.captcha as CaptchaMode;
  else if (raw.captcha) warn('captcha', raw.captcha, '"image"');

  let timeout = 15000;
  if (Number.isFinite(raw.timeout) && raw.timeout > 0) timeout = raw.timeout;
  else if (raw.timeout != null) warn('timeout', raw.timeout, '15000');

  const creds: Credentials[] = ['same-origin', 'include', 'omit'];
  let credentials: Credentials = 'same-origin';
  if (creds.includes(raw.credentials as Credentials)) credentials = raw.credentials as Credentials;
  else if (raw.credentials) warn('credentials', raw.credentials, '"same-origin"');

  return { endpoint, country, channel, channels, countries, captcha, timeout, credentials };
}
