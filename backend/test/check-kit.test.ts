// `hik-register check` (cli/check/) against the reference backend over real HTTP:
// the reference passes every check, and each broken backend (the reference with
// one rule switched off by a wrapper, here in the test only) fails exactly the
// check for that rule. Codes come from the dev outbox, through --code-command.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseOptions, type Options } from '../../cli/check/args.ts';
import { solve } from '../../cli/check/captcha.ts';
import { main } from '../../cli/check/main.ts';
import { json } from '../../cli/check/report.ts';
import { runChecks } from '../../cli/check/run.ts';
import { peekImageAnswer } from '../captcha.ts';
import { createBackend, MemoryOutbox, pbkdf2Hasher, type BackendOptions, type OutboxMessage } from '../index.ts';
import { toWebRequest, writeWebResponse } from '../adapters/node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ORIGIN = 'https://dealer.example';
// Short lives, through the backend's public options, so expiry and cooldown are checked in seconds.
// Generous enough for a loaded machine: every run waits for them at the same time.
const FAST: BackendOptions = { captchaExpiresIn: 4, codeExpiresIn: 15, resendAfter: 5, powMaxNumber: 2000, allowedOrigins: [ORIGIN] };
const CODES = mkdtempSync(join(tmpdir(), 'hik-check-codes-'));
process.on('exit', () => rmSync(CODES, { recursive: true, force: true }));

/**
 * The dev outbox that also writes each code to a file named after its destination:
 * `cat` reads it in milliseconds where a Node script takes half a second to start,
 * which matters with codes that live 3 s and several runs at once.
 */
class FileOutbox extends MemoryOutbox {
  override send(message: OutboxMessage): void {
    super.send(message);
    if (message.code) writeFileSync(join(CODES, message.to), message.code);
  }
}

type Handle = (request: Request) => Promise<Response>;
type Wrap = (handle: Handle) => Handle;

interface Served {
  url: string;
  outbox: MemoryOutbox;
  close(): Promise<void>;
}

/** The reference backend (wrapped) on a free port, with the dev server's GET /__dev/outbox. */
async function serveBackend(wrap: Wrap = (h) => h, options: BackendOptions = {}): Promise<Served> {
  const outbox = new FileOutbox();
  const backend = createBackend({ outbox, hasher: pbkdf2Hasher({ iterations: 1000 }), onError: () => undefined, ...FAST, ...options });
  // What a picture shows, in a file the test's --captcha-command reads (as a person would).
  const handle = wrap(async (request) => {
    const response = await backend.handle(request, { clientAddress: '127.0.0.1' });
    if (request.method === 'GET' && new URL(request.url).search === '?kind=image' && response.status === 200) {
      const { captchaId } = await response.clone().json() as { captchaId: string };
      writeFileSync(join(CODES, `captcha-${captchaId}`), (await peekImageAnswer(backend.store, captchaId)) ?? '');
    }
    return response;
  });
  const server: Server = createServer((req, res) => {
    if (req.url === '/__dev/outbox') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ messages: outbox.messages() }));
      return;
    }
    toWebRequest(req).then(handle).then((response) => writeWebResponse(res, response)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, outbox, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The kit's options; the code source is `cat` unless `extra` names another. */
function kitOptions(base: string, ...extra: string[]): Options {
  const options = parseOptions([
    `${base}/api/register`, '--code-command', `cat ${CODES}/{destination}`,
    // Types what the picture shows in lower case; the kit sends it as the widget does.
    '--captcha-command', `tr A-Z a-z < ${CODES}/captcha-$HIK_CHECK_CAPTCHA_ID`,
    '--origin', ORIGIN, '--credentials', 'include', '--header', 'X-CSRF-Token: kit', '--wait', '20', ...extra,
  ]);
  assert.notEqual(options, 'help');
  return options as Options;
}

async function check(wrap?: Wrap, options?: BackendOptions, ...extra: string[]) {
  const served = await serveBackend(wrap, options);
  try {
    const run = await runChecks(kitOptions(served.url, ...extra.map((arg) => arg.replace('{server}', served.url))));
    const ids = (status: string) => run.results.filter((r) => r.status === status).map((r) => r.id);
    assert.equal(run.stopped, undefined, 'the server stopped answering');
    return { run, failed: ids('fail'), skipped: ids('skip'), passed: ids('pass'), outbox: served.outbox };
  } finally {
    await served.close();
  }
}

// ---------------------------------------------------------------- wrappers

const path = (request: Request) => new URL(request.url).pathname.replace(/^\/api\/register/, '');

/** Rewrites JSON bodies of answers for which `when` holds. */
const answers = (when: (request: Request, response: Response) => boolean, change: (body: Record<string, unknown>, response: Response) => { body?: unknown; status?: number; headers?: Record<string, string> }): Wrap =>
  (handle) => async (request) => {
    const response = await handle(request.clone());
    if (!when(request, response)) return response;
    const text = await response.text();
    const next = change(text ? JSON.parse(text) : {}, response);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(next.headers ?? {})) headers.set(name, value);
    return new Response(next.body === undefined ? text : JSON.stringify(next.body), { status: next.status ?? response.status, headers });
  };

/** Rewrites the JSON body of POSTs to `route` before the backend sees them. */
const requests = (route: RegExp, change: (body: Record<string, unknown>, handle: Handle) => Promise<Record<string, unknown>> | Record<string, unknown>): Wrap =>
  (handle) => async (request) => {
    if (request.method !== 'POST' || !route.test(path(request))) return handle(request);
    const body = await change(await request.json() as Record<string, unknown>, handle);
    return handle(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(body) }));
  };

const headers = (change: (h: Headers, request: Request, response: Response) => void): Wrap => (handle) => async (request) => {
  const response = await handle(request);
  const copy = new Response(response.body, response);
  change(copy.headers, request, copy);
  return copy;
};

/** Lets a used challenge through: swaps in a fresh one, solved, as a server that never forgets would accept it. */
function reusableCaptcha(): Wrap {
  const used = new Set<string>();
  return requests(/^\/verification-codes$/, async (body, handle) => {
    const captcha = body.captcha as { captchaId?: string } | undefined;
    const id = captcha?.captchaId;
    if (!id || !used.has(id)) {
      if (id) used.add(id);
      return body;
    }
    const fresh = await (await handle(new Request('http://x/api/register/captcha?kind=pow'))).json() as { captchaId: string; salt: string; challenge: string; maxNumber: number };
    return { ...body, captcha: { kind: 'pow', captchaId: fresh.captchaId, answer: solve(fresh) } };
  });
}

/** An answer made up by a wrapper, with the headers the reference adds to its own. */
function madeUp(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Expose-Headers': 'Retry-After' },
  });
}

/** Answers resend and create for request ids it never issued as if they were live. */
function acceptsUnknown(route: 'resend' | 'accounts'): Wrap {
  const issued = new Set<string>();
  return (handle) => async (request) => {
    const p = path(request);
    const resendId = /^\/verification-codes\/([^/]+)\/resend$/.exec(p)?.[1];
    const accountId = p === '/accounts' ? String(((await request.clone().json()) as { requestId?: unknown }).requestId) : undefined;
    const id = route === 'resend' ? resendId : accountId;
    if (id !== undefined && !issued.has(id)) {
      return route === 'resend'
        ? madeUp({ requestId: id, channel: 'email', destination: 'a***@example.com', codeLength: 6, expiresIn: 600, resendAfter: 60 })
        : madeUp({ error: { code: 'code_invalid', message: 'Wrong code.', field: 'code', attemptsLeft: 2 } }, 400);
    }
    const response = await handle(request);
    if (p === '/verification-codes' && response.status === 201) issued.add(((await response.clone().json()) as { requestId: string }).requestId);
    return response;
  };
}

/** Pictures drawn in lower case, compared case-sensitively: the upper case the widget sends never matches. */
const caseSensitiveCaptcha: Wrap = requests(/^\/verification-codes$/, (body) => {
  const captcha = body.captcha as { kind?: string; captchaId?: string; answer?: string } | undefined;
  if (captcha?.kind !== 'image') return body;
  const drawn = readFileSync(join(CODES, `captcha-${captcha.captchaId}`), 'utf8').toLowerCase();
  return captcha.answer === drawn ? body : { ...body, captcha: { ...captcha, answer: '#' } };
});

/** Shows the whole address where the contract says it is masked. */
const unmasked: Wrap = (handle) => async (request) => {
  if (!isPost('/verification-codes')(request)) return handle(request);
  const sent = await request.clone().json() as { email?: string; phone?: string };
  const response = await handle(request);
  if (response.status !== 201) return response;
  const body = await response.json() as Record<string, unknown>;
  return new Response(JSON.stringify({ ...body, destination: sent.email ?? sent.phone }), response);
};

const isPost = (route: string) => (request: Request) => request.method === 'POST' && path(request) === route;

const BROKEN: Array<{ name: string; check: string; wrap: Wrap; options?: BackendOptions }> = [
  { name: 'no Retry-After on 429', check: 'retry-after', wrap: headers((h, _q, r) => { if (r.status === 429) h.delete('retry-after'); }) },
  { name: 'captcha answers cacheable', check: 'captcha-no-store', wrap: headers((h, q) => { if (path(q) === '/captcha') h.set('cache-control', 'max-age=300'); }) },
  { name: 'error bodies without message', check: 'error-body', wrap: answers((_q, r) => r.status >= 400, (b) => ({ body: { error: { ...(b.error as object), message: undefined } } })) },
  { name: 'responses as text/plain', check: 'content-type', wrap: headers((h, q) => { if (q.method !== 'OPTIONS') h.set('content-type', 'text/plain'); }) },
  { name: 'an extra key accepted', check: 'send-extra-key', wrap: requests(/^\/verification-codes$/, ({ admin: _admin, ...body }) => body) },
  { name: 'a captcha used twice', check: 'captcha-single-use', wrap: reusableCaptcha() },
  { name: 'picture answers compared case-sensitively', check: 'captcha-image-answer', wrap: caseSensitiveCaptcha },
  {
    name: 'the resend cooldown announced but not kept', check: 'resend-cooldown', options: { resendAfter: 0 },
    wrap: answers((_q, r) => r.status === 201 || r.status === 200, (b) => ({ body: 'resendAfter' in b ? { ...b, resendAfter: 60 } : b })),
  },
  { name: 'resend of an unknown request id', check: 'resend-unknown', wrap: acceptsUnknown('resend') },
  { name: 'create with an unknown request id', check: 'accounts-unknown', wrap: acceptsUnknown('accounts') },
  {
    name: 'CORS refuses Accept-Language', check: 'cors-preflight',
    wrap: headers((h, q) => { if (q.method === 'OPTIONS') h.set('access-control-allow-headers', (h.get('access-control-allow-headers') ?? '').split(', ').filter((x) => x !== 'accept-language').join(', ')); }),
  },
  { name: 'CORS hides Retry-After', check: 'cors-expose-retry-after', wrap: headers((h) => h.delete('access-control-expose-headers')) },
  { name: 'CORS without credentials', check: 'cors-credentials', wrap: headers((h) => h.delete('access-control-allow-credentials')) },
  { name: 'the destination not masked', check: 'send-accepted', wrap: unmasked },
  { name: 'CodeSent without destination', check: 'code-sent-shape', wrap: answers((_q, r) => r.status === 201 || r.status === 200, (b) => ({ body: { ...b, destination: undefined } })) },
  {
    name: 'a national phone number accepted', check: 'send-phone-rule',
    wrap: requests(/^\/verification-codes$/, (b) => (b.phone === '07700900123' ? { ...b, phone: '+447700900123' } : b)),
  },
  { name: 'termsAccepted false accepted', check: 'accounts-terms', wrap: requests(/^\/accounts$/, (b) => ({ ...b, termsAccepted: true })) },
  {
    name: 'code_invalid without attemptsLeft', check: 'accounts-code-invalid',
    wrap: answers((q, r) => isPost('/accounts')(q) && r.status === 400, (b) => ({ body: { error: { ...(b.error as object), attemptsLeft: undefined } } })),
  },
  {
    name: 'wrong codes never end in too_many_attempts', check: 'accounts-attempts',
    wrap: answers((q, r) => isPost('/accounts')(q) && r.status === 429, () => ({ status: 400, body: { error: { code: 'code_invalid', message: 'Wrong code.', field: 'code', attemptsLeft: 0 } } })),
  },
];

// The runs mostly wait (expiry, cooldown): all at once, each on its own backend.
describe('hik-register check', { concurrency: true }, () => {
  test('the reference backend passes every check, with the dev outbox as the code source', async () => {
    // scripts/dev-outbox-code.mjs reads GET /__dev/outbox, as against `npm start`: a Node start per code.
    const { failed, skipped, passed, run } = await check(undefined, {},
      '--code-command', `node ${root}scripts/dev-outbox-code.mjs {server}`);
    assert.deepEqual(failed, [], JSON.stringify(run.results.filter((r) => r.status === 'fail'), null, 1));
    assert.deepEqual(skipped, [], JSON.stringify(run.results.filter((r) => r.status === 'skip'), null, 1));
    assert.equal(passed.length, run.results.length);
  });

  test('--quick: no code is sent, the checks that need one are skipped as not checked', async () => {
    const { failed, skipped, run, outbox } = await check(undefined, {}, '--quick');
    assert.deepEqual(failed, []);
    assert.deepEqual(outbox.messages(), []);
    assert.ok(skipped.includes('accounts-created') && skipped.includes('resend-cooldown'));
    for (const id of skipped) assert.match(run.results.find((r) => r.id === id)?.detail ?? '', /^not checked/);
  });

  describe(`${BROKEN.length} broken backends each fail exactly the check for their rule`, () => {
    for (const broken of BROKEN) {
      test(`${broken.name}: ${broken.check}`, async () => {
        const { failed, run } = await check(broken.wrap, broken.options);
        assert.deepEqual(failed, [broken.check], JSON.stringify(run.results.filter((r) => r.status === 'fail'), null, 1));
      });
    }
  });

  test('the command line: a failed check is a FAIL line naming the section, the summary, exit 1; --json; 2 for a usage error', async () => {
    const served = await serveBackend(headers((h, q) => { if (q.method !== 'OPTIONS') h.set('content-type', 'text/plain'); }));
    try {
      // Not spawnSync: the server answering the command runs in this process.
      const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', 'cli/hik-register.ts', 'check', `${served.url}/api/register`, '--quick'], { cwd: root }, (error, out, err) =>
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out, stderr: err }));
      });
      assert.equal(status, 1, stderr);
      assert.match(stdout, /^FAIL {2}every response is JSON: Content-Type application\/json\n {6}expected Content-Type: application\/json, got GET \/captcha\?kind=image 200: Content-Type: text\/plain/m);
      assert.match(stdout, /read CONTRACT\.md, section "Base URL and transport"/);
      assert.match(stdout, /^SKIP {2}the right code: 201.*\n {6}not checked: --quick sends no code$/m);
      assert.match(stdout, /^\d+ passed, 1 failed, \d+ skipped$/m);
      assert.match(stdout, /^SKIP {2}preflight of POST.*\n {6}not checked: give --origin/m);

      const options = kitOptions(served.url, '--quick', '--json');
      const report = JSON.parse(json(options, await runChecks(options))) as { summary: { failed: number }; results: Array<{ id: string; status: string; section: string }> };
      assert.equal(report.summary.failed, 1);
      assert.deepEqual(report.results.filter((r) => r.status === 'fail').map((r) => [r.id, r.section]), [['content-type', 'Base URL and transport']]);
      assert.equal(await main(['not-a-url']), 2);
    } finally {
      await served.close();
    }
  });
});
