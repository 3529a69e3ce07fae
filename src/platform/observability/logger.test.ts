import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm';
import { createLogger } from './logger.ts';

const SECRET = 'pi_0123456789abcdefghijKLMNOP';

function memoryLogger() {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

const failedQuery = () => new DrizzleQueryError('insert into api_keys values ($1)', [SECRET], new Error('x'));

test('an error logged without a message, or with its own, gets a message without parameters', () => {
  const { logger, lines } = memoryLogger();
  logger.error(failedQuery());
  logger.error({ err: failedQuery() });
  const err = failedQuery();
  logger.error({ err }, err.message);
  logger.error({ err: new Error('boom') });
  assert.equal(lines.length, 4);
  for (const line of lines.slice(0, 3)) {
    assert.doesNotMatch(line, new RegExp(SECRET));
    assert.equal(JSON.parse(line).msg, 'Failed query');
  }
  assert.equal(JSON.parse(lines[3] ?? '').msg, 'boom');
});

test('secret fields are censored at the top, in bodies and users, and in headers', () => {
  const { logger, lines } = memoryLogger();
  logger.info(
    {
      password: SECRET,
      token: SECRET,
      body: { email: 'a@b.test', password: SECRET, refreshToken: SECRET },
      user: { id: 'u1', passwordHash: SECRET },
      req: { headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET, host: 'plant' } },
      headers: { cookie: SECRET },
    },
    'line',
  );
  logger.child({ apiKey: SECRET }).info('child bindings too');
  assert.doesNotMatch(lines.join(''), new RegExp(SECRET));
  const line = JSON.parse(lines[0] ?? '');
  assert.equal(line.body.password, '[redacted]');
  assert.equal(line.body.email, 'a@b.test');
  assert.equal(line.req.headers.host, 'plant');
  assert.equal(line.req.headers['x-api-key'], '[redacted]');
});
