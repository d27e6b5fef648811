/**
 * Serves the offline NVR page the way a device would: plain static files (this
 * folder's page, then the library build beside it), gzipped for a browser that takes
 * it, the reference backend at /api/register, and the strict Content-Security-Policy.
 * No Vite at run time.
 *
 *   npm run build && npx tsx demo/offline/serve.ts          # http://localhost:8080/
 *   npm run build && npx tsx demo/offline/serve.ts --bare   # the tag as index.html has it
 *
 * By default the page's <hik-register> tag is pre-rendered once at start, as a
 * firmware build would do with `npx hik-register render` (hik-register/ssr, from the
 * build's ssr/ folder): the form paints before any script. Codes the backend "sends"
 * are printed in the terminal. The e2e test uses `serveNvr()` with a build of its own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createBackend } from '../../backend/index.ts';
import { nodeMiddleware, scryptHasher } from '../../backend/adapters/node.ts';
import { MemoryOutbox } from '../../backend/outbox.ts';
import { CSP } from '../../vite.config.ts';

const PAGE_DIR = fileURLToPath(new URL('.', import.meta.url));
const PAGE_FILES = new Set(['index.html', 'offline.js', 'offline.css']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

const notFound = (res: ServerResponse) => {
  res.statusCode = 404;
  res.end();
};

const gzipped = promisify(gzip);
/** Gzipped bodies by file and modification time (a device would store them compressed). */
const compressed = new Map<string, Promise<Buffer>>();

/**
 * Sends `body` as `type`, gzipped when the request accepts it (`key` names a body
 * that does not change, so it is compressed once), as any web server would.
 */
export async function send(req: IncomingMessage | undefined, res: ServerResponse, type: string, body: Buffer | string, key?: string): Promise<void> {
  res.setHeader('Content-Type', type);
  res.setHeader('Vary', 'Accept-Encoding');
  if (!/\bgzip\b/.test(String(req?.headers['accept-encoding'] ?? ''))) {
    res.end(body);
    return;
  }
  let zipped = key === undefined ? undefined : compressed.get(key);
  if (!zipped) {
    zipped = gzipped(body, { level: 9 });
    if (key !== undefined) compressed.set(key, zipped);
  }
  res.setHeader('Content-Encoding', 'gzip');
  res.end(await zipped);
}

/** Sends `name` from the folder `root`: only known file types, nothing outside `root`, else 404. */
export function sendFile(res: ServerResponse, root: string, name: string, req?: IncomingMessage): void {
  const file = normalize(join(root, name));
  const type = TYPES[extname(file)];
  if (!type || !file.startsWith(normalize(root + sep))) {
    notFound(res);
    return;
  }
  Promise.all([readFile(file), stat(file)]).then(
    ([body, { mtimeMs }]) => send(req, res, type, body, `${file} ${mtimeMs}`),
    () => notFound(res),
  );
}

export interface Nvr {
  base: string;
  outbox: MemoryOutbox;
  server: Server;
}

type Render = (options: { attributes: Record<string, string>; assets: string }) => Promise<string>;

/**
 * This folder's index.html with its <hik-register> tag pre-rendered by the build's
 * hik-register/ssr, and the widget's stylesheet preloaded from the head (README).
 */
export async function prerenderedPage(buildDir: string): Promise<string> {
  const { renderRegister } = (await import(pathToFileURL(join(buildDir, 'ssr/index.js')).href)) as { renderRegister: Render };
  const page = await readFile(join(PAGE_DIR, 'index.html'), 'utf8');
  const tag = /<hik-register\b([^>]*)><\/hik-register>/.exec(page);
  if (!tag) throw new Error('demo/offline/index.html has no <hik-register> tag');
  const attributes = Object.fromEntries([...tag[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const markup = await renderRegister({ attributes, assets: './' });
  return page.replace(tag[0], markup)
    .replace('<link rel="stylesheet" href="./offline.css" />', '$&\n    <link rel="preload" as="style" href="./hik-register.css" />');
}

export interface NvrOptions {
  /** Serve index.html with its form pre-rendered (needs the build's ssr/ folder). */
  prerender?: boolean;
}

/**
 * Static files from `buildDir` (dist/ by default) plus this folder's page, on `port`
 * (0: any). With `ownPage: false`, `buildDir` holds the page too (an app's own build).
 */
export async function serveNvr(buildDir: string, port = 0, print?: (line: string) => void, ownPage = true, options: NvrOptions = {}): Promise<Nvr> {
  const outbox = new MemoryOutbox({ keep: 50, print });
  const api = nodeMiddleware(createBackend({ outbox, hasher: scryptHasher() }));
  // Rendered once, before the first request: the device serves it as a static file.
  const index = options.prerender && ownPage ? await prerenderedPage(buildDir) : undefined;
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    api(req, res, () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const name = path === '/' ? 'index.html' : path.slice(1);
      const root = ownPage && PAGE_FILES.has(name) ? PAGE_DIR : buildDir;
      if (req.method !== 'GET') notFound(res);
      else if (index !== undefined && name === 'index.html') void send(req, res, TYPES['.html']!, index, `${buildDir} pre-rendered index.html`);
      else sendFile(res, root, name, req);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { base: `http://localhost:${actual}/`, outbox, server };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const prerender = !process.argv.includes('--bare');
  const nvr = await serveNvr(dist, Number(process.env.PORT ?? 8080), (line) => console.log(line), true, { prerender });
  console.log(`NVR page${prerender ? ', pre-rendered' : ''}: ${nvr.base} (library from ${dist}; run npm run build first)`);
}
