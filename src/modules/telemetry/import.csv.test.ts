import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fieldsOf,
  type Line,
  linesOf,
  MAX_LINE_BYTES,
  parseTimestamp,
  readHeader,
  readingsOf,
} from './import.csv.ts';

// The CSV reading of the import: lines across chunk boundaries, fields, headers, timestamps.

async function collect(chunks: (string | Buffer)[], options?: Parameters<typeof linesOf>[1]) {
  const out: Line[] = [];
  const source = (async function* () {
    for (const c of chunks) yield Buffer.isBuffer(c) ? c : Buffer.from(c);
  })();
  for await (const lines of linesOf(source, options)) out.push(...lines);
  return out;
}

describe('CSV import: reading the file', () => {
  test('lines: split across chunks, CRLF, BOM, a last line without a break, byte offsets', async () => {
    const lines = await collect(['\ufeffa,b\r\n1,', '2\r', '\n\n3,4']);
    assert.deepEqual(lines, [
      { text: 'a,b', number: 1, end: 8 },
      { text: '1,2', number: 2, end: 13 },
      { text: '', number: 3, end: 14 },
      { text: '3,4', number: 4, end: 17 },
    ]);
    // Resumed at a byte offset, numbering goes on from there.
    assert.deepEqual(await collect(['x\ny\n'], { offset: 100, firstLine: 7 }), [
      { text: 'x', number: 7, end: 102 },
      { text: 'y', number: 8, end: 104 },
    ]);
  });

  test('lines: too long, not UTF-8 or with NUL is malformed (null), and the next line is intact', async () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 10);
    const lines = await collect([
      long.slice(0, 600_000),
      long.slice(600_000),
      '\nok\n',
      Buffer.from([0xc3, 0x28, 0x0a]),
      'a\0b\nlast',
    ]);
    assert.deepEqual(
      lines.map((l) => [l.number, l.text]),
      [
        [1, null],
        [2, 'ok'],
        [3, null],
        [4, null],
        [5, 'last'],
      ],
    );
    assert.equal(lines[0]?.end, MAX_LINE_BYTES + 11);
  });

  test('fields: plain, quoted with commas and doubled quotes, broken quoting', () => {
    assert.deepEqual(fieldsOf(' a , b,c '), ['a', 'b', 'c']);
    assert.deepEqual(fieldsOf('"a,1","say ""hi""",3'), ['a,1', 'say "hi"', '3']);
    assert.deepEqual(fieldsOf('a,"b'), null);
  });

  test('timestamps: ISO 8601 with and without a zone, epoch seconds and milliseconds', () => {
    const at = Date.UTC(2024, 4, 1, 10, 0, 0);
    assert.equal(parseTimestamp('2024-05-01T10:00:00Z'), at);
    assert.equal(parseTimestamp('2024-05-01T10:00:00.250Z'), at + 250);
    assert.equal(parseTimestamp('2024-05-01 10:00:00'), at, 'no zone is UTC');
    assert.equal(parseTimestamp('2024-05-01T12:00:00+02:00'), at);
    assert.equal(parseTimestamp('2024-05-01T05:30-0430'), at);
    assert.equal(parseTimestamp('2024-05-01T10:00'), at);
    assert.equal(parseTimestamp('2024-05-01'), Date.UTC(2024, 4, 1));
    assert.equal(parseTimestamp('2024-05-01T10:00:00.123456Z'), at + 123.456);
    assert.equal(parseTimestamp(String(at / 1000)), at, 'seconds');
    assert.equal(parseTimestamp(String(at / 1000 + 0.5)), at + 500, 'fractional seconds');
    assert.equal(parseTimestamp(String(at)), at, 'milliseconds');
    assert.equal(parseTimestamp('99999999999'), 99_999_999_999_000, 'just below 1e11: seconds');
    assert.equal(parseTimestamp('100000000000'), 100_000_000_000, 'from 1e11: milliseconds');
    for (const bad of [
      '',
      'yesterday',
      '2024-02-30',
      '2024-05-01T24:00:00Z',
      '2024-5-1',
      '0x10',
      'May 1 2024',
    ])
      assert.equal(parseTimestamp(bad), undefined, bad);
  });

  test('headers: long in any order with sensor_id or sensor_key, wide with sensor columns', () => {
    assert.deepEqual(readHeader('long', ['Value', 'TS', 'sensor_key', 'unit']), {
      format: 'long',
      columns: 4,
      id: -1,
      key: 2,
      ts: 1,
      value: 0,
    });
    assert.equal(readHeader('long', ['sensor_id', 'timestamp', 'value']).format, 'long');
    assert.throws(
      () => readHeader('long', ['sensor', 'ts']),
      /lacks columns sensor_key \(or sensor_id\), value/,
    );
    assert.throws(() => readHeader('long', ['ts', 'ts', 'sensor_key', 'value']), /twice/);
    assert.deepEqual(readHeader('wide', ['ts', 'P-1', 'P-2']), {
      format: 'wide',
      columns: 3,
      ts: 0,
      keys: ['P-1', 'P-2'],
    });
    assert.throws(() => readHeader('wide', ['ts']), /lacks sensor columns/);
    assert.throws(() => readHeader('wide', ['ts', 'P-1', 'P-1']), /twice/);
    assert.throws(() => readHeader('wide', ['P-1', 'ts']), /first column/);
    assert.throws(() => readHeader('wide', null), /header/);
  });

  test('readings of a line: the reasons decided before ingest', () => {
    const long = readHeader('long', ['sensor_key', 'ts', 'value']);
    assert.deepEqual(readingsOf(long, 'P-1,1714557600,2.5'), {
      readings: [{ sensorKey: 'P-1', ts: 1_714_557_600_000, value: 2.5 }],
      rejected: [],
    });
    assert.deepEqual(readingsOf(long, 'P-1,1714557600,').readings[0]?.value, null);
    assert.deepEqual(readingsOf(long, 'P-1,1714557600,0x10').readings[0]?.value, null);
    const reasons = (text: string | null) => readingsOf(long, text).rejected.map((r) => r.reason);
    assert.deepEqual(reasons('P-1,1714557600'), ['malformed_row']);
    assert.deepEqual(reasons(null), ['malformed_row']);
    assert.deepEqual(reasons(',1714557600,1'), ['malformed_row']);
    assert.deepEqual(reasons('P 1,1714557600,1'), ['unknown_sensor']);
    assert.deepEqual(reasons('P-1,soon,1'), ['invalid_timestamp']);
    const byId = readHeader('long', ['sensor_id', 'ts', 'value']);
    assert.deepEqual(
      readingsOf(byId, 'not-a-uuid,1714557600,1').rejected.map((r) => r.reason),
      ['unknown_sensor'],
    );
    const wide = readHeader('wide', ['ts', 'A', 'B']);
    assert.deepEqual(readingsOf(wide, '1714557600,,3'), {
      readings: [{ sensorKey: 'B', ts: 1_714_557_600_000, value: 3 }],
      columns: ['B'],
      rejected: [],
    });
    assert.deepEqual(readingsOf(wide, 'later,1,').rejected, [{ reason: 'invalid_timestamp', column: 'A' }]);
  });
});
