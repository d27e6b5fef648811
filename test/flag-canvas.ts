/**
 * For the flag tests: makes every canvas read back as if the browser had drawn a
 * colour flag (`colour: true`) or grey letters or boxes (`false`), whatever fonts this
 * machine has. Call it before anything imports src/flags.ts: it answers once per page,
 * and each test file runs in its own page.
 */
import { expect } from '@open-wc/testing';
import type { HikRegister } from '../src/hik-register.ts';
import { $, chooseCountry, mountRegister, resetBackend } from './helpers.ts';

export function paintCanvas(colour: boolean): void {
  CanvasRenderingContext2D.prototype.getImageData = function getImageData(_x: number, _y: number, w: number, h: number) {
    const data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < data.length; i += 4) data.set(colour ? [200, 16, 46, 255] : [40, 40, 40, 255], i);
    return new ImageData(data, w, h);
  };
}

const REGIONAL_INDICATORS = /[\u{1F1E6}-\u{1F1FF}]/u;

/** Where flag symbols show once United Kingdom is chosen: the Country button, the list's options. */
export async function flagsShown(): Promise<{ button: boolean; options: number; flagged: number }> {
  await resetBackend({ captchaKinds: ['image'] });
  await import('../src/hik-register.ts');
  const el: HikRegister = await mountRegister();
  await chooseCountry(el, 'United Kingdom');
  const button = REGIONAL_INDICATORS.test($(el, '#country-button').textContent ?? '');
  const dialog = $(el, 'hik-country-dialog').shadowRoot!;
  const options = [...dialog.querySelectorAll('[role=option]')];
  expect(options.length, 'options in the country list (searched for United Kingdom)').to.be.greaterThan(0);
  return { button, options: options.length, flagged: options.filter((o) => REGIONAL_INDICATORS.test(o.textContent ?? '')).length };
}
