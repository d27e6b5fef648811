// Writes the JSON Schema of every request and response of the contract, generated
// from the zod schemas of src/contract.ts, to dist/contract/ (part of `npm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import { CONTRACT_VERSION, SCHEMAS } from '../src/contract.ts';

const out = new URL('../dist/contract/', import.meta.url);
mkdirSync(out, { recursive: true });
const index: Record<string, string> = {};
for (const [name, schema] of Object.entries(SCHEMAS)) {
  // Request schemas are strict (additionalProperties: false); response schemas are not.
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const file = `${name}.schema.json`;
  writeFileSync(new URL(file, out), JSON.stringify({ $id: file, title: name, ...json }, null, 2) + '\n');
  index[name] = file;
}
writeFileSync(new URL('index.json', out), JSON.stringify({ version: CONTRACT_VERSION, schemas: index }, null, 2) + '\n');
console.log(`dist/contract/: ${Object.keys(index).length} JSON Schemas (contract v${CONTRACT_VERSION})`);
