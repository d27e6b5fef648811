import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/country/hik-country-dialog.ts';
import type { HikCountryDialog } from '../src/country/hik-country-dialog.ts';
import { fill, until } from './support/drive.ts';

interface Args {
  value: string;
  countries: string;
}

const dialogOf = (canvas: HTMLElement) => canvas.querySelector<HikCountryDialog>('hik-country-dialog')!;
const options = (el: HikCountryDialog) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];

/** The country pop-up alone: continent tabs, search, list, then "cannot be changed" confirmation. */
const meta: Meta<Args> = {
  title: 'Children/hik-country-dialog',
  component: 'hik-country-dialog',
  tags: ['autodocs'],
  args: { value: '', countries: '' },
  render: (args, { globals }) => html`<hik-country-dialog
    open
    locale=${typeof globals['locale'] === 'string' ? globals['locale'] : 'en'}
    .value=${args.value || null}
    .countries=${args.countries ? args.countries.split(/\s+/) : null}
  ></hik-country-dialog>`,
};
export default meta;
type Story = StoryObj<Args>;

export const OpenList: Story = {
  play: async ({ canvasElement }) => {
    const el = dialogOf(canvasElement);
    await until(() => options(el).length > 0, 'countries listed');
  },
};

export const WithValue: Story = { args: { value: 'FR' } };

export const AllowList: Story = { args: { countries: 'GB IE FR DE ES IT NL' } };

export const SearchResults: Story = {
  play: async ({ canvasElement }) => {
    const el = dialogOf(canvasElement);
    await until(() => el.shadowRoot!.querySelector('input[type=search]'), 'search box');
    fill(el.shadowRoot!.querySelector('input[type=search]')!, 'uni');
    await until(() => options(el).length > 0 && options(el).length < 10, 'search results');
  },
};

export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    const el = dialogOf(canvasElement);
    await until(() => el.shadowRoot!.querySelector('input[type=search]'), 'search box');
    fill(el.shadowRoot!.querySelector('input[type=search]')!, 'zzzz');
    await until(() => options(el).length === 0, 'no results');
  },
};

export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const el = dialogOf(canvasElement);
    await until(() => options(el).length > 0, 'countries listed');
    await el.updateComplete;
    options(el)[0]!.click();
    await until(() => el.shadowRoot!.querySelector('dialog.confirm[open]'), 'confirmation opens');
  },
};
