/**
 * Serves the offline NVR page the way a device would: plain static files (this
 * folder's page, then the library build beside it), the reference backend at
 * /api/register, and the strict Content-Security-Policy. No Vite at run time.
 *
 *   npm run build && npx tsx demo/offline/serve.ts     # http://localhost:8080/
 *
 * Codes the backend "sends" are printed in the terminal. The e2e test uses
 * `serveNvr()` with a build of its own.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** Sends `name` from the folder `root`: only known file types, nothing outside `root`, else 404. */
export function sendFile(res: ServerResponse, root: string, name: string): void {
  const file = normalize(join(root, name));
  const type = TYPES[extname(file)];
  if (!type || !file.startsWith(normalize(root + sep))) {
    notFound(res);
    return;
  }
  readFile(file).then(
    (body) => { res.setHeader('Content-Type', type); res.end(body); },
    () => notFound(res),
  );
}

export interface Nvr {
  base: string;
  outbox: MemoryOutbox;
  server: Server;
}

/**
 * Static files from `buildDir` (dist/ by default) plus this folder's page, on `port`
 * (0: any). With `ownPage: false`, `buildDir` holds the page too (an app's own build).
 */
export async function serveNvr(buildDir: string, port = 0, print?: (line: string) => void, ownPage = true): Promise<Nvr> {
  const outbox = new MemoryOutbox({ keep: 50, print });
  const api = nodeMiddleware(createBackend({ outbox, hasher: scryptHasher() }));
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    api(req, res, () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      const name = path === '/' ? 'index.html' : path.slice(1);
      const root = ownPage && PAGE_FILES.has(name) ? PAGE_DIR : buildDir;
      if (req.method === 'GET') sendFile(res, root, name);
      else notFound(res);
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
  const nvr = await serveNvr(dist, Number(process.env.PORT ?? 8080), (line) => console.log(line));
  console.log(`NVR page: ${nvr.base} (library from ${dist}; run npm run build first)`);
}
