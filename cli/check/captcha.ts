// Passing the captcha as the widget does: the proof-of-work puzzle is solved here
// (CONTRACT.md: the integer n in 0..maxNumber with hex(SHA-256(salt + String(n)))
// === challenge). A picture is read by a PictureReader when there is one, and the
// answer sent as the widget sends it (normalizeCaptchaAnswer: upper case).
import { createHash } from 'node:crypto';
import { ImageChallenge, PowChallenge, type CaptchaAnswer } from '../../src/contract.ts';
import { normalizeCaptchaAnswer } from '../../src/rules.ts';
import type { Http } from './http.ts';
import type { PictureReader } from './picture.ts';

export interface Solved {
  answer: CaptchaAnswer;
  expiresIn: number;
}

export class Captchas {
  /** Whether each kind answered 200 (set by `probe`). */
  offered = { image: false, pow: false };

  constructor(private readonly http: Http, readonly reader: PictureReader | undefined) {}

  /** Asks for both kinds once; the checks look at the answers. */
  async probe(): Promise<void> {
    for (const kind of ['image', 'pow'] as const) {
      const reply = await this.http.get('captcha', `/captcha?kind=${kind}`);
      this.offered[kind] = reply.status === 200;
    }
  }

  /** Why answers cannot be made, or undefined when they can. */
  get unsolvable(): string | undefined {
    if (this.offered.pow || (this.offered.image && this.reader)) return undefined;
    return 'the server offers no proof-of-work captcha (kind=pow), and nobody reads the pictures (--captcha-command, or a terminal)';
  }

  /** A new challenge and its right answer (pow when offered, else a picture read), or undefined. */
  async solved(): Promise<Solved | undefined> {
    if (!this.offered.pow) return this.image();
    const puzzle = await this.pow();
    if (!puzzle) return undefined;
    const n = solve(puzzle);
    if (n === undefined) return undefined;
    return { answer: { kind: 'pow', captchaId: puzzle.captchaId, answer: n }, expiresIn: puzzle.expiresIn };
  }

  /** A new picture, read, and its answer as the widget sends it; undefined when not offered or not read. */
  async image(): Promise<Solved | undefined> {
    if (!this.offered.image || !this.reader) return undefined;
    const reply = await this.http.get('captcha', '/captcha?kind=image');
    const parsed = ImageChallenge.safeParse(reply.body);
    if (reply.status !== 200 || !parsed.success) return undefined;
    const typed = await this.reader.read(parsed.data);
    const answer = typed === undefined ? '' : normalizeCaptchaAnswer(typed);
    return answer ? { answer: { kind: 'image', captchaId: parsed.data.captchaId, answer }, expiresIn: parsed.data.expiresIn } : undefined;
  }

  /** A new challenge answered wrongly (a number that is not the solution, or other characters). */
  async wrong(): Promise<CaptchaAnswer | undefined> {
    if (!this.offered.pow) {
      const read = await this.image();
      if (read?.answer.kind !== 'image') return undefined;
      const first = read.answer.answer.startsWith('Z') ? 'Y' : 'Z';
      return { ...read.answer, answer: first + read.answer.answer.slice(1) };
    }
    const puzzle = await this.pow();
    if (!puzzle) return undefined;
    const right = solve(puzzle);
    return { kind: 'pow', captchaId: puzzle.captchaId, answer: right === 0 ? 1 : 0 };
  }

  private async pow(): Promise<PowChallenge | undefined> {
    if (!this.offered.pow) return undefined;
    const reply = await this.http.get('captcha', '/captcha?kind=pow');
    const parsed = PowChallenge.safeParse(reply.body);
    return reply.status === 200 && parsed.success ? parsed.data : undefined;
  }
}

/** The answer of a puzzle, or undefined when there is none in range. */
export function solve(puzzle: Pick<PowChallenge, 'salt' | 'challenge' | 'maxNumber'>): number | undefined {
  for (let n = 0; n <= puzzle.maxNumber; n++) {
    if (createHash('sha256').update(puzzle.salt + String(n)).digest('hex') === puzzle.challenge) return n;
  }
  return undefined;
}
