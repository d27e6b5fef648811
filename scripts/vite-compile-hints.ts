// Build-only Vite plugin: V8's explicit compile hints for the files that run at the first
// paint or right after it (the core, the takeover of a pre-rendered form, the after-paint
// chunk). With `//# allFunctionsCalledOnLoad` on its first line, Chromium (136+) compiles
// every function of a file while it streams in, off the main thread, instead of each on
// its first call, on the main thread, in the middle of the first render. Nearly all of
// these files runs then. Other browsers ignore the comment. Added after minification,
// which drops comments.
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The library build's files that run at load, by output name. */
export const RUN_AT_LOAD = /^(hik-register\.js|chunks\/(after-paint|takeover)-[\w-]+\.js)$/;

export function compileHints(): Plugin {
  return {
    name: 'hik-compile-hints',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && RUN_AT_LOAD.test(chunk.fileName)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      }
    },
  };
}
