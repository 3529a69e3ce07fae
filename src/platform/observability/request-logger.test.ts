import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
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

test('request log lines carry the request id, as a pino child would write them', () => {
  const { logger, lines } = memoryLogger('info');
  const log = new RequestLogger(logger, { reqId: 'abc-1' });
  log.info({ route: '/x' }, 'request completed');
  log.error(new Error('boom'));
  assert.equal(lines.length, 2);
  assert.equal(lines[0]?.reqId, 'abc-1');
  assert.equal(lines[0]?.route, '/x');
  assert.equal(lines[0]?.msg, 'request completed');
  assert.equal(lines[1]?.reqId, 'abc-1');
  assert.equal((lines[1]?.err as { message?: string } | undefined)?.message, 'boom');
});

test('levels below the logger level write nothing and build no child', () => {
  const { logger, lines } = memoryLogger('info');
  let children = 0;
  const counting = Object.create(logger, {
    child: {
      value: (...args: Parameters<typeof logger.child>) => {
        children += 1;
        return logger.child(...args);
      },
    },
  });
  const log = new RequestLogger(counting, { reqId: 'abc-2' });
  log.debug({ route: '/health' }, 'request completed');
  log.trace('details');
  assert.equal(lines.length, 0);
  assert.equal(children, 0);
  log.warn('slow');
  log.info('again');
  assert.equal(children, 1, 'the child is built once, on the first enabled line');
  assert.equal(lines.length, 2);
});

test('child loggers of a request logger keep the request id and add their bindings', () => {
  const { logger, lines } = memoryLogger('debug');
  const log = new RequestLogger(logger, { reqId: 'abc-3' });
  log.child({ job: 'import' }).debug('step');
  assert.deepEqual([lines[0]?.reqId, lines[0]?.job], ['abc-3', 'import']);
  assert.equal(log.level, 'debug');
});

test('routes with their own log level or serializers get a real pino child', () => {
  const { logger } = memoryLogger('info');
  assert.ok(requestLoggerFactory(logger, { reqId: 'a' }, {}) instanceof RequestLogger);
  const child = requestLoggerFactory(logger, { reqId: 'a' }, { level: 'warn' });
  assert.ok(!(child instanceof RequestLogger));
  assert.equal(child.level, 'warn');
});
