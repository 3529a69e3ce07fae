import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { distinctiveTerms, labelOf, terms } from './terms.ts';

describe('cluster labels', () => {
  test('terms drop stop words, short words and punctuation', () => {
    assert.deepEqual(terms("What's the refund policy for my order #1234? I'd like it by Friday."), [
      'refund',
      'policy',
      'order',
      "i'd",
      'friday',
    ]);
  });

  test('the distinctive terms of a cluster are the ones its queries share and the others lack', () => {
    const texts = [
      'How do I get a refund for my order?',
      'Refund for a damaged order please',
      'Can I return this order for a refund?',
      'Summarise this contract clause',
      'Summarise the indemnity clause of the contract',
    ];
    const [refunds, contracts] = distinctiveTerms(texts, [0, 0, 0, 1, 1], 2);
    assert.deepEqual(
      refunds?.map((t) => t.term),
      ['order', 'refund', 'damaged'],
    );
    assert.equal(refunds?.[0]?.share, 1);
    assert.deepEqual(
      contracts?.map((t) => t.term),
      ['clause', 'contract', 'summarise'],
    );
    assert.equal(labelOf(contracts ?? [], 'x'), 'clause · contract · summarise');
    assert.equal(labelOf([], 'cluster 3'), 'cluster 3');
  });
});
