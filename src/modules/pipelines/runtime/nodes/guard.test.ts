import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError, type GatewayRequest } from '../../contracts.ts';
import { applyGuard, luhn, redactPii, refusedTopic } from './guard.ts';

const req = (content: string, system?: string): GatewayRequest => ({
  protocol: 'openai',
  purpose: 'gateway',
  messages: [{ role: 'user', content }],
  stream: false,
  ...(system !== undefined && { system }),
});

test('e-mails, phones, IBANs and card numbers are redacted by kind', () => {
  assert.equal(redactPii('mail anna.k@plant-3.example.com now'), 'mail [REDACTED:email] now');
  assert.equal(
    redactPii('call +49 30 1234567 or (555) 123-4567'),
    'call [REDACTED:phone] or [REDACTED:phone]',
  );
  assert.equal(redactPii('or 555-123-4567.'), 'or [REDACTED:phone].');
  assert.equal(redactPii('IBAN DE89 3704 0044 0532 0130 00 please'), 'IBAN [REDACTED:iban] please');
  assert.equal(redactPii('card 4111 1111 1111 1111 exp'), 'card [REDACTED:card] exp');
  assert.equal(redactPii('card 4111-1111-1111-1111'), 'card [REDACTED:card]');
});

test('plant figures, dates and timestamps are kept', () => {
  for (const text of [
    'line 2 stopped at 2024-05-01 10:32 for 14 min',
    'oven 4 read 72.5 °C, limit 80',
    'epoch 1700000000000 and serial 1234567890123',
    'OEE 85.3 % over 3 shifts',
  ]) {
    assert.equal(redactPii(text), text);
  }
  assert.equal(luhn('4111111111111111'), true);
  assert.equal(luhn('1234567890123'), false);
});

test('a refused topic matches whole words, case-insensitively, only in user messages', () => {
  assert.equal(refusedTopic(req('What about SALARY data?'), ['salary']), 'salary');
  assert.equal(refusedTopic(req('salaryman'), ['salary']), null);
  assert.equal(refusedTopic(req('the stock  price today'), ['stock price']), 'stock price');
  assert.equal(refusedTopic({ messages: [{ role: 'assistant', content: 'salary' }] }, ['salary']), null);
  assert.throws(
    () => applyGuard({ redactPii: false, refuseTopics: ['salary'] }, req('my salary?'), []),
    (err: GatewayError) => err.kind === 'refused' && err.status === 400 && err.message.includes('"salary"'),
  );
});

test('a prompt above the limit is refused with its estimate and the limit', () => {
  assert.throws(
    () => applyGuard({ redactPii: false, maxInputTokens: 10 }, req('x'.repeat(100)), []),
    (err: GatewayError) =>
      err instanceof GatewayError &&
      err.kind === 'invalid_request' &&
      err.message === "prompt of ~25 tokens exceeds this pipeline's limit of 10",
  );
  const ok = applyGuard({ redactPii: false, maxInputTokens: 10 }, req('short'), ['big '.repeat(100)]);
  assert.equal(ok.req.messages[0]?.content, 'short');
});

test('redaction covers the system prompt, the messages and the retrieved context', () => {
  const out = applyGuard({ redactPii: true }, req('reach me at a@b.io', 'boss: c@d.io'), ['operator e@f.io']);
  assert.equal(out.req.messages[0]?.content, 'reach me at [REDACTED:email]');
  assert.equal(out.req.system, 'boss: [REDACTED:email]');
  assert.deepEqual(out.context, ['operator [REDACTED:email]']);
});
