import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Executor } from './database.ts';
import { statementTemplate } from './statement-template.ts';

// The caching of statementTemplate; what a template runs on a real database is covered by the
// list tests (src/modules/plant/lists.test.ts), on both drivers.

function counting() {
  const built: string[] = [];
  const run = statementTemplate((executor: Executor, shape: string) => {
    const label = (executor as unknown as { label: string }).label;
    built.push(`${label}/${shape}`);
    return {
      prepare: () => ({ execute: async (values?: Record<string, unknown>) => ({ label, shape, values }) }),
    };
  });
  return { built, run };
}

const executor = (label: string) => ({ label }) as unknown as Executor;

test('a template is built once per executor and shape, and runs with each call’s values', async () => {
  const { built, run } = counting();
  const a = executor('a');
  const b = executor('b');
  assert.deepEqual(await run(a, 'x', { n: 1 }), { label: 'a', shape: 'x', values: { n: 1 } });
  assert.deepEqual(await run(a, 'x', { n: 2 }), { label: 'a', shape: 'x', values: { n: 2 } });
  assert.deepEqual(await run(a, 'y', { n: 3 }), { label: 'a', shape: 'y', values: { n: 3 } });
  assert.deepEqual(await run(b, 'x', { n: 4 }), { label: 'b', shape: 'x', values: { n: 4 } });
  await run(b, 'x', {});
  assert.deepEqual(built, ['a/x', 'a/y', 'b/x']);
});

test('past its bound, an executor’s new shapes are built for each call and not kept', async () => {
  const { built, run } = counting();
  const a = executor('a');
  for (let i = 0; i < 64; i++) await run(a, `s${i}`, {});
  assert.equal(built.length, 64);
  await run(a, 'one more', {});
  await run(a, 'one more', {});
  assert.equal(built.length, 66, 'the 65th shape is built every time');
  await run(a, 's0', {});
  assert.equal(built.length, 66, 'shapes kept before the bound stay kept');
});
