// Budget bookkeeping without a database: periods, refreshes, a failing read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BudgetSource, createBudgets, REFRESH_MS } from './budgets.ts';
import { pipelineOf } from './testing.ts';

const model = { provider: 'offline' as const, model: 'grounded', dailyTokenBudget: 100 };

function source(tokens: () => number, reads: { n: number }): BudgetSource {
  return {
    pipelineUsage: async () => {
      reads.n++;
      return { tokens: tokens(), usd: 0 };
    },
    workspace: async () => null,
  };
}

test('read once a day, increased in memory, re-read in the background after REFRESH_MS', async () => {
  let now = Date.parse('2025-03-10T12:00:00Z');
  let stored = 40;
  const reads = { n: 0 };
  const budgets = createBudgets({ source: source(() => stored, reads), now: () => now });
  const p = pipelineOf([]);
  await budgets.check(p, model);
  await budgets.check(p, model);
  assert.equal(reads.n, 1);
  budgets.add(p, 60, 0);
  await assert.rejects(budgets.check(p, model), /daily token budget of 100 reached \(used 100\)/);
  // Another process used more meanwhile: the refresh takes the larger figure.
  stored = 150;
  now += REFRESH_MS + 1;
  await assert.rejects(budgets.check(p, model), /daily token budget of 100 reached/);
  assert.equal(reads.n, 2);
  await new Promise((resolve) => setImmediate(resolve));
  await assert.rejects(budgets.check(p, model), /used 150/);
  // A new UTC day starts from the database again.
  stored = 0;
  now = Date.parse('2025-03-11T00:00:01Z');
  await budgets.check(p, model);
  assert.equal(reads.n, 3);
});

test('a failing read lets traffic through and is logged', async () => {
  const warnings: string[] = [];
  const budgets = createBudgets({
    source: {
      pipelineUsage: async () => {
        throw new Error('db down');
      },
      workspace: async () => {
        throw new Error('db down');
      },
    },
    logger: { warn: (_obj, msg) => warnings.push(msg) },
  });
  await budgets.check(pipelineOf([]), model);
  assert.equal(warnings.length, 2);
});
