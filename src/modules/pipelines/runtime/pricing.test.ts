import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costOf, OFFLINE_PRICE, priceOf } from './pricing.ts';
import { estimatePromptTokens, estimateTokens } from './tokens.ts';

test('the longest prefix names the price; unknown models take their provider’s fallback', () => {
  assert.deepEqual(priceOf('openai', 'gpt-4o-mini-2024-07-18'), {
    inputPerMillion: 0.15,
    outputPerMillion: 0.6,
  });
  assert.deepEqual(priceOf('openai', 'gpt-4o-2024-08-06'), { inputPerMillion: 2.5, outputPerMillion: 10 });
  assert.deepEqual(priceOf('anthropic', 'claude-3-5-haiku-latest'), {
    inputPerMillion: 0.8,
    outputPerMillion: 4,
  });
  assert.deepEqual(priceOf('anthropic', 'some-claude'), { inputPerMillion: 3, outputPerMillion: 15 });
  assert.deepEqual(priceOf('openai', 'llama3'), { inputPerMillion: 0.15, outputPerMillion: 0.6 });
  assert.deepEqual(priceOf('offline', 'gpt-4o'), OFFLINE_PRICE);
});

test('cost is tokens times the price per million', () => {
  assert.equal(costOf('openai', 'gpt-4o', { inputTokens: 1_000_000, outputTokens: 100_000 }), 3.5);
  assert.equal(costOf('offline', 'grounded', { inputTokens: 1000, outputTokens: 1000 }), 0.0005);
});

test('token estimates are four characters a token', () => {
  assert.equal(estimateTokens(''), 0);
  assert.equal(estimateTokens('abcde'), 2);
  assert.equal(estimatePromptTokens({ system: 'abcd', messages: [{ role: 'user', content: 'efgh' }] }), 3);
});
