import type { PowPuzzle } from '../contract.ts';

export type { PowPuzzle };

export interface SolveOptions {
  /** Called after each batch with how many numbers were checked out of `total`. */
  onProgress?: (checked: number, total: number) => void;
  /** Aborting rejects the promise with the signal's reason. */
  signal?: AbortSignal;
  /** Hashes started together before yielding to the event loop. */
  batchSize?: number;
}

/**
 * Finds the integer `n` in `0..maxNumber` for which
 * `hex(SHA-256(salt + String(n))) === challenge` (CONTRACT.md, `kind=pow`).
 * Resolves `null` when no number in the range matches.
 *
 * Yields to the event loop between batches so that, on the main thread, the page
 * stays responsive, and in a Worker, messages are still received.
 *
 * This function must stay self-contained (no reference to anything outside its own
 * body, no helper imports): `pow-worker.ts` runs its source text, from
 * `Function.prototype.toString`, inside a blob Worker.
 */
export async function solvePow(puzzle: PowPuzzle, options: SolveOptions = {}): Promise<number | null> {
  const { onProgress, signal, batchSize = 512 } = options;
  const hex = puzzle.challenge.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new TypeError('The challenge is not a SHA-256 hex digest.');
  const wanted = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) wanted[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const encoder = new TextEncoder();
  const total = puzzle.maxNumber + 1;
  // A MessageChannel task, not setTimeout: nested timeouts are clamped to 4 ms,
  // which would add seconds over thousands of batches.
  const nextTask = () => new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

  for (let start = 0; start < total; start += batchSize) {
    signal?.throwIfAborted();
    const end = Math.min(start + batchSize, total);
    const pending: Promise<ArrayBuffer>[] = [];
    for (let n = start; n < end; n += 1) {
      pending.push(crypto.subtle.digest('SHA-256', encoder.encode(puzzle.salt + String(n))));
    }
    const digests = await Promise.all(pending);
    signal?.throwIfAborted();
    for (let i = 0; i < digests.length; i += 1) {
      const bytes = new Uint8Array(digests[i]);
      let same = true;
      for (let b = 0; b < 32 && same; b += 1) same = bytes[b] === wanted[b];
      if (same) {
        onProgress?.(start + i + 1, total);
        return start + i;
      }
    }
    onProgress?.(end, total);
    await nextTask();
  }
  return null;
}
