// Placeholder until the reference backend lands: passes every request on.
import type { Middleware } from 'koa';
export function testMiddleware(): Middleware {
  return (_ctx, next) => next();
}
