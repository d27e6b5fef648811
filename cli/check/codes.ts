// Where the verification codes come from: --code-command, a person at the
// terminal, or nowhere (the checks that need one are skipped).
import { exec } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import type { Identity } from './identity.ts';

export interface CodeSource {
  /** How the codes arrive, for the report. */
  readonly label: string;
  /** The code sent to `who` for `requestId`; `previous` when a new one is awaited. Undefined: none came. */
  code(who: Identity, requestId: string, masked: string, previous?: string): Promise<string | undefined>;
}

const POLL_MS = 500;
const GIVE_UP_MS = 15_000;
/** After a resend the same code may be sent again: wait this long for another before taking it. */
const NEW_CODE_MS = 4_000;

export function codeSource(command: string | undefined, quick: boolean): CodeSource | undefined {
  if (quick) return undefined;
  if (command !== undefined) return commandSource(command);
  if (process.stdin.isTTY) return terminalSource();
  return undefined;
}

function commandSource(command: string): CodeSource {
  return {
    label: `--code-command ${JSON.stringify(command)}`,
    async code(who, requestId, _masked, previous) {
      const started = Date.now();
      for (;;) {
        const found = await run(command, who, requestId);
        const waited = Date.now() - started;
        if (found !== undefined && (found !== previous || waited >= NEW_CODE_MS)) return found;
        if (waited >= GIVE_UP_MS) return found;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
  };
}

/** The last 4 to 8 digit number the command prints, or undefined. */
function run(command: string, who: Identity, requestId: string): Promise<string | undefined> {
  const line = command.replaceAll('{destination}', quote(who.destination));
  const env = { ...process.env, HIK_CHECK_DESTINATION: who.destination, HIK_CHECK_CHANNEL: who.channel, HIK_CHECK_REQUEST_ID: requestId };
  return new Promise((resolve) => {
    exec(line, { env, timeout: 10_000 }, (error, stdout) => {
      const codes = error ? [] : String(stdout).match(/(?<!\d)\d{4,8}(?!\d)/g) ?? [];
      resolve(codes.at(-1));
    });
  });
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function terminalSource(): CodeSource {
  return {
    label: 'the terminal',
    async code(who, _requestId, masked, previous) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const again = previous === undefined ? '' : ' (a new one)';
        const typed = (await rl.question(`Code sent to ${who.destination} (shown as ${masked})${again}, or Enter to skip: `)).trim();
        return /^\d{4,8}$/.test(typed) ? typed : undefined;
      } finally {
        rl.close();
      }
    },
  };
}
