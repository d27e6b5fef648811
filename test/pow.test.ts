import { expect } from '@open-wc/testing';
import { solvePow } from '../src/captcha/pow.ts';
import { solveOffMainThread } from '../src/captcha/pow-worker.ts';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A real puzzle whose answer is `n`, as a server would make it. */
async function puzzle(n: number, maxNumber: number, salt = `salt-${n}-${maxNumber}`) {
  return { salt, challenge: await sha256Hex(salt + String(n)), maxNumber };
}

/** Replaces `window.Worker` for one test, recording what was created and terminated. */
function spyOnWorker(make?: (url: string | URL, options?: WorkerOptions) => Worker) {
  const original = window.Worker;
  const log = { created: 0, terminated: 0, errors: 0 };
  class SpyWorker extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      if (make) return make(url, options) as SpyWorker;
      super(url, options);
      log.created += 1;
      this.addEventListener('error', () => { log.errors += 1; });
    }
    override terminate() {
      log.terminated += 1;
      super.terminate();
    }
  }
  window.Worker = SpyWorker;
  return { log, restore: () => { window.Worker = original; } };
}

describe('solvePow', () => {
  it('finds the number whose salted hash is the challenge', async () => {
    const p = await puzzle(1234, 5000);
    expect(await solvePow(p)).to.equal(1234);
  });

  it('finds 0 and maxNumber, the ends of the range', async () => {
    expect(await solvePow(await puzzle(0, 100))).to.equal(0);
    expect(await solvePow(await puzzle(100, 100))).to.equal(100);
  });

  it('reports growing progress up to the number found', async () => {
    const p = await puzzle(3000, 4000);
    const reports: [number, number][] = [];
    const n = await solvePow(p, { onProgress: (checked, total) => reports.push([checked, total]), batchSize: 500 });
    expect(n).to.equal(3000);
    expect(reports.length).to.be.greaterThan(3);
    expect(reports.every(([, total]) => total === 4001)).to.equal(true);
    const checked = reports.map(([c]) => c);
    expect(checked).to.deep.equal([...checked].sort((a, b) => a - b));
    expect(checked.at(-1)).to.equal(3001);
  });

  it('resolves null when no number in the range matches', async () => {
    const p = await puzzle(900, 500);
    expect(await solvePow(p)).to.equal(null);
  });

  it('stops with the abort reason when the signal aborts', async () => {
    const p = await puzzle(9_000_000, 10_000_000);
    const controller = new AbortController();
    let batches = 0;
    const solving = solvePow(p, {
      signal: controller.signal,
      onProgress: () => {
        batches += 1;
        if (batches === 2) controller.abort();
      },
    });
    let error: unknown;
    try {
      await solving;
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(batches).to.equal(2);
  });

  it('refuses a challenge that is not a SHA-256 hex digest', async () => {
    let error: unknown;
    try {
      await solvePow({ salt: 's', challenge: 'zz', maxNumber: 10 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
  });
});

describe('solveOffMainThread', () => {
  let spy: ReturnType<typeof spyOnWorker> | undefined;
  afterEach(() => spy?.restore());

  it('solves in a Worker built from a blob: URL and reports progress', async () => {
    spy = spyOnWorker();
    const p = await puzzle(2500, 3000);
    const reports: number[] = [];
    const n = await solveOffMainThread(p, { onProgress: (checked) => reports.push(checked) });
    expect(n).to.equal(2500);
    expect(spy.log.created).to.equal(1);
    expect(spy.log.errors, 'the Worker failed and the main thread solved').to.equal(0);
    expect(spy.log.terminated).to.equal(1);
    expect(reports.length).to.be.greaterThan(0);
    expect(reports.at(-1)).to.equal(2501);
  });

  it('terminates the Worker when aborted', async () => {
    spy = spyOnWorker();
    const p = await puzzle(9_000_000, 10_000_000);
    const controller = new AbortController();
    const solving = solveOffMainThread(p, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    let error: unknown;
    try {
      await solving;
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(spy.log.terminated).to.equal(1);
  });

  it('solves on the main thread when no Worker can be created', async () => {
    spy = spyOnWorker(() => {
      throw new DOMException('Refused to create a worker', 'SecurityError');
    });
    const p = await puzzle(777, 2000);
    const reports: number[] = [];
    expect(await solveOffMainThread(p, { onProgress: (checked) => reports.push(checked) })).to.equal(777);
    expect(reports.at(-1)).to.equal(778);
  });

  it('solves on the main thread when the Worker fails to load', async () => {
    const original = window.Worker;
    // What a CSP without `worker-src blob:` does: the Worker object exists, then errors.
    spy = spyOnWorker(() => new original(URL.createObjectURL(new Blob(['throw new Error("blocked")']))));
    const p = await puzzle(42, 1000);
    expect(await solveOffMainThread(p)).to.equal(42);
  });
});

/**
 * A same-origin frame with its own Content-Security-Policy, loading the module
 * fresh (its own Trusted Types policy registry), as a strict page would.
 */
async function framedSolver(csp: string) {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
    <script type="module">
      import { solveOffMainThread } from '/src/captcha/pow-worker.ts';
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
      window.solveOffMainThread = solveOffMainThread;
    </script>`;
  document.body.append(frame);
  type FrameWindow = Window & typeof globalThis & {
    solveOffMainThread?: typeof solveOffMainThread;
    violations: string[];
  };
  const win = frame.contentWindow as FrameWindow;
  for (let i = 0; i < 200 && !win.solveOffMainThread; i += 1) await new Promise((r) => setTimeout(r, 25));
  if (!win.solveOffMainThread) throw new Error('the framed module did not load');
  const log = { created: 0, errors: 0 };
  const FrameWorker = win.Worker;
  win.Worker = class extends FrameWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      log.created += 1;
      this.addEventListener('error', () => { log.errors += 1; });
    }
  };
  return { win, log, solve: win.solveOffMainThread, remove: () => frame.remove() };
}

describe('solveOffMainThread under a strict CSP', () => {
  const trustedTypes = "require-trusted-types-for 'script'; trusted-types lit-html hik-register";

  it('creates its blob Worker through the hik-register Trusted Types policy', async () => {
    const frame = await framedSolver(`${trustedTypes}; worker-src 'self' blob:`);
    try {
      // The frame really enforces Trusted Types: a plain string URL is refused.
      expect(() => new frame.win.Worker('data:text/javascript,0')).to.throw(/TrustedScriptURL/);
      const p = await puzzle(321, 1000);
      expect(await frame.solve(p)).to.equal(321);
      expect(frame.log.created).to.equal(1);
      expect(frame.log.errors).to.equal(0);
      expect(frame.win.violations).to.deep.equal(['require-trusted-types-for']);
    } finally {
      frame.remove();
    }
  });

  it('solves on the main thread when the CSP forbids blob Workers', async () => {
    const frame = await framedSolver(`${trustedTypes}; worker-src 'self'`);
    try {
      const p = await puzzle(654, 1000);
      const reports: number[] = [];
      expect(await frame.solve(p, { onProgress: (checked) => reports.push(checked) })).to.equal(654);
      expect(reports.at(-1)).to.equal(655);
      expect(frame.win.violations).to.include('worker-src');
    } finally {
      frame.remove();
    }
  });

  it('solves on the main thread when the page does not allow the hik-register policy', async () => {
    const frame = await framedSolver("require-trusted-types-for 'script'; trusted-types lit-html");
    try {
      const p = await puzzle(99, 500);
      expect(await frame.solve(p)).to.equal(99);
      expect(frame.log.created).to.equal(0);
    } finally {
      frame.remove();
    }
  });
});
