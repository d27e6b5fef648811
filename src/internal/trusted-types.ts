/**
 * The one Trusted Types policy of the widget, named `hik-register` (the name a page's
 * CSP lists: `trusted-types lit-html hik-register`). A CSP refuses a second policy
 * with the same name, so it is created once, lazily, and shared.
 *
 * It only turns into script URLs the blob URLs that `blobScriptURL()` made itself:
 * nothing a server or a page hands in can become a script through it.
 */

/** The opaque value `createScriptURL` returns (a `TrustedScriptURL` where supported). */
export interface ScriptURL {
  toString(): string;
}

/** The part of a `TrustedTypePolicy` the widget uses (TypeScript's DOM lib has no Trusted Types yet). */
export interface HikPolicy {
  readonly name: string;
  createScriptURL(url: string): ScriptURL;
}

interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): HikPolicy;
}

const POLICY_NAME = 'hik-register';
const ownBlobURLs = new Set<string>();
let policy: HikPolicy | null | undefined;

/**
 * The `hik-register` policy, or `null` where the browser has no Trusted Types or
 * the page's CSP does not allow the name (script URLs are then plain strings,
 * which a page that enforces Trusted Types will refuse: callers must cope).
 */
export function getPolicy(): HikPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    policy = factory?.createPolicy(POLICY_NAME, {
      createScriptURL(url: string): string {
        if (ownBlobURLs.has(url)) return url;
        throw new TypeError(`${POLICY_NAME}: refused script URL ${url}`);
      },
    }) ?? null;
  } catch {
    // Another copy of the widget on the page owns the name, or the CSP forbids it.
    policy = null;
  }
  return policy;
}

/** Makes a `blob:` URL for script `source` and returns it as a trusted script URL. */
export function blobScriptURL(source: string): ScriptURL {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  ownBlobURLs.add(url);
  return getPolicy()?.createScriptURL(url) ?? url;
}
