import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../property-testing.ts';
import { ByteDictionary } from './byte-dictionary.ts';

/** Codes of `texts` from one buffer holding them back to back, as readTextArrayCodes reads them. */
function encode(dictionary: ByteDictionary, texts: string[]): number[] {
  const parts = texts.map((t) => Buffer.from(t, 'utf8'));
  const buffer = Buffer.concat([Buffer.from('pad'), ...parts]);
  let at = 3;
  return parts.map((part) => {
    const code = dictionary.codeOf(buffer, at, at + part.length);
    at += part.length;
    return code;
  });
}

test('codes are dense, in order of first appearance, and equal texts share one', () => {
  const dictionary = new ByteDictionary();
  assert.deepEqual(encode(dictionary, ['M-1', 'M-2', 'M-1', 'Weiß', 'M-2', 'Weiß']), [0, 1, 0, 2, 1, 2]);
  assert.deepEqual(dictionary.values, ['M-1', 'M-2', 'Weiß']);
  // A later batch from another buffer finds the same codes.
  assert.deepEqual(encode(dictionary, ['Weiß', 'M-3', 'M-1']), [2, 3, 0]);
  assert.equal(dictionary.size, 4);
});

test('texts that are prefixes of each other, or differ in one byte, stay apart; the empty text is one', () => {
  const dictionary = new ByteDictionary();
  assert.deepEqual(encode(dictionary, ['ab', 'abc', 'a', 'abd', 'abc', 'ab']), [0, 1, 2, 3, 1, 0]);
  assert.deepEqual(encode(dictionary, ['', 'a', '']), [4, 2, 4]);
});

test('a hundred thousand distinct texts (the table and the byte pool grow) keep their codes', () => {
  const dictionary = new ByteDictionary();
  const texts = Array.from({ length: 100_000 }, (_, i) => `WO-${i}`);
  assert.deepEqual(
    encode(dictionary, texts),
    texts.map((_, i) => i),
  );
  assert.deepEqual(encode(dictionary, ['WO-99999', 'WO-0', 'WO-50000']), [99_999, 0, 50_000]);
  assert.equal(dictionary.values[12_345], 'WO-12345');
});

test('property: the same codes and dictionary as encoding the decoded strings with a Map', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 300 }), (raw) => {
      // Empty texts are NULL to the reader (it never asks the dictionary for one).
      const texts = raw.filter((t) => t !== '').map((t) => Buffer.from(t, 'utf8').toString('utf8'));
      const index = new Map<string, number>();
      const expected = texts.map((t) => {
        if (!index.has(t)) index.set(t, index.size);
        return index.get(t) as number;
      });
      const dictionary = new ByteDictionary();
      assert.deepEqual(encode(dictionary, texts), expected);
      assert.deepEqual(dictionary.values, [...index.keys()]);
    }),
  );
});

test('texts are made when asked for, in parts: ASCII cut from one string, wider texts each decoded', () => {
  const dictionary = new ByteDictionary();
  encode(dictionary, ['WO-1', 'WO-2', 'WO-1']);
  assert.deepEqual(dictionary.values, ['WO-1', 'WO-2']);
  // More after the first access: only the new ones are made, the earlier stay as they were.
  const earlier = dictionary.values;
  encode(dictionary, ['WO-3', '', 'WO-2']);
  assert.equal(dictionary.values, earlier);
  assert.deepEqual(dictionary.values, ['WO-1', 'WO-2', 'WO-3', '']);
  // Once a text is not ASCII, texts are decoded one by one (a byte is no longer a character).
  encode(dictionary, ['炉 7 🔥', 'Weiß', 'WO-4']);
  assert.deepEqual(dictionary.values.slice(4), ['炉 7 🔥', 'Weiß', 'WO-4']);
  assert.equal(dictionary.size, 7);
});

test('texts are cut from strings of a bounded length: a dictionary of long texts passes none of its limits', () => {
  // A window of 10 bytes: every string made holds one to three of these texts.
  const dictionary = new ByteDictionary(10);
  const texts = ['abc', 'defg', 'h', 'ijklmnopqrstu', '', 'vw', 'xyz0123', '4', '56789'];
  assert.deepEqual(encode(dictionary, texts), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(dictionary.values, texts);
});
