/**
 * The static Storybook under test: built fresh into a temporary directory (so it
 * always matches stories/, .storybook/ and src/ as they are now) and served on
 * 127.0.0.1 by a tiny file server, so that any request to another host stands out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const storybookBin = join(root, 'node_modules/storybook/dist/bin/dispatcher.js');

/** On 2 shared cores a build takes about 10 s; a hung one must not hang `npm test`. */
const BUILD_TIMEOUT_MS = 180_000;

/** One entry of the build's index.json (v5). */
export interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  name: string;
  title: string;
  importPath: string;
  tags?: string[];
}

export interface StaticStorybook {
  dir: string;
  entries: IndexEntry[];
  base: string;
  close(): Promise<void>;
}

/** Runs `storybook build` into a new temporary directory; rejects with the build's own output on failure. */
export function buildStorybook(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hik-storybook-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [storybookBin, 'build', '-o', dir, '--quiet'], {
      cwd: root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d; });
    child.stderr.on('data', (d: Buffer) => { output += d; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      output += `\n(killed after ${BUILD_TIMEOUT_MS / 1000} s)`;
    }, BUILD_TIMEOUT_MS);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(dir);
      } else {
        rmSync(dir, { recursive: true, force: true });
        reject(new Error(`storybook build failed (exit ${code}):\n${output.trim().split('\n').slice(-40).join('\n')}`));
      }
    });
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves `dir` on 127.0.0.1 (a free port); only GET and HEAD, nothing outside `dir`. */
export function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    let body: Buffer | undefined;
    if ((req.method === 'GET' || req.method === 'HEAD') && (file === dir || file.startsWith(dir + sep))) {
      try {
        if (statSync(file).isFile()) body = readFileSync(file);
      } catch {
        // Missing: a 404 below, which the test reports with its URL.
      }
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      // The build does not change during a run (and the port is new each run).
      'cache-control': 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, base: `http://127.0.0.1:${port}/` });
    });
  });
}

/** Builds, reads the index, serves. */
export async function startStorybook(): Promise<StaticStorybook> {
  const dir = await buildStorybook();
  try {
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
    const entries = Object.values(index.entries);
    const { server, base } = await serve(dir);
    return {
      dir, entries, base,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
