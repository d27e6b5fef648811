import { solvePow, type PowPuzzle, type SolveOptions } from './pow.ts';
import { blobScriptURL, type ScriptURL } from '../internal/trusted-types.ts';

type WorkerMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'done'; n: number | null }
  | { type: 'error'; message: string };

// The Worker is built from source text, not from a file URL: a Worker URL must be
// same-origin with the page, and the widget's script may be served from a CDN.
// The solver's own text is embedded, so both paths run the very same code.
const WORKER_SOURCE = `'use strict';
const solvePow = ${solvePow.toString()};
self.onmessage = (event) => {
  solvePow(event.data, {
    onProgress: (checked, total) => self.postMessage({ type: 'progress', checked, total }),
  }).then(
    (n) => self.postMessage({ type: 'done', n }),
    (error) => self.postMessage({ type: 'error', message: String((error && error.message) || error) }),
  );
};
`;

let workerURL: ScriptURL | undefined;

function startWorker(): Worker | null {
  try {
    workerURL ??= blobScriptURL(WORKER_SOURCE);
    // Worker accepts a TrustedScriptURL; TypeScript's DOM lib does not know the type yet.
    return new Worker(workerURL as string, { name: 'hik-register-pow' });
  } catch {
    // Trusted Types refused the URL (no policy), or the browser has no Worker.
    return null;
  }
}

/**
 * Solves a proof-of-work puzzle in a Worker and, where a Worker cannot start (a CSP
 * without `worker-src blob:`, Trusted Types without the `hik-register` policy), on
 * the main thread in small batches. Same result and progress either way; aborting
 * terminates the Worker.
 */
export function solveOffMainThread(puzzle: PowPuzzle, options: SolveOptions = {}): Promise<number | null> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = startWorker();
  if (!worker) return solvePow(puzzle, options);

  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const data = event.data;
      if (data.type === 'progress') {
        onProgress?.(data.checked, data.total);
        return;
      }
      stop();
      if (data.type === 'done') resolve(data.n);
      else reject(new Error(data.message));
    };
    // A CSP violation on a blob Worker shows up here (asynchronously), not as an
    // exception from the constructor: solve on the main thread instead.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stop();
      solvePow(puzzle, options).then(resolve, reject);
    };
    worker.postMessage({ salt: puzzle.salt, challenge: puzzle.challenge, maxNumber: puzzle.maxNumber });
  });
}
