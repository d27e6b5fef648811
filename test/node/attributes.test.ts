// resolveConfig (src/attributes.ts): `<hik-register>`'s raw attributes → a checked
// configuration (ELEMENT.md). Every invalid value falls back to its default, with one
// console.warn per attribute and value. Only the returned config and the warnings are
// looked at, not how the strings are parsed.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { Config, RawConfig } from '../../src/attributes.ts';

type AttributesModule = typeof import('../../src/attributes.ts');

let instance = 0;
/**
 * A fresh copy of the module for each test: it remembers which warnings it gave
 * (once per attribute and value), and a test must not depend on which ran before.
 */
async function fresh(): Promise<AttributesModule['resolveConfig']> {
  instance += 1;
  const mod = (await import(`../../src/attributes.ts?instance=${instance}`)) as AttributesModule;
  return mod.resolveConfig;
}

/** The element's property values when no attribute is set (ELEMENT.md, src/hik-register.ts). */
const ELEMENT_DEFAULTS: RawConfig = {
  endpoint: '/api/register',
  country: '',
  channel: 'email',
  channels: 'email sms',
  countries: '',
  captcha: 'image',
  timeout: 15000,
  credentials: 'same-origin',
};

const DEFAULT_CONFIG: Config = {
  endpoint: '/api/register',
  country: null,
  channel: 'email',
  channels: ['email', 'sms'],
  countries: null,
  captcha: 'image',
  timeout: 15000,
  credentials: 'same-origin',
};

/** Runs resolveConfig over the defaults with `patch`, returning the config and every warning. */
async function resolve(patch: Partial<Record<keyof RawConfig, unknown>>): Promise<{ config: Config; warnings: string[] }> {
  const resolveConfig = await fresh();
  const warn = mock.method(console, 'warn', () => {});
  try {
    const config = resolveConfig({ ...ELEMENT_DEFAULTS, ...patch } as RawConfig);
    return { config, warnings: warn.mock.calls.map((c) => String(c.arguments[0])) };
  } finally {
    warn.mock.restore();
  }
}

/** One warning that names `attribute` and the value given. */
function assertWarned(warnings: string[], attribute: string, value: string): void {
  const about = warnings.filter((w) => w.includes(`${attribute}="${value}"`));
  assert.equal(about.length, 1, `one warning about ${attribute}="${value}", got: ${JSON.stringify(warnings)}`);
  assert.match(about[0], /<hik-register>/);
}

test('the element defaults give the documented configuration, without a warning', async () => {
  const { config, warnings } = await resolve({});
  assert.deepEqual(config, DEFAULT_CONFIG);
  assert.deepEqual(warnings, []);
});

test('empty attributes mean "not set": defaults, without a warning', async () => {
  const { config, warnings } = await resolve({ endpoint: '', country: '', channel: '', countries: '', captcha: '', credentials: '' });
  assert.deepEqual(config, DEFAULT_CONFIG);
  assert.deepEqual(warnings, []);
});

test('a removed attribute (Lit sets the property to null) means the default, without a warning', async () => {
  const { config, warnings } = await resolve({
    endpoint: null, country: null, channel: null, channels: null, countries: null, captcha: null, timeout: null, credentials: null,
  });
  assert.deepEqual(config, DEFAULT_CONFIG);
  assert.deepEqual(warnings, []);
});

// ---------------------------------------------------------------- endpoint

test('endpoint: surrounding whitespace is dropped; blank means the default', async () => {
  assert.equal((await resolve({ endpoint: '  https://api.example.test/register \n' })).config.endpoint, 'https://api.example.test/register');
  assert.equal((await resolve({ endpoint: '/custom' })).config.endpoint, '/custom');
  const blank = await resolve({ endpoint: '   ' });
  assert.equal(blank.config.endpoint, '/api/register');
});

// ---------------------------------------------------------------- country

test('country: an ISO code in any case is accepted and upper-cased', async () => {
  for (const value of ['gb', 'Gb', 'GB', ' de ']) {
    const { config, warnings } = await resolve({ country: value });
    assert.equal(config.country, value.trim().toUpperCase());
    assert.deepEqual(warnings, []);
  }
});

test('country: an unknown code falls back to none, with a warning', async () => {
  for (const value of ['XX', 'zz', 'GBR', 'G', '12', 'United Kingdom']) {
    const { config, warnings } = await resolve({ country: value });
    assert.equal(config.country, null, value);
    assert.equal(warnings.length, 1, `${value}: ${JSON.stringify(warnings)}`);
    assertWarned(warnings, 'country', value);
  }
});

// ---------------------------------------------------------------- channels and channel

test('channels: the order given is kept, spaces or commas separate', async () => {
  assert.deepEqual((await resolve({ channels: 'sms email' })).config.channels, ['sms', 'email']);
  assert.deepEqual((await resolve({ channels: 'email,sms' })).config.channels, ['email', 'sms']);
  assert.deepEqual((await resolve({ channels: ' sms ,  email ' })).config.channels, ['sms', 'email']);
  const sms = await resolve({ channels: 'sms', channel: 'sms' });
  assert.deepEqual(sms.config.channels, ['sms']);
  assert.deepEqual(sms.warnings, []);
});

test('channels: a way named twice is offered once', async () => {
  const { config, warnings } = await resolve({ channels: 'email email' });
  assert.deepEqual(config.channels, ['email']);
  assert.deepEqual(warnings, []);
  assert.deepEqual((await resolve({ channels: 'sms email sms' })).config.channels, ['sms', 'email']);
});

test('channels: an unknown word falls back to "email sms", with a warning', async () => {
  for (const value of ['email fax', 'pigeon', 'EMAIL SMS']) {
    const { config, warnings } = await resolve({ channels: value });
    assert.deepEqual(config.channels, ['email', 'sms'], value);
    assert.equal(warnings.length, 1, `${value}: ${JSON.stringify(warnings)}`);
    assertWarned(warnings, 'channels', value);
  }
});

test('channels: none named (empty or blank) falls back to "email sms", with a warning', async () => {
  for (const value of ['', '  ', ', ,']) {
    const { config, warnings } = await resolve({ channels: value });
    assert.deepEqual(config.channels, ['email', 'sms'], JSON.stringify(value));
    assertWarned(warnings, 'channels', value);
  }
});

test('channel: "sms" is selected first when offered', async () => {
  const { config, warnings } = await resolve({ channel: 'sms' });
  assert.equal(config.channel, 'sms');
  assert.deepEqual(warnings, []);
});

test('channel: one not among channels falls back to the first offered, with a warning', async () => {
  const { config, warnings } = await resolve({ channels: 'email', channel: 'sms' });
  assert.deepEqual(config.channels, ['email']);
  assert.equal(config.channel, 'email');
  assertWarned(warnings, 'channel', 'sms');
});

test('channel: an unknown value falls back to the first offered, with a warning', async () => {
  const { config, warnings } = await resolve({ channels: 'sms email', channel: 'fax' });
  assert.equal(config.channel, 'sms');
  assertWarned(warnings, 'channel', 'fax');
});

test('channel: the result is always among the channels offered', async () => {
  for (const channels of ['email', 'sms', 'email sms', 'sms email', 'nonsense', '']) {
    for (const channel of ['', 'email', 'sms', 'fax']) {
      const { config } = await resolve({ channels, channel });
      assert.ok(config.channels.includes(config.channel), `${channels} / ${channel}: ${JSON.stringify(config)}`);
    }
  }
});

// ---------------------------------------------------------------- countries

test('countries: an allow-list of codes in any case, upper-cased, spaces or commas between', async () => {
  const { config, warnings } = await resolve({ countries: 'gb de, FR' });
  assert.deepEqual(config.countries, ['GB', 'DE', 'FR']);
  assert.deepEqual(warnings, []);
});

test('countries: invalid codes are dropped, the valid ones kept, with one warning', async () => {
  const { config, warnings } = await resolve({ countries: 'GB XX de 123' });
  assert.deepEqual(config.countries, ['GB', 'DE']);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assertWarned(warnings, 'countries', 'GB XX de 123');
});

test('countries: no valid code at all means every country, with a warning', async () => {
  const { config, warnings } = await resolve({ countries: 'XX YY' });
  assert.equal(config.countries, null);
  assertWarned(warnings, 'countries', 'XX YY');
});

test('country: a preselected country outside the allow-list is dropped, with a warning', async () => {
  const { config, warnings } = await resolve({ countries: 'DE FR', country: 'gb' });
  assert.deepEqual(config.countries, ['DE', 'FR']);
  assert.equal(config.country, null);
  assertWarned(warnings, 'country', 'gb');
  const inside = await resolve({ countries: 'DE FR', country: 'fr' });
  assert.equal(inside.config.country, 'FR');
  assert.deepEqual(inside.warnings, []);
});

// ---------------------------------------------------------------- captcha, timeout, credentials

test('captcha: image, pow, slot and none are accepted', async () => {
  for (const mode of ['image', 'pow', 'slot', 'none'] as const) {
    const { config, warnings } = await resolve({ captcha: mode });
    assert.equal(config.captcha, mode);
    assert.deepEqual(warnings, []);
  }
});

test('captcha: anything else falls back to image, with a warning', async () => {
  for (const value of ['recaptcha', 'IMAGE', ' pow']) {
    const { config, warnings } = await resolve({ captcha: value });
    assert.equal(config.captcha, 'image', value);
    assertWarned(warnings, 'captcha', value);
  }
});

test('timeout: a positive number of ms is kept', async () => {
  for (const ms of [1, 2500, 60000]) {
    const { config, warnings } = await resolve({ timeout: ms });
    assert.equal(config.timeout, ms);
    assert.deepEqual(warnings, []);
  }
});

test('timeout: 0, negative, NaN or infinite fall back to 15000, with a warning', async () => {
  for (const value of [0, -1, -15000, Number.NaN, Number.POSITIVE_INFINITY]) {
    const { config, warnings } = await resolve({ timeout: value });
    assert.equal(config.timeout, 15000, String(value));
    assertWarned(warnings, 'timeout', String(value));
  }
});

test('credentials: same-origin, include and omit are accepted', async () => {
  for (const value of ['same-origin', 'include', 'omit'] as const) {
    const { config, warnings } = await resolve({ credentials: value });
    assert.equal(config.credentials, value);
    assert.deepEqual(warnings, []);
  }
});

test('credentials: anything else falls back to same-origin, with a warning', async () => {
  for (const value of ['cors', 'INCLUDE', 'true']) {
    const { config, warnings } = await resolve({ credentials: value });
    assert.equal(config.credentials, 'same-origin', value);
    assertWarned(warnings, 'credentials', value);
  }
});

// ---------------------------------------------------------------- warnings

test('every invalid attribute warns once, and the rest of the config is still checked', async () => {
  const { config, warnings } = await resolve({
    country: 'XX', channels: 'fax', channel: 'pigeon', countries: 'QQ', captcha: 'puzzle', timeout: -5, credentials: 'cors',
  });
  assert.deepEqual(config, DEFAULT_CONFIG);
  for (const [attribute, value] of [
    ['country', 'XX'], ['channels', 'fax'], ['channel', 'pigeon'], ['countries', 'QQ'],
    ['captcha', 'puzzle'], ['timeout', '-5'], ['credentials', 'cors'],
  ]) assertWarned(warnings, attribute, value);
  assert.equal(warnings.length, 7, JSON.stringify(warnings));
});

test('the same invalid value warns only once, however often it is resolved; another value warns again', async () => {
  const resolveConfig = await fresh();
  const warn = mock.method(console, 'warn', () => {});
  try {
    for (let i = 0; i < 3; i += 1) resolveConfig({ ...ELEMENT_DEFAULTS, captcha: 'puzzle', timeout: -1 });
    assert.equal(warn.mock.callCount(), 2, JSON.stringify(warn.mock.calls.map((c) => c.arguments)));
    resolveConfig({ ...ELEMENT_DEFAULTS, captcha: 'riddle', timeout: -1 });
    assert.equal(warn.mock.callCount(), 3);
    assert.match(String(warn.mock.calls[2].arguments[0]), /captcha="riddle"/);
    // The same value on another attribute is another warning.
    resolveConfig({ ...ELEMENT_DEFAULTS, credentials: 'puzzle' });
    assert.equal(warn.mock.callCount(), 4);
  } finally {
    warn.mock.restore();
  }
});
