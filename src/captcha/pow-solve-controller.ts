import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PowChallenge } from '../contract.ts';
import { solveOffMainThread } from './pow-worker.ts';

export type PowState = 'waiting' | 'solving' | 'solved' | 'failed';

/**
 * Keeps one proof-of-work search running for the host's current challenge: starts
 * it when a challenge arrives, aborts it (terminating its Worker) when the challenge
 * changes or the host leaves the page, and resumes it when the host comes back.
 *
 * `<hik-captcha>` loads this module, and with it the solver, when the proof of work
 * is first shown: the picture, the default, never needs either (one lazy chunk).
 */
export class PowSolveController implements ReactiveController {
  state: PowState = 'waiting';
  /** Share of the range searched, 0 to 1. */
  progress = 0;

  private current: PowChallenge | null = null;
  private solution: { challenge: PowChallenge; n: number } | null = null;
  private running: { challenge: PowChallenge; controller: AbortController } | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSolved: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connected = true;
    this.solve(this.current);
  }

  hostDisconnected() {
    this.connected = false;
    this.stop();
  }

  /** The number found for `challenge`, or null: only ever the answer to that very challenge. */
  answerFor(challenge: PowChallenge | null): number | null {
    return challenge && this.solution?.challenge === challenge ? this.solution.n : null;
  }

  /** Makes `challenge` the one to solve (null: none). Idempotent. */
  solve(challenge: PowChallenge | null) {
    this.current = challenge;
    if (challenge && this.running?.challenge === challenge) return;
    this.stop();
    if (!challenge || !this.connected) return this.set('waiting');
    if (this.solution?.challenge === challenge) return this.set('solved', 1);

    const controller = new AbortController();
    const { signal } = controller;
    this.running = { challenge, controller };
    this.set('solving', 0);
    solveOffMainThread(challenge, {
      signal,
      onProgress: (checked, total) => {
        if (!signal.aborted) this.set('solving', checked / total);
      },
    }).then(
      (n) => {
        if (signal.aborted) return;
        this.running = null;
        if (n === null) return this.set('failed');
        this.solution = { challenge, n };
        this.set('solved', 1);
        this.onSolved();
      },
      () => {
        if (signal.aborted) return;
        this.running = null;
        this.set('failed');
      },
    );
  }

  private stop() {
    this.running?.controller.abort();
    this.running = null;
  }

  private set(state: PowState, progress = this.progress) {
    this.state = state;
    this.progress = progress;
    this.host.requestUpdate();
  }
}
