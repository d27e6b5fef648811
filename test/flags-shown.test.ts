// A browser that draws flag emoji: flags beside the chosen country and in the list.
import { expect } from '@open-wc/testing';
import { flagsShown, paintCanvas } from './flag-canvas.ts';

describe('flags, where the browser draws them in colour', () => {
  it('shows a flag on the Country button and on every option', async () => {
    paintCanvas(true);
    const { flagsRender } = await import('../src/country/flags.ts');
    expect(flagsRender()).to.equal(true);
    const shown = await flagsShown();
    expect(shown.button, 'flag on the Country button').to.equal(true);
    expect(shown.flagged, 'options with a flag').to.equal(shown.options);
  });
});
