import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

// custom-elements.json feeds the autodocs (preview.ts). It is generated, not kept in
// git: regenerate it from the source at every start and build so it never drifts.
// Same arguments as the `analyze` npm script.
const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['--no', 'cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});

// The phone field's metadata per calling code is generated too (scripts/phone-metadata.mjs):
// also here, because storybook-test/ runs `storybook build` without the npm scripts.
execFileSync(process.execPath, ['scripts/phone-metadata.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const config: StorybookConfig = {
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Telemetry would wait on the closed network (11 s instead of 4 s per build).
  core: { disableTelemetry: true },
  // The stories bundle the reference backend (with its common-password list): large
  // by design, and only ever loaded from disk.
  viteFinal: (vite) => ({ ...vite, build: { ...vite.build, chunkSizeWarningLimit: 4096 } }),
};
export default config;
