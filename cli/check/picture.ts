// Reading a picture captcha, which a program cannot do: --captcha-command, or a
// person at the terminal, or nobody (then only the proof-of-work kind is used).
import { exec } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ImageChallenge } from '../../src/contract.ts';

export interface PictureReader {
  readonly label: string;
  /** The characters the picture shows, as a person would type them; undefined: not read. */
  read(challenge: ImageChallenge): Promise<string | undefined>;
}

export function pictureReader(command: string | undefined): PictureReader | undefined {
  if (command !== undefined) return commandReader(command);
  if (process.stdin.isTTY) return terminalReader();
  return undefined;
}

/** Writes the picture to a file of its own (deleted when the process ends); returns its path. */
function save(challenge: ImageChallenge): string {
  const match = /^data:image\/([\w+.-]+)(;base64)?,(.*)$/s.exec(challenge.image);
  const type = match?.[1] ?? 'svg+xml';
  const data = match?.[2] ? Buffer.from(match[3] ?? '', 'base64') : Buffer.from(decodeURIComponent(match?.[3] ?? ''));
  const dir = mkdtempSync(join(tmpdir(), 'hik-check-captcha-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, `${challenge.captchaId}.${type === 'svg+xml' ? 'svg' : type}`);
  writeFileSync(file, data);
  return file;
}

function commandReader(command: string): PictureReader {
  return {
    label: `--captcha-command ${JSON.stringify(command)}`,
    read(challenge) {
      const file = save(challenge);
      const env = { ...process.env, HIK_CHECK_CAPTCHA_ID: challenge.captchaId, HIK_CHECK_CAPTCHA_IMAGE: file };
      return new Promise((resolve) => {
        exec(command, { env, timeout: 10_000 }, (error, stdout) => {
          const typed = String(stdout).trim().split('\n').at(-1)?.trim();
          resolve(error || !typed ? undefined : typed);
        });
      });
    },
  };
}

function terminalReader(): PictureReader {
  return {
    label: 'the terminal',
    async read(challenge) {
      const file = save(challenge);
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const typed = (await rl.question(`Open ${file} and type its ${challenge.length} characters, or Enter to skip: `)).trim();
        return typed || undefined;
      } finally {
        rl.close();
      }
    },
  };
}
