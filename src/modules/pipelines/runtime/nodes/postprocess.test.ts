import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  jsonSchemaWarnings,
  numbersIn,
  postprocessWarnings,
  schemaProblems,
  ungroundedNumbers,
} from './postprocess.ts';

const schema = {
  type: 'object',
  required: ['line', 'status'],
  properties: {
    line: { type: 'integer' },
    status: { enum: ['running', 'stopped'] },
    causes: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
};

test('a matching answer has no schema problems; a fenced one is unwrapped', () => {
  assert.deepEqual(jsonSchemaWarnings('{"line": 2, "status": "stopped", "causes": ["jam"]}', schema), []);
  assert.deepEqual(jsonSchemaWarnings('```json\n{"line": 2, "status": "running"}\n```', schema), []);
});

test('schema problems name their path', () => {
  assert.deepEqual(schemaProblems({ line: 2.5, causes: [1], extra: true }, schema), [
    '$.status is required',
    '$.line should be integer, not number',
    '$.causes[0] should be string, not number',
    '$.extra is not allowed',
  ]);
  assert.deepEqual(jsonSchemaWarnings('not json', schema), [
    'answer did not match the schema: it is not JSON',
  ]);
  assert.deepEqual(schemaProblems('x', { type: ['string', 'null'] }), []);
});

test('numbers are compared by value; small integers are not checked', () => {
  assert.deepEqual(numbersIn('1,200 units, 72.5 °C, -3 and line2'), ['1,200', '72.5', '-3']);
  const context = 'Oven 4 peaked at 72.5 °C; 1200 units were scrapped.';
  assert.deepEqual(
    ungroundedNumbers('Oven 4 hit 72.5 °C and 1,200 units were lost in 3 steps.', [context]),
    [],
  );
  assert.deepEqual(ungroundedNumbers('It reached 95 °C, 95 again, and 14 min.', [context, 'for 14 min?']), [
    '95',
  ]);
});

test('postprocess warnings come from both checks', () => {
  const warnings = postprocessWarnings({ jsonSchema: { type: 'object' }, groundNumbers: true }, '[42]', ['']);
  assert.deepEqual(warnings, [
    'answer did not match the schema: $ should be object, not array',
    'numbers not found in the context or the prompt: 42',
  ]);
});
