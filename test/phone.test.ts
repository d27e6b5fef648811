import { expect } from '@open-wc/testing';
import { loadPhone, type PhoneTools } from '../src/phone.ts';

describe('phone (libphonenumber-js, mobile metadata)', () => {
  let phone: PhoneTools;
  before(async () => {
    phone = await loadPhone();
  });

  it('loads the library once', async () => {
    expect(await loadPhone()).to.equal(phone);
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

  it('does not take a number of another country for the chosen one', () => {
    expect(phone.validate('+1 201 555 0123', 'GB')).to.equal('invalid');
    expect(phone.toE164('+1 201 555 0123', 'GB')).to.equal(null);
    expect(phone.toE164('+44 7400 123456', 'GB')).to.equal('+447400123456');
  });

  it('gives calling codes, null for unknown countries', () => {
    expect(phone.callingCode('GB')).to.equal('44');
    expect(phone.callingCode('us')).to.equal('1');
    expect(phone.callingCode('XX')).to.equal(null);
    expect(phone.validate('12345678', 'XX')).to.equal('invalid');
    expect(phone.format('12345678', 'XX')).to.equal('12345678');
  });
});
