import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { currentLogContext, runWithLogContext } from './log-context.ts';
import { createLogger } from './logger.ts';
import { RequestLogger, requestLoggerFactory } from './request-logger.ts';

function memoryLogger(level: 'info' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ logLevel: level }, sink), lines };
}

test('request log lines carry the request id, and the tenant and user once they are set', () => {
  const { logger, lines } = memoryLogger('info');
  const log = new RequestLogger(logger, { requestId: 'abc-1' });
  log.info({ route: '/x' }, 'request completed');
  log.context.tenantId = 't-1';
  log.context.userId = 'u-1';
  log.error(new Error('boom'));
  assert.equal(lines.length, 2);
  assert.equal(lines[0]?.requestId, 'abc-1');
  assert.equal(lines[0]?.tenantId, undefined);
  assert.equal(lines[0]?.route, '/x');
  assert.equal(lines[0]?.msg, 'request completed');
  assert.deepEqual([lines[1]?.requestId, lines[1]?.tenantId, lines[1]?.userId], ['abc-1', 't-1', 'u-1']);
  assert.equal((lines[1]?.err as { message?: string } | undefined)?.message, 'boom');
  assert.equal(currentLogContext(), undefined, 'the context is entered for the line only');
});

test('any logger writing inside a log context carries its fields once, the line’s own fields winning', () => {
  const { logger, lines } = memoryLogger('info');
  runWithLogContext({ requestId: 'abc-2', tenantId: 't-2' }, () => {
    logger.info('service line');
    logger.child({ module: 'x' }).info({ tenantId: 'own' }, 'child line');
  });
  logger.info('outside');
  assert.deepEqual([lines[0]?.requestId, lines[0]?.tenantId], ['abc-2', 't-2']);
  assert.deepEqual([lines[1]?.requestId, lines[1]?.tenantId, lines[1]?.module], ['abc-2', 'own', 'x']);
  assert.equal(lines[2]?.requestId, undefined);
});

test('levels below the logger level write nothing', () => {
  const { logger, lines } = memoryLogger('info');
  const log = new RequestLogger(logger, { requestId: 'abc-3' });
  log.debug({ route: '/health' }, 'request completed');
  log.trace('details');
  assert.equal(lines.length, 0);
  log.warn('slow');
  assert.equal(lines.length, 1);
});

test('child loggers of a request logger keep the request context and add their bindings', () => {
  const { logger, lines } = memoryLogger('debug');
  const log = new RequestLogger(logger, { requestId: 'abc-4' });
  const child = log.child({ job: 'import' });
  log.context.tenantId = 't-4';
  child.debug('step');
  assert.deepEqual([lines[0]?.requestId, lines[0]?.job, lines[0]?.tenantId], ['abc-4', 'import', 't-4']);
  assert.equal(log.level, 'debug');
});

test('routes with their own log level or serializers get a real pino child', () => {
  const { logger } = memoryLogger('info');
  const made = requestLoggerFactory(logger, { requestId: 'a' }, {});
  assert.ok(made instanceof RequestLogger);
  assert.equal(made.context.requestId, 'a');
  const child = requestLoggerFactory(logger, { requestId: 'a' }, { level: 'warn' });
  assert.ok(!(child instanceof RequestLogger));
  assert.equal(child.level, 'warn');
});
