import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXAMPLES, renderExamples, staleExamples } from './examples.ts';

const dir = fileURLToPath(new URL('../../../../examples/', import.meta.url));

test('examples/ holds exactly what the fixed seeds generate (regenerate: plantintel demo examples)', async () => {
  assert.deepEqual(await staleExamples(dir), []);
});

test('regenerating an example gives identical bytes', () => {
  const [first, second] = [renderExamples(), renderExamples()];
  for (const [i, example] of first.entries()) {
    assert.ok(example.bytes.equals(second[i]?.bytes as Buffer), example.file);
    assert.equal(example.truth, second[i]?.truth);
  }
  assert.ok(EXAMPLES.every((e) => e.rows >= 200 && e.rows <= 500));
});
