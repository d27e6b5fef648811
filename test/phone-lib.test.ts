import { expect } from '@open-wc/testing';
import { loadMetadata, readTyped, validNumber } from '../src/contact/phone-lib.ts';

// The browser tests run libphonenumber-js as the build ships it: PhoneNumber without
// the methods the field never calls (scripts/trim-phone-number.ts, applied by
// web-test-runner.config.mjs as by vite.config.ts).
describe('phone-lib (libphonenumber-js as it ships)', () => {
  it('reads, formats and validates a number with the PhoneNumber class that ships, which has no formatter', async () => {
    const metadata = await loadMetadata('44');
    expect(readTyped('0740012', 'GB', metadata).text).to.equal('07400 12');
    const number = validNumber('07400 123456', 'GB', metadata);
    expect(number?.number).to.equal('+447400123456');
    expect(number?.isValid()).to.equal(true);
    const cut = ['format', 'formatNational', 'formatInternational', 'getURI', 'getPossibleCountries'];
    expect(cut.filter((method) => number && method in number)).to.deep.equal([]);
  });
});
