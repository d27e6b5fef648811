/**
 * `npm start`: the reference backend inside Vite's dev server, at `/api/register`,
 * with a development outbox. Codes are printed in the terminal and listed, newest
 * first, at `GET /__dev/outbox`, so a person can finish a registration by hand.
 */
import type { Plugin } from 'vite';
import { createBackend } from '../index.ts';
import { nodeMiddleware, scryptHasher } from './node.ts';
import { MemoryOutbox } from '../outbox.ts';

export function referenceBackend(): Plugin {
  return {
    name: 'hik-reference-backend',
    apply: 'serve',
    configureServer(server) {
      const outbox = new MemoryOutbox({ keep: 50, print: (line) => server.config.logger.info(line, { timestamp: true }) });
      const backend = createBackend({ outbox, hasher: scryptHasher() });
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== '/__dev/outbox') return next();
        res.statusCode = req.method === 'GET' ? 200 : 405;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(req.method === 'GET'
          ? { messages: outbox.messages() }
          : { error: { code: 'method_not_allowed', message: 'Use GET.' } }));
      });
      server.middlewares.use(nodeMiddleware(backend));
    },
  };
}
