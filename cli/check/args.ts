// The command line of `hik-register check`: what it reads, and the usage text.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: hik-register check <endpoint> [options]

Checks a running backend against the widget's backend contract (CONTRACT.md),
over HTTP only. <endpoint> is what the element's endpoint attribute would say,
absolute: http://localhost:5173/api/register

Options:
  --quick                 only the checks that send no code (no email or SMS goes out)
  --code-command "cmd"    prints the code sent to a destination; run by the shell with
                          HIK_CHECK_DESTINATION (email or E.164 phone), HIK_CHECK_CHANNEL
                          and HIK_CHECK_REQUEST_ID set, and {destination} in cmd replaced
                          by the destination (quoted). The last 4 to 8 digit number it
                          prints is the code. Without it the kit asks on the terminal,
                          or skips those checks when stdin is not a terminal.
  --captcha-command "cmd" prints the characters a picture captcha shows; run by the shell
                          with HIK_CHECK_CAPTCHA_IMAGE (the picture saved as a file) and
                          HIK_CHECK_CAPTCHA_ID set. Without it the kit asks on the terminal
                          (when stdin is one) or uses the proof-of-work kind only.
  --origin <origin>       also check CORS as a page on <origin> needs it
  --credentials include   the widget's credentials attribute (with --origin: cookies too)
  --header "Name: value"  a header the page adds to every request (CSRF token, API key);
                          repeatable
  --email <template>      address for the accounts it creates; {id} becomes a generated
                          token (default hik-check-{id}@example.com)
  --channel email|sms     how codes are sent in the register checks (default email;
                          sms uses fictional +44 7700 900xxx numbers)
  --wait <seconds>        longest it waits for a cooldown or an expiry (default 5)
  --json                  results as JSON on stdout
  --help

Exit code: 0 when no check failed, 1 when one did, 2 for a usage error.`;

export interface Options {
  endpoint: string;
  quick: boolean;
  json: boolean;
  codeCommand: string | undefined;
  captchaCommand: string | undefined;
  origin: string | undefined;
  credentials: 'include' | 'same-origin' | 'omit';
  headers: Record<string, string>;
  emailTemplate: string;
  channel: 'email' | 'sms';
  /** Seconds. */
  maxWait: number;
}

export class UsageError extends Error {}

export function parseOptions(args: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        quick: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
        'code-command': { type: 'string' },
        'captcha-command': { type: 'string' },
        origin: { type: 'string' },
        credentials: { type: 'string' },
        header: { type: 'string', multiple: true },
        email: { type: 'string' },
        channel: { type: 'string' },
        wait: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('Give exactly one endpoint, e.g. http://localhost:5173/api/register.');
  const endpoint = absoluteUrl(positionals[0] ?? '', 'endpoint').replace(/\/+$/, '');
  const origin = values.origin === undefined ? undefined : new URL(absoluteUrl(values.origin, '--origin')).origin;
  const credentials = values.credentials ?? 'same-origin';
  if (credentials !== 'include' && credentials !== 'same-origin' && credentials !== 'omit') {
    throw new UsageError('--credentials is include, same-origin or omit.');
  }
  const channel = values.channel ?? 'email';
  if (channel !== 'email' && channel !== 'sms') throw new UsageError('--channel is email or sms.');
  const emailTemplate = values.email ?? 'hik-check-{id}@example.com';
  if (!emailTemplate.includes('{id}') || !emailTemplate.includes('@')) {
    throw new UsageError('--email needs an address with {id} in it, e.g. "test+{id}@dealer.example".');
  }
  const maxWait = Number(values.wait ?? '5');
  if (!Number.isFinite(maxWait) || maxWait < 0 || maxWait > 3600) throw new UsageError('--wait is a number of seconds, 0 to 3600.');
  return {
    endpoint,
    quick: values.quick ?? false,
    json: values.json ?? false,
    codeCommand: values['code-command'],
    captchaCommand: values['captcha-command'],
    origin,
    credentials,
    headers: Object.fromEntries((values.header ?? []).map(header)),
    emailTemplate,
    channel,
    maxWait,
  };
}

function absoluteUrl(raw: string, what: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`${what} must be an absolute http(s) URL, got "${raw}".`);
}

function header(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  const name = raw.slice(0, colon).trim();
  if (colon < 1 || !/^[A-Za-z0-9-]+$/.test(name)) throw new UsageError(`--header is "Name: value", got "${raw}".`);
  return [name, raw.slice(colon + 1).trim()];
}
