// The published JSON Schemas (scripts/build-contract-schema.ts, dist/contract/) say what
// CONTRACT.md says: unknown keys in a response are ignored (no additionalProperties:
// false anywhere in a response's schema), a request carries exactly the documented
// keys (additionalProperties: false on every object of a request).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeContractSchemas } from '../../scripts/build-contract-schema.ts';

const REQUESTS = ['CaptchaAnswer', 'SendCodeRequest', 'ResendCodeRequest', 'CreateAccountRequest'];
const RESPONSES = ['ErrorBody', 'ImageChallenge', 'PowChallenge', 'Challenge', 'UsernameAvailability', 'CodeSent', 'AccountCreated'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object schema (a `type: "object"` node) in a JSON Schema, nested ones included. */
function objectSchemas(node: Json, out: { [key: string]: Json }[] = []): { [key: string]: Json }[] {
  if (Array.isArray(node)) node.forEach((n) => objectSchemas(n, out));
  else if (node && typeof node === 'object') {
    if (node['type'] === 'object') out.push(node);
    Object.values(node).forEach((n) => objectSchemas(n, out));
  }
  return out;
}

// The files as the build writes them, into a folder of their own (never dist/).
const dir = mkdtempSync(join(tmpdir(), 'contract-schema-'));
writeContractSchemas(dir);
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { schemas: Record<string, string> };
const schemas = new Map(Object.entries(index.schemas).map(([name, file]) => [name, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json]));
rmSync(dir, { recursive: true, force: true });

test('every schema is a request or a response', () => {
  assert.deepEqual([...schemas.keys()].sort(), [...REQUESTS, ...RESPONSES].sort());
});

for (const name of RESPONSES) {
  test(`${name} (a response) lets unknown keys through, as CONTRACT.md says`, () => {
    const objects = objectSchemas(schemas.get(name)!);
    assert.ok(objects.length > 0, 'has object schemas');
    for (const o of objects) assert.notEqual(o['additionalProperties'], false, JSON.stringify(o).slice(0, 200));
  });
}

for (const name of REQUESTS) {
  test(`${name} (a request) carries exactly the documented keys`, () => {
    const objects = objectSchemas(schemas.get(name)!);
    assert.ok(objects.length > 0, 'has object schemas');
    for (const o of objects) assert.equal(o['additionalProperties'], false, JSON.stringify(o).slice(0, 200));
  });
}
