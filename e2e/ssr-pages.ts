/**
 * A dealer's page three ways, for the pre-rendering test (e2e/ssr.test.ts) and the
 * benchmark (scripts/bench-paint.ts): the same header, footer and stylesheet around
 *   /pre?…   the markup of renderRegister() (hik-register/ssr) and the script tag,
 *   /bare?…  the bare <hik-register> tag and the script tag,
 *   /plain   a plain HTML form with the same fields, no script (the reference).
 * Query parameters are the element's attributes (locale, theme, country…), and two of
 * the page's own: `script=0` (no script tag) and `stream=N` (the page in pieces, N ms
 * apart, one tag inside <hik-register> at a time, as a slow network or parser delivers
 * it: the browser paints every part of the form as it comes). The library
 * build is served at /vendor/hik-register/, the reference backend at /api/register,
 * everything under the strict Content-Security-Policy of ELEMENT.md and gzipped for a
 * browser that takes it, as a web server would.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backend/index.ts';
import { nodeMiddleware, scryptHasher } from '../backend/adapters/node.ts';
import { MemoryOutbox } from '../backend/outbox.ts';
import { CSP } from '../vite.config.ts';
import { send, sendFile } from '../demo/offline/serve.ts';

export const ASSETS = '/vendor/hik-register/';

const PAGE_CSS = `body { margin: 0; font: 16px/1.5 Georgia, serif; }
header, footer { padding: 16px; background: #234; color: #fff; }
main { padding: 16px; min-block-size: 0; }
.plain { display: grid; gap: 12px; max-inline-size: 28rem; }
.plain input, .plain button { font: inherit; padding: 8px; }`;

const PLAIN_FORM = `<form class="plain" method="dialog"><h2>User Register</h2>
<label>User Name <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="new-password"></label>
<label>Confirm Password <input name="confirm-password" type="password" autocomplete="new-password"></label>
<label>Country <select name="country" autocomplete="country"><option>Select your country or region</option></select></label>
<label><input type="radio" name="channel" checked> Register by Email Address</label>
<label><input type="radio" name="channel"> Register by Mobile Phone Number</label>
<label>Email <input name="email" type="email" autocomplete="email"></label>
<label>Verification Code <input name="captcha" autocomplete="off"></label>
<label><input type="checkbox" name="terms"> I have read and agree to the Terms of Service</label>
<button>Next</button></form>`;

export interface Pages {
  base: string;
  outbox: MemoryOutbox;
  server: Server;
}

type Render = (options: { attributes: Record<string, string>; assets: string }) => Promise<string>;

/** The page; `preload` asks for the widget's stylesheet from the head, as the README advises for pre-rendered markup. */
function page(lang: string, body: string, script: boolean, preload = false): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign up</title>
<link rel="stylesheet" href="/page.css">${preload ? `<link rel="preload" as="style" href="${ASSETS}hik-register.css">` : ''}
${script ? `<script type="module" src="${ASSETS}hik-register.js"></script>` : ''}</head>
<body><header>Dealer Ltd. · Cameras and recorders</header><main>${body}</main><footer>© Dealer Ltd.</footer></body></html>`;
}

/** The page in pieces `pause` ms apart: all before <hik-register>, then one tag (and the text before it) at a time. */
function streamed(res: ServerResponse, text: string, pause: number): void {
  const from = text.indexOf('<hik-register'), to = text.indexOf('</hik-register>');
  const pieces = [text.slice(0, from), ...text.slice(from, to).split(/(?<=>)/), text.slice(to)];
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  const next = (i: number) => {
    res.write(pieces[i]);
    if (i + 1 < pieces.length) setTimeout(next, pause, i + 1);
    else res.end();
  };
  next(0);
}

/** The element's attributes for a page's query. */
const attributesOf = (query: URLSearchParams): Record<string, string> =>
  ({ endpoint: '/api/register', 'terms-url': '/terms', ...Object.fromEntries(query) });

/** Serves `buildDir` (a package build: browser files and ssr/) with the three pages. */
export async function servePages(buildDir: string): Promise<Pages> {
  const { renderRegister } = (await import(pathToFileURL(join(buildDir, 'ssr/index.js')).href)) as { renderRegister: Render };
  // Rendered once per query, as a static page holds the output of `hik-register render`.
  const rendered = new Map<string, Promise<string>>();
  const prerendered = (attributes: Record<string, string>) => {
    const key = JSON.stringify(attributes);
    if (!rendered.has(key)) rendered.set(key, renderRegister({ attributes, assets: ASSETS }));
    return rendered.get(key)!;
  };
  // The English page before the first request (the first render also loads the modules):
  // its HTML is then as immediate as a static file's.
  await prerendered(attributesOf(new URLSearchParams('locale=en')));
  const outbox = new MemoryOutbox({ keep: 50 });
  const api = nodeMiddleware(createBackend({ outbox, hasher: scryptHasher() }));
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    api(req, res, () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // `script=0`: the page without its script tag (what a browser shows before the script runs).
      const script = url.searchParams.get('script') !== '0';
      const pause = Number(url.searchParams.get('stream') ?? 0);
      url.searchParams.delete('script');
      url.searchParams.delete('stream');
      const attributes = attributesOf(url.searchParams);
      const lang = attributes.locale ?? 'en';
      const html = (body: string, withScript = script, preload = false) => {
        const text = page(lang, body, withScript, preload);
        if (pause) streamed(res, text, pause);
        else void send(req, res, 'text/html; charset=utf-8', text, text);
      };
      if (url.pathname === '/page.css') {
        void send(req, res, 'text/css; charset=utf-8', PAGE_CSS, PAGE_CSS);
      } else if (url.pathname === '/pre') {
        prerendered(attributes).then((body) => html(body, script, true), (error: Error) => { res.statusCode = 500; res.end(error.message); });
      } else if (url.pathname === '/bare') {
        const list = Object.entries(attributes).map(([k, v]) => `${k}="${v.replace(/[&"<>]/g, '')}"`).join(' ');
        html(`<hik-register ${list}></hik-register>`);
      } else if (url.pathname === '/plain') {
        html(PLAIN_FORM, false);
      } else if (url.pathname.startsWith(ASSETS) && !url.pathname.startsWith(`${ASSETS}ssr/`)) {
        sendFile(res, buildDir, url.pathname.slice(ASSETS.length), req);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, 'localhost', resolve);
  });
  const address = server.address();
  return { base: `http://localhost:${typeof address === 'object' && address ? address.port : 0}/`, outbox, server };
}
