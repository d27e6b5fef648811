import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../src/contract.ts';
test('contract loads in node', () => { assert.equal(RULES.passwordMin, 8); });
