import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/hik-register.ts';

// The first story: the empty form. Per-state stories with an in-browser backend
// come with the Storybook issue (5).
const meta: Meta = {
  title: 'hik-register',
  component: 'hik-register',
  render: () => html`<hik-register endpoint="/api/register" terms-url="#terms"></hik-register>`,
};
export default meta;

export const Empty: StoryObj = {};
