// The JSON Schema of every request and response of the contract, generated from the
// zod schemas of src/contract.ts, with an index (part of `npm run build`, in
// dist/contract/). `npx tsx scripts/build-contract-schema.ts [dir]` writes them alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { CONTRACT_VERSION, SCHEMAS } from '../src/contract.ts';

export function writeContractSchemas(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const index: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    // What a party may send, as the receiver parses it (`io: 'input'`): a response's
    // unknown keys are ignored (CONTRACT.md), so its objects stay open; a request's
    // objects are strict (z.strictObject: additionalProperties false), since a server
    // may refuse any other key. The default, 'output', would close every object.
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
    const file = `${name}.schema.json`;
    writeFileSync(join(dir, file), JSON.stringify({ $id: file, title: name, ...json }, null, 2) + '\n');
    index[name] = file;
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ version: CONTRACT_VERSION, schemas: index }, null, 2) + '\n');
  return Object.keys(index).length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? new URL('../dist/contract/', import.meta.url).pathname;
  console.log(`${dir}: ${writeContractSchemas(dir)} JSON Schemas (contract v${CONTRACT_VERSION})`);
}
