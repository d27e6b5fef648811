/**
 * The reference backend running inside the Storybook page: one per story, on a
 * manual clock, with an in-memory store and outbox. The widget gets its `fetch`,
 * so a story (and a static Storybook build) sends no request over the network.
 */
import type { Loader } from '@storybook/web-components-vite';
import { createBackend, ManualClock, MemoryOutbox, MemoryStore, pbkdf2Hasher, type Backend, type BackendOptions } from '../../backend/index.ts';
import { peekImageAnswer, peekPuzzle } from '../../backend/captcha.ts';
import { solvePuzzle } from '../../backend/pow.ts';
import type { RateLimits } from '../../backend/rate-limit.ts';
import { withFaults, type Fault } from './faults.ts';

/** `parameters.backend` of a story: backend options that JSON can carry, plus faults. */
export type BackendParameters = Pick<BackendOptions,
  'captchaKinds' | 'requireCaptcha' | 'captchaExpiresIn' | 'captchaLength' | 'powMaxNumber' | 'codeLength'
  | 'codeExpiresIn' | 'resendAfter' | 'requestExpiresIn' | 'maxCodeAttempts' | 'revealTaken' | 'usernameCheck'> & {
  rateLimits?: Partial<RateLimits>;
  faults?: Fault[];
};

export interface StoryBackend {
  backend: Backend;
  clock: ManualClock;
  outbox: MemoryOutbox;
  /** Give this to the widget's `fetch` property. */
  fetch: typeof globalThis.fetch;
  /** The answer of a live challenge (image: the characters; pow: the number), as the test server's `/__test/captcha/{id}`. */
  captchaAnswer(captchaId: string): Promise<string | undefined>;
  /** The newest code the backend "sent". */
  lastCode(): string | undefined;
}

// Stories must not trip over the real limits while a designer clicks around.
const STORY_RATE_LIMITS: RateLimits = {
  destination: { max: 1000, window: 3600 },
  sendPerAddress: { max: 1000, window: 600 },
  perAddress: { max: 100_000, window: 60 },
};

export function createStoryBackend(parameters: BackendParameters = {}): StoryBackend {
  const { faults, rateLimits, ...options } = parameters;
  const clock = new ManualClock(Date.now());
  const outbox = new MemoryOutbox();
  const store = new MemoryStore();
  const backend = createBackend({
    captchaKinds: ['image', 'pow'],
    resendAfter: 30,
    ...options,
    rateLimits: { ...STORY_RATE_LIMITS, ...rateLimits },
    store,
    outbox,
    clock,
    // Fewer rounds than production's 600 000: a story needs no real protection, and
    // each account creation stays quick on a shared machine.
    hasher: pbkdf2Hasher({ iterations: 1000 }),
    // A story's 500 would be a bug in the backend; keep it visible but not a console error.
    onError: (error) => console.warn('[story backend]', error),
  });
  const handle = withFaults((request) => backend.handle(request, { clientAddress: 'storybook' }), backend.basePath, faults);
  const storyFetch: typeof globalThis.fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    return handle(init && input instanceof Request ? new Request(request, init) : request);
  };
  return {
    backend,
    clock,
    outbox,
    fetch: storyFetch,
    async captchaAnswer(captchaId) {
      const text = await peekImageAnswer(store, captchaId);
      if (text !== undefined) return text;
      const puzzle = await peekPuzzle(store, captchaId);
      const n = puzzle && (await solvePuzzle(puzzle));
      return n === undefined ? undefined : String(n);
    },
    lastCode: () => outbox.messages().find((m) => m.code)?.code,
  };
}

/** Loader: `context.loaded.backend` is a fresh backend for every story render. */
export const backendLoader: Loader = async (context) => ({
  backend: createStoryBackend(context.parameters['backend'] as BackendParameters | undefined),
});

/** The story's backend, from a render or play context. */
export function storyBackend(context: { loaded: Record<string, unknown> }): StoryBackend {
  const found = context.loaded['backend'] as StoryBackend | undefined;
  if (!found) throw new Error('backendLoader did not run for this story');
  return found;
}
