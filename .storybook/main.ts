import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Telemetry would wait on the closed network (11 s instead of 4 s per build).
  core: { disableTelemetry: true },
};
export default config;
