import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cosine, EMBEDDING_DIMS, embed } from './embedder.ts';

test('unit vectors, deterministic', () => {
  const v = embed('What was the OEE of line 2 yesterday?');
  assert.equal(v.length, EMBEDDING_DIMS);
  assert.ok(Math.abs(cosine(v, v) - 1) < 1e-5);
  assert.deepEqual(embed('What was the OEE of line 2 yesterday?'), v);
  assert.equal(cosine(embed('?!'), embed('?!')), 0);
});

test('paraphrases are closer than unrelated questions', () => {
  const q = embed('Which suppliers delivered late in March?');
  const paraphrase = cosine(q, embed('which vendors were late delivering in march'));
  const typo = cosine(q, embed('Which supliers deliverd late in March?'));
  const unrelated = cosine(q, embed('What is the energy use of compressor 3?'));
  assert.ok(paraphrase > 0.7, `paraphrase ${paraphrase}`);
  assert.ok(typo > unrelated + 0.3, `typo ${typo}`);
  assert.ok(unrelated < 0.3, `unrelated ${unrelated}`);
});
