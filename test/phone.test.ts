import { expect } from '@open-wc/testing';
import { loadPhone, type PhoneTools } from '../src/contact/phone.ts';
import { phoneMessage } from '../src/contact/phone-messages.ts';
import { needsCountryError } from '../src/contact/contact-validation.ts';
import { reformat } from '../src/contact/phone-reformat.ts';

/** The metadata files of calling codes this page has requested (`44` for GB). */
const requested = () => performance.getEntriesByType('resource')
  .map((e) => /\/phone-metadata\/(\d+)\.json/.exec(e.name)?.[1]).filter(Boolean);

describe('phone (libphonenumber-js, mobile metadata per calling code)', () => {
  let phone: PhoneTools;
  before(async () => {
    // A full buffer (250 entries, the runner's own modules) would drop the requests.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
    await Promise.all([loadPhone('GB'), loadPhone('US')]);
    phone = await loadPhone();
  });

  it('loads the metadata of the chosen countries\' calling codes only, each once', async () => {
    expect(requested().sort()).to.deep.equal(['1', '44']);
    expect(await loadPhone('gb')).to.equal(phone);
    expect(requested()).to.have.length(2);
  });

  it('knows a country once its metadata is loaded, and treats it as unsupported until then', async () => {
    expect(phone.ready('FR')).to.equal(false);
    expect(phone.validate('06 12 34 56 78', 'FR')).to.equal('invalid');
    expect(phone.format('0612345678', 'FR')).to.equal('0612345678');
    const withFrance = await loadPhone('FR');
    expect(requested()).to.include('33');
    expect(withFrance.ready('FR')).to.equal(true);
    expect(withFrance.format('0612345678', 'FR')).to.equal('06 12 34 56 78');
    expect(withFrance.validate('06 12 34 56 78', 'FR')).to.equal('ok');
    expect(withFrance.toE164('06 12 34 56 78', 'FR')).to.equal('+33612345678');
    expect(withFrance.validate('07400 123456', 'GB')).to.equal('ok');
  });

  // +1 is one numbering plan for 25 countries: one file holds them all, so a Canadian
  // field tells a Canadian number from a US one as the full metadata does.
  it('shares one calling code\'s metadata between its countries', async () => {
    const count = requested().length;
    const canada = await loadPhone('CA');
    expect(requested()).to.have.length(count);
    expect(canada.callingCode('CA')).to.equal('1');
    expect(canada.format('5062345678', 'CA')).to.equal('(506) 234-5678');
    expect(canada.toE164('+1 506 234 5678', 'CA')).to.equal('+15062345678');
    expect(canada.validate('+1 201 555 0123', 'CA')).to.equal('invalid');
    expect(canada.toE164('2015550123', 'US')).to.equal('+12015550123');
  });

  it('loads nothing for a country without a calling code, and never accepts its numbers', async () => {
    const count = requested().length;
    const none = await loadPhone('AQ');
    expect(requested()).to.have.length(count);
    expect(none.ready('AQ')).to.equal(true);
    expect(none.validate('12345678', 'AQ')).to.equal('invalid');
    expect(none.callingCode('AQ')).to.equal(null);
  });

  it('formats a GB mobile as it is typed', () => {
    expect(phone.format('07700', 'GB')).to.equal('07700');
    expect(phone.format('077009', 'GB')).to.equal('07700 9');
    expect(phone.format('07700900123', 'GB')).to.equal('07700 900123');
    expect(phone.format('07700 900123', 'gb')).to.equal('07700 900123');
  });

  it('formats a US number in the national style', () => {
    expect(phone.format('2015550123', 'US')).to.equal('(201) 555-0123');
  });

  it('validates a GB mobile and gives its E.164 form', () => {
    expect(phone.validate('07400 123456', 'GB')).to.equal('ok');
    expect(phone.toE164('07400 123456', 'GB')).to.equal('+447400123456');
    expect(phone.toE164('7400123456', 'GB')).to.equal('+447400123456');
  });

  // 07700 900000–900999 is Ofcom's range reserved for drama: the right length, never
  // assigned, and libphonenumber's metadata deliberately treats it as not valid.
  it('refuses the fictional 07700 900xxx range although it formats it', () => {
    expect(phone.validate('07700 900123', 'GB')).to.equal('invalid');
    expect(phone.toE164('07700 900123', 'GB')).to.equal(null);
  });

  it('says too short and too long', () => {
    expect(phone.validate('07400 12', 'GB')).to.equal('too_short');
    expect(phone.validate('07400 1234567', 'GB')).to.equal('too_long');
    expect(phone.toE164('07400 12', 'GB')).to.equal(null);
  });

  it('says empty when there is no digit', () => {
    expect(phone.validate('', 'GB')).to.equal('empty');
    expect(phone.validate(' - ', 'GB')).to.equal('empty');
  });

  it('rejects a GB landline: the mobile build only knows mobile patterns', () => {
    expect(phone.validate('020 7946 0000', 'GB')).to.equal('invalid');
    expect(phone.toE164('020 7946 0000', 'GB')).to.equal(null);
  });

  // The North American plan does not separate mobile from fixed numbers, so the
  // mobile build cannot either: any valid US number is accepted, landline or not.
  it('accepts any valid US number (landline and mobile look the same)', () => {
    expect(phone.validate('(212) 555-1234', 'US')).to.equal('ok');
    expect(phone.toE164('2015550123', 'US')).to.equal('+12015550123');
    expect(phone.validate('(555) 123-4567', 'US')).to.equal('invalid');
  });

  // The GB field has only +44's metadata: a +1 number is left as typed, and refused.
  it('does not take a number of another country for the chosen one', () => {
    expect(phone.format('+12015550123', 'GB')).to.equal('+12015550123');
    expect(phone.validate('+1 201 555 0123', 'GB')).to.equal('invalid');
    expect(phone.validate('+1 201', 'GB')).to.equal('invalid');
    expect(phone.toE164('+1 201 555 0123', 'GB')).to.equal(null);
    expect(phone.toE164('+44 7400 123456', 'GB')).to.equal('+447400123456');
  });

  it('says what is wrong with a number in words, naming the country', () => {
    expect(phone.message('07400 123456', 'GB')).to.equal('');
    expect(phone.message('07400 12', 'gb')).to.equal('This number is too short for United Kingdom');
    expect(phone.message('', 'US')).to.equal('Enter a mobile phone number');
    expect(phone.message('020 7946 0000', 'GB')).to.equal('Enter a valid mobile phone number for United Kingdom');
  });

  it('formats a field just edited for the country and keeps the caret after the same digit', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const typed = (value: string, caret: number, previous: string, backspace: boolean, country: string | null) => {
      input.value = value;
      input.setSelectionRange(caret, caret);
      phone.type(input, previous, backspace, country);
      return [input.value, input.selectionStart];
    };
    try {
      expect(typed('07400123', 8, '0740012', false, 'GB')).to.deep.equal(['07400 123', 9]);
      // "07400 |123456", backspace removes the space: the 0 before it goes instead.
      expect(typed('07400123456', 5, '07400 123456', true, 'GB')).to.deep.equal(['07401 23456', 4]);
      // Without a country the text is not formatted.
      expect(typed('07400123', 8, '0740012', false, null)).to.deep.equal(['07400123', 8]);
    } finally {
      input.remove();
    }
  });

  it('gives calling codes, null for unknown countries', () => {
    expect(phone.callingCode('GB')).to.equal('44');
    expect(phone.callingCode('us')).to.equal('1');
    expect(phone.callingCode('XX')).to.equal(null);
    expect(phone.validate('12345678', 'XX')).to.equal('invalid');
    expect(phone.format('12345678', 'XX')).to.equal('12345678');
  });
});

describe('reformat (caret kept next to the same digit)', () => {
  // A stand-in formatter: groups of three digits.
  const groups = (text: string) => text.replace(/\D/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');

  it('keeps the caret at the end while typing at the end', () => {
    expect(reformat({ value: '1234', caret: 4 }, '123', false, groups)).to.deep.equal({ value: '123 4', caret: 5 });
  });

  it('keeps the caret after the digit just typed in the middle', () => {
    // "12|3 456" + "9" → "129|3 456" → "129 345 6", caret after the 9
    expect(reformat({ value: '1293 456', caret: 3 }, '123 456', false, groups)).to.deep.equal({ value: '129 345 6', caret: 3 });
    // "123 |456" + "9" → "123 9|456" → "123 945 6", caret after the 9
    expect(reformat({ value: '123 9456', caret: 5 }, '123 456', false, groups)).to.deep.equal({ value: '123 945 6', caret: 5 });
  });

  it('deletes the digit before a separator that backspace hit', () => {
    // "123 |456", backspace removes the space → remove the 3 instead
    expect(reformat({ value: '123456', caret: 3 }, '123 456', true, groups)).to.deep.equal({ value: '124 56', caret: 2 });
  });

  it('leaves an ordinary backspace alone', () => {
    expect(reformat({ value: '12 456', caret: 2 }, '123 456', true, groups)).to.deep.equal({ value: '124 56', caret: 2 });
  });

  it('puts the caret at the start when nothing significant is before it', () => {
    expect(reformat({ value: '0123', caret: 0 }, '123', false, groups)).to.deep.equal({ value: '012 3', caret: 0 });
  });
});

describe('phoneMessage', () => {
  it('names the country in English', () => {
    expect(phoneMessage('ok', 'GB')).to.equal('');
    expect(phoneMessage('empty', 'GB')).to.equal('Enter a mobile phone number');
    expect(phoneMessage('too_short', 'GB')).to.equal('This number is too short for United Kingdom');
    expect(phoneMessage('too_long', 'US')).to.equal('This number is too long for United States');
    expect(phoneMessage('invalid', 'FR')).to.equal('Enter a valid mobile phone number for France');
  });

  it('asks for a country when there is none', () => {
    expect(needsCountryError()).to.equal('Select a country first');
  });
});
