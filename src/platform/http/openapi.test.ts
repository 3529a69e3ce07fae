import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateOpenApiDocument, SNAPSHOT_FILE } from './openapi-document.ts';

test('the live OpenAPI document matches the committed snapshot (run `npm run openapi` after reviewing a change)', async () => {
  const live = await generateOpenApiDocument();
  const committed = readFileSync(SNAPSHOT_FILE, 'utf8');
  assert.equal(live, committed);
});
