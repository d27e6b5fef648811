import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/hik-register.ts';
import { renderRegister, type RegisterArgs } from './support/render.ts';

/**
 * One control per public `--hik-*` custom property (the `@cssprop` list of
 * src/hik-register.ts), applied as inline style on the element. An empty control
 * keeps the element's default (its `light-dark()` value for colours).
 */
const TOKENS = {
  '--hik-font-family': 'text',
  '--hik-font-size': 'text',
  '--hik-radius': 'text',
  '--hik-space': 'text',
  '--hik-max-width': 'text',
  '--hik-color-text': 'color',
  '--hik-color-muted': 'color',
  '--hik-color-background': 'color',
  '--hik-color-surface': 'color',
  '--hik-color-border': 'color',
  '--hik-color-accent': 'color',
  '--hik-color-accent-text': 'color',
  '--hik-color-error': 'color',
  '--hik-color-success': 'color',
  '--hik-color-focus': 'color',
} as const;
type Token = keyof typeof TOKENS;
type ThemingArgs = RegisterArgs & Partial<Record<Token, string>>;

const meta: Meta<ThemingArgs> = {
  title: 'hik-register/Theming',
  component: 'hik-register',
  args: { termsUrl: '#terms' },
  argTypes: Object.fromEntries(Object.entries(TOKENS).map(([name, control]) => [name, {
    control,
    description: `Sets \`${name}\` on the element`,
    table: { category: 'custom properties' },
  }])),
  render: (args, context) => {
    const style = (Object.keys(TOKENS) as Token[])
      .filter((name) => args[name])
      .map((name) => `${name}: ${args[name]};`)
      .join(' ');
    return renderRegister({ ...args, style }, context);
  },
};
export default meta;
type Story = StoryObj<ThemingArgs>;

/** Every token at its default: change any control. */
export const Controls: Story = {};

/** A brand: blue accent, rounder corners, a narrower form. */
export const Brand: Story = {
  args: {
    // A value per scheme: one colour cannot keep 4.5:1 on both the light and the dark background.
    '--hik-color-accent': 'light-dark(#0b5cad, #8cc4ff)',
    '--hik-color-focus': 'light-dark(#b35900, #ffb366)',
    '--hik-radius': '12px',
    '--hik-max-width': '22rem',
    '--hik-font-family': 'Georgia, serif',
  },
};

/** An NVR-style dark panel with square corners. */
export const DarkPanel: Story = {
  args: {
    theme: 'dark',
    '--hik-color-background': '#0e1116',
    '--hik-color-surface': '#1a1f27',
    '--hik-color-accent': '#ffb020',
    '--hik-color-accent-text': '#0e1116',
    '--hik-radius': '0',
  },
};
