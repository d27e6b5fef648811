import type { PowPuzzle } from '../src/contract.ts';
import { randomHex, randomInt, sha256Hex } from './random.ts';

/** A fresh puzzle: the answer is a uniform secret in `0..maxNumber`. */
export async function createPuzzle(maxNumber: number): Promise<PowPuzzle> {
  const salt = randomHex(16);
  const challenge = await sha256Hex(salt + String(randomInt(maxNumber)));
  return { salt, challenge, maxNumber };
}

/** One hash, as the contract promises. */
export async function checkPuzzle(puzzle: PowPuzzle, answer: number): Promise<boolean> {
  if (!Number.isSafeInteger(answer) || answer < 0 || answer > puzzle.maxNumber) return false;
  return (await sha256Hex(puzzle.salt + String(answer))) === puzzle.challenge;
}

/** Brute force, for tests and the test server (the widget does this in a Worker). */
export async function solvePuzzle(puzzle: PowPuzzle): Promise<number | undefined> {
  for (let n = 0; n <= puzzle.maxNumber; n++) {
    if ((await sha256Hex(puzzle.salt + String(n))) === puzzle.challenge) return n;
  }
  return undefined;
}
