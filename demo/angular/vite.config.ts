/**
 * The server of the framework examples: the demo server (vite.config.ts: the
 * reference backend, the strict CSP) where two pages add what their framework,
 * not the widget, needs to the policy:
 * - /angular/: Angular's just-in-time compiler needs 'unsafe-eval' and its Trusted
 *   Types policy `angular#unsafe-jit` (and `angular`, its sanitizer's);
 * - /vue/: Vue creates a Trusted Types policy named `vue` as it loads (it catches
 *   the refusal, but the browser still reports a violation).
 * Every other page keeps the strict policy.
 * Run: npx vite --config demo/angular/vite.config.ts
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import base, { CSP } from '../../vite.config.ts';

export const ANGULAR_JIT_CSP = CSP
  .replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")
  .replace('trusted-types lit-html hik-register', 'trusted-types lit-html hik-register angular angular#unsafe-jit');

export const VUE_CSP = CSP.replace('trusted-types lit-html hik-register', 'trusted-types lit-html hik-register vue');

const POLICIES: Record<string, string> = { angular: ANGULAR_JIT_CSP, vue: VUE_CSP };

/** Rewrites the policy header of those two pages' documents, and only that. */
function frameworkPolicies(): Plugin {
  return {
    name: 'hik-demo-framework-policies',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const page = /^\/(angular|vue)\/(index\.html)?$/.exec((req.url ?? '').split('?')[0]!)?.[1];
        const policy = page && POLICIES[page];
        if (policy) {
          const setHeader = res.setHeader.bind(res);
          res.setHeader = (name, value) =>
            setHeader(name, name.toLowerCase() === 'content-security-policy' ? policy : value);
        }
        next();
      });
    },
  };
}

export default defineConfig((env) => {
  const config = (typeof base === 'function' ? base(env) : base) as UserConfig;
  return { ...config, plugins: [...(config.plugins ?? []), frameworkPolicies()] };
});
