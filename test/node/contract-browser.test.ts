// The browser validates responses with src/client/responses.ts; the backend, the
// published contract module and its JSON Schemas use src/contract.ts. Both must accept
// and refuse the same bodies and give the same data: the same JSON Schema where their
// forms are alike, the same verdict at every bound of the contract's schemas (where
// the browser's forms differ) and without each key, and on the fuzz test's bodies. The
// browser has no Challenge union: a challenge of the kind asked for passes the kind's
// schema exactly when it passes the contract's union.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import * as z from 'zod';
import type { ZodMiniType } from 'zod/mini';
import * as contract from '../../src/contract.ts';
import * as browser from '../../src/client/responses.ts';
import { VALID, errorBody, preparePow, successBody, type Endpoint } from '../fuzz-replies.ts';

type Schema = ZodMiniType;
type Name = keyof typeof browser;
const PAIRS: Record<Name, [Schema, Schema]> = {
  ErrorBody: [contract.ErrorBody, browser.ErrorBody],
  ImageChallenge: [contract.ImageChallenge, browser.ImageChallenge],
  PowChallenge: [contract.PowChallenge, browser.PowChallenge],
  UsernameAvailability: [contract.UsernameAvailability, browser.UsernameAvailability],
  CodeSent: [contract.CodeSent, browser.CodeSent],
  AccountCreated: [contract.AccountCreated, browser.AccountCreated],
};
const NAMES = Object.keys(PAIRS) as Name[];

const verdict = (schema: Schema, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
};

/** Both schemas of `name` accept `value` (with the same data) or both refuse it. */
function agree(name: Name, value: unknown): void {
  const [theirs, ours] = PAIRS[name];
  assert.deepEqual(verdict(ours, value), verdict(theirs, value), `${name}: ${inspect(value, { depth: 4 })}`);
}

type Json = { [key: string]: unknown };
const jsonSchema = (schema: Schema): Json =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Json;

/**
 * A JSON Schema in the terms both sides share: a number without its bounds (the
 * browser's whole-number check is not in its JSON Schema), and a boolean as one (the
 * browser's is an enum of true and false).
 */
function normalized(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalized);
  if (!node || typeof node !== 'object') return node;
  const n = node as Json;
  if (n['type'] === 'integer' || n['type'] === 'number') return { type: 'number' };
  if (n['type'] === 'boolean') return { type: 'boolean' };
  return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, normalized(v)]));
}

test('the browser\'s response schemas have the contract\'s JSON Schema, numbers aside', () => {
  for (const name of NAMES) {
    const [theirs, ours] = PAIRS[name];
    assert.deepEqual(normalized(jsonSchema(ours)), normalized(jsonSchema(theirs)), name);
  }
});

/** A valid body of each schema. */
async function bases(): Promise<Record<Name, Json>> {
  await preparePow();
  return {
    ErrorBody: { error: { code: 'x', message: 'm', field: 'f', retryAfter: 1, attemptsLeft: 1 } },
    ImageChallenge: VALID.captcha,
    PowChallenge: VALID.pow,
    UsernameAvailability: VALID.usernames,
    CodeSent: VALID.send,
    AccountCreated: VALID.accounts,
  };
}

interface Leaf { path: string[]; node: Json }

/** Every property schema of `node` (those of nested objects included), with its path. */
function leaves(node: Json, path: string[] = [], out: Leaf[] = []): Leaf[] {
  const properties = node['properties'] as Record<string, Json> | undefined;
  for (const [key, value] of Object.entries(properties ?? {})) {
    out.push({ path: [...path, key], node: value });
    if (value['type'] === 'object') leaves(value, [...path, key], out);
  }
  return out;
}

function withValue(base: Json, path: string[], value: unknown, remove = false): Json {
  const copy = structuredClone(base);
  let at: Json = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Json;
  if (remove) delete at[path.at(-1)!];
  else at[path.at(-1)!] = value;
  return copy;
}

const NUMBERS = [0, -0, 1, -1, 1.5, -1.5, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e308, Number.MIN_VALUE, NaN, Infinity, -Infinity];
const OTHERS = ['1', '', null, true, false, [], [1], {}, 'email', 'sms', 'fax', 'image', 'pow', '__proto__', 'toString', 'constructor'];

/** Values at and around a property's bounds, and of the wrong kinds. */
function casesFor(node: Json): unknown[] {
  const cases: unknown[] = [...NUMBERS, ...OTHERS];
  for (const key of ['minimum', 'maximum']) {
    const bound = node[key];
    if (typeof bound === 'number') cases.push(bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1);
  }
  for (const key of ['minLength', 'maxLength']) {
    const bound = node[key];
    if (typeof bound === 'number') cases.push(...[bound - 1, bound, bound + 1].filter((n) => n >= 0).map((n) => 'a'.repeat(n)));
  }
  for (const value of [node['const'], ...((node['enum'] as unknown[] | undefined) ?? [])]) {
    if (typeof value === 'string') cases.push(value, value.toUpperCase(), ` ${value}`, `${value} `);
  }
  return cases;
}

test('both accept and refuse the same at every bound of the contract\'s schemas, and without each key', async () => {
  const all = await bases();
  let count = 0;
  for (const name of NAMES) {
    const base = all[name];
    assert.equal(PAIRS[name][1].safeParse(base).success, true, `${name}: the base body is valid`);
    for (const { path, node } of leaves(jsonSchema(PAIRS[name][0]))) {
      for (const value of casesFor(node)) agree(name, withValue(base, path, value));
      agree(name, withValue(base, path, undefined, true));
      agree(name, withValue(base, path, undefined));
      count += 1;
    }
    for (const value of [null, undefined, 0, '', [], {}, 'x', [base], ...Object.values(all)]) agree(name, value);
  }
  assert.ok(count >= 30, `${count} properties`);
});

const ENDPOINT_SCHEMA: Record<Endpoint, Name> = {
  captcha: 'ImageChallenge', pow: 'PowChallenge', usernames: 'UsernameAvailability', send: 'CodeSent', resend: 'CodeSent', accounts: 'AccountCreated',
};

/**
 * The client checks a challenge with the schema of the kind it asked for, where the
 * contract has a union of both kinds: the same bodies pass as a union member of that kind.
 */
function sameAsUnion(name: 'ImageChallenge' | 'PowChallenge', value: unknown): void {
  const kind = name === 'ImageChallenge' ? 'image' : 'pow';
  const union = contract.Challenge.safeParse(value);
  const asUnion = union.success && union.data.kind === kind ? { ok: true, data: union.data } : { ok: false };
  assert.deepEqual(verdict(browser[name], value), asUnion, `${name} as Challenge: ${inspect(value, { depth: 4 })}`);
}

test('both agree on the fuzz test\'s bodies and on any JSON', async () => {
  await preparePow();
  for (const [endpoint, name] of Object.entries(ENDPOINT_SCHEMA) as [Endpoint, Name][]) {
    fc.assert(fc.property(successBody(endpoint), (body) => {
      agree(name, body);
      if (name === 'ImageChallenge' || name === 'PowChallenge') sameAsUnion(name, body);
    }), { numRuns: 2000 });
  }
  fc.assert(fc.property(errorBody, (body) => agree('ErrorBody', body)), { numRuns: 3000 });
  for (const name of NAMES) fc.assert(fc.property(fc.jsonValue(), (value) => agree(name, value)), { numRuns: 500 });
});
