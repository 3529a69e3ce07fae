import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CLIENT_TYPES_FILE, generateClientTypes } from './openapi-client-types.ts';
import { generateOpenApiDocument, SNAPSHOT_FILE } from './openapi-document.ts';

// Built once, when the first test asks (a failure belongs to that test, not to the module load).
let built: Promise<string> | undefined;
const live = () => {
  built ??= generateOpenApiDocument();
  return built;
};

test('the live OpenAPI document matches the committed snapshot (run `npm run openapi` after reviewing a change)', async () => {
  const committed = readFileSync(SNAPSHOT_FILE, 'utf8');
  assert.equal(await live(), committed);
});

test("the web app's API types are generated from the committed snapshot (run `npm run openapi`)", async () => {
  const committed = readFileSync(CLIENT_TYPES_FILE, 'utf8');
  assert.equal(committed, await generateClientTypes(readFileSync(SNAPSHOT_FILE, 'utf8')));
});

test('every operation has a unique, readable operationId (generated clients name methods after it)', async () => {
  const document = JSON.parse(await live()) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) problems.push(`${where}: no operationId (add one to the route's schema)`);
      else if (!/^[a-z][a-zA-Z0-9]{2,40}$/.test(id)) problems.push(`${where}: "${id}" is not lowerCamelCase`);
      else if (seen.has(id)) problems.push(`${where}: "${id}" is also used by ${seen.get(id)}`);
      else seen.set(id, where);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(seen.size >= 50, `only ${seen.size} operations`);
});
