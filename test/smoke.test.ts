import { expect } from '@open-wc/testing';
import { RULES } from '../src/contract.ts';

describe('smoke', () => {
  it('runs in a browser', () => {
    expect(RULES.usernamePattern.test('dealer_01')).to.equal(true);
  });
});
