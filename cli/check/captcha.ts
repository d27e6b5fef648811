// Passing the captcha as the widget does: the proof-of-work puzzle is solved here
// (CONTRACT.md: the integer n in 0..maxNumber with hex(SHA-256(salt + String(n)))
// === challenge). A picture cannot be read by a program, so a server that offers
// only the image kind gets the checks that need no right answer.
import { createHash } from 'node:crypto';
import { PowChallenge, type CaptchaAnswer } from '../../src/contract.ts';
import type { Http } from './http.ts';

export interface Solved {
  answer: CaptchaAnswer;
  expiresIn: number;
}

export class Captchas {
  /** Whether each kind answered 200 (set by `probe`). */
  offered = { image: false, pow: false };

  constructor(private readonly http: Http) {}

  /** Asks for both kinds once; the checks look at the answers. */
  async probe(): Promise<void> {
    for (const kind of ['image', 'pow'] as const) {
      const reply = await this.http.get('captcha', `/captcha?kind=${kind}`);
      this.offered[kind] = reply.status === 200;
    }
  }

  /** Why answers cannot be made, or undefined when they can. */
  get unsolvable(): string | undefined {
    return this.offered.pow ? undefined : 'the server offers no proof-of-work captcha (kind=pow), and the kit cannot read an image captcha';
  }

  /** A new pow challenge and its right answer, or undefined when none can be had. */
  async solved(): Promise<Solved | undefined> {
    const puzzle = await this.pow();
    if (!puzzle) return undefined;
    const n = solve(puzzle);
    if (n === undefined) return undefined;
    return { answer: { kind: 'pow', captchaId: puzzle.captchaId, answer: n }, expiresIn: puzzle.expiresIn };
  }

  /** A new challenge answered wrongly (a number that is not the solution). */
  async wrong(): Promise<CaptchaAnswer | undefined> {
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
