// A browser that draws flags as two letters (Windows) or two boxes (no emoji font):
// no flag anywhere, rather than something that looks broken.
import { expect } from '@open-wc/testing';
import { flagsShown, paintCanvas } from './flag-canvas.ts';

describe('flags, where the browser draws letters or boxes', () => {
  it('shows no flag on the Country button nor in the list', async () => {
    paintCanvas(false);
    const { flagsRender } = await import('../src/country/flags.ts');
    expect(flagsRender()).to.equal(false);
    const shown = await flagsShown();
    expect({ button: shown.button, flagged: shown.flagged }).to.deep.equal({ button: false, flagged: 0 });
  });
});
