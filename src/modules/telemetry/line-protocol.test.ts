import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  LineSyntaxError,
  type ParsedLine,
  type Point,
  parseLine,
  parseLines,
  precisionOf,
  readingsOfPoint,
  timestampOf,
} from './line-protocol.ts';

// The line-protocol parser and the mapping rule, on hand-written lines: every escape, every field
// type, every precision, and the malformed lines that must come back as errors, not throws.

const parse = (line: string) => parseLine(line, 'ns');
const plain = (point: Point) => ({
  measurement: point.measurement,
  tags: Object.fromEntries(point.tags),
  fields: Object.fromEntries([...point.fields].map(([k, v]) => [k, v.value])),
  ts: point.ts,
});
const fails = (line: string, message: RegExp) =>
  assert.throws(
    () => parse(line),
    (err: unknown) => err instanceof LineSyntaxError && message.test(err.message),
  );

describe('line protocol: elements', () => {
  test('measurement, tag set, field set and a nanosecond timestamp', () => {
    assert.deepEqual(
      plain(parse('weather,location=us-midwest,season=summer temperature=82 1465839830100400200')),
      {
        measurement: 'weather',
        tags: { location: 'us-midwest', season: 'summer' },
        fields: { temperature: 82 },
        ts: 1465839830100.4,
      },
    );
  });

  test('tags and the timestamp are optional; several fields', () => {
    assert.deepEqual(plain(parse('boiler temp=71.5,pressure=2.1')), {
      measurement: 'boiler',
      tags: {},
      fields: { temp: 71.5, pressure: 2.1 },
      ts: undefined,
    });
  });

  test('every field type', () => {
    const point = parse('m f1=1,f2=-1.5e3,f3=.5,f4=1.,f5=12i,f6=-7i,f7=12u,f8="text",f9=t,f10=FALSE');
    assert.deepEqual(Object.fromEntries(point.fields), {
      f1: { type: 'float', value: 1 },
      f2: { type: 'float', value: -1500 },
      f3: { type: 'float', value: 0.5 },
      f4: { type: 'float', value: 1 },
      f5: { type: 'integer', value: 12 },
      f6: { type: 'integer', value: -7 },
      f7: { type: 'unsigned', value: 12 },
      f8: { type: 'string', value: 'text' },
      f9: { type: 'boolean', value: true },
      f10: { type: 'boolean', value: false },
    });
  });

  test('every spelling of a boolean', () => {
    for (const [text, value] of [
      ['t', true],
      ['T', true],
      ['true', true],
      ['True', true],
      ['TRUE', true],
      ['f', false],
      ['F', false],
      ['false', false],
      ['False', false],
      ['FALSE', false],
    ] as const) {
      assert.deepEqual(parse(`m b=${text}`).fields.get('b'), { type: 'boolean', value }, text);
    }
    fails('m b=tRUE', /invalid value/);
    fails('m b=yes', /invalid value/);
  });

  test('integers at the edges of 64 bits', () => {
    assert.equal(parse('m i=9223372036854775807i').fields.get('i')?.value, 2 ** 63);
    assert.equal(parse('m i=-9223372036854775808i').fields.get('i')?.value, -(2 ** 63));
    assert.equal(parse('m u=18446744073709551615u').fields.get('u')?.value, 2 ** 64);
    fails('m i=9223372036854775808i', /out of range/);
    fails('m u=18446744073709551616u', /out of range/);
    fails('m u=-1u', /invalid value/);
    fails(`m i=${'9'.repeat(400)}i`, /out of range/);
    fails('m f=1e999', /out of range/);
  });

  test('a repeated tag or field keeps its last value; `__proto__` is an ordinary tag', () => {
    const point = parse('m,__proto__=x,a=1,a=2 f=1,f=2');
    assert.deepEqual(plain(point).fields, { f: 2 });
    assert.equal(point.tags.get('a'), '2');
    assert.equal(point.tags.get('__proto__'), 'x');
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  test('extra spaces between the sections and after the timestamp are allowed', () => {
    assert.deepEqual(plain(parse('m,t=1   f=1    5000   ')), {
      measurement: 'm',
      tags: { t: '1' },
      fields: { f: 1 },
      ts: 0.005,
    });
  });
});

describe('line protocol: escapes', () => {
  test('measurement: comma and space escaped; an equals sign needs no escape', () => {
    assert.equal(parse('my\\ meas\\,urement f=1').measurement, 'my meas,urement');
    assert.equal(parse('a=b f=1').measurement, 'a=b');
  });

  test('tag keys and values: comma, equals sign and space escaped', () => {
    const point = parse('m,tag\\ key\\,with\\=all=tag\\ value\\,with\\=all,plain=x f=1');
    assert.deepEqual(Object.fromEntries(point.tags), {
      'tag key,with=all': 'tag value,with=all',
      plain: 'x',
    });
  });

  test('field keys: comma, equals sign and space escaped', () => {
    assert.deepEqual(plain(parse('m field\\ k\\,e\\=y=1')).fields, { 'field k,e=y': 1 });
  });

  test('string fields: escaped quotes and backslashes; commas, spaces and = need none', () => {
    const point = parse('m s="say \\"hi\\", a=b \\\\ C:\\path",n=1 1000');
    assert.equal(point.fields.get('s')?.value, 'say "hi", a=b \\ C:\\path');
    assert.equal(point.fields.get('n')?.value, 1);
    assert.equal(point.ts, 0.001);
    assert.equal(parse('m s=""').fields.get('s')?.value, '');
  });

  test('backslashes: two make one, a lone one is itself', () => {
    // The documented table: \ → \, \\ → \, \\\ → \\, \\\\ → \\, \\\\\ → \\\, \\\\\\ → \\\.
    const cases: [string, string][] = [
      ['a\\b', 'a\\b'],
      ['a\\\\b', 'a\\b'],
      ['a\\\\\\b', 'a\\\\b'],
      ['a\\\\\\\\b', 'a\\\\b'],
      ['a\\\\\\\\\\b', 'a\\\\\\b'],
      ['a\\\\\\\\\\\\b', 'a\\\\\\b'],
    ];
    for (const [raw, value] of cases) {
      assert.equal(parse(`${raw},t=${raw} f=1`).measurement, value, raw);
      assert.equal(parse(`m,t=${raw} f=1`).tags.get('t'), value, raw);
      assert.equal(parse(`m ${raw}=1`).fields.has(value), true, raw);
    }
  });

  test('an escaped backslash before a separator leaves the separator in force', () => {
    const point = parse('m\\\\,t=v\\\\ f\\\\=1');
    assert.equal(point.measurement, 'm\\');
    assert.equal(point.tags.get('t'), 'v\\');
    assert.equal(point.fields.get('f\\')?.value, 1);
  });

  test('a backslash before another character is kept (no \\n, \\t in names)', () => {
    assert.equal(parse('m,t=a\\nb f=1').tags.get('t'), 'a\\nb');
    assert.equal(parse('m s="a\\nb"').fields.get('s')?.value, 'a\\nb');
  });

  test('unicode passes through', () => {
    const point = parse('température,lieu=Zürich\\ Süd wert=1,note="°C ✓"');
    assert.equal(point.measurement, 'température');
    assert.equal(point.tags.get('lieu'), 'Zürich Süd');
    assert.equal(point.fields.get('note')?.value, '°C ✓');
  });
});

describe('line protocol: malformed lines', () => {
  test('each says what is wrong', () => {
    fails('m', /missing fields/);
    fails('m ', /missing fields/);
    fails('m,t=1', /missing fields/);
    fails(',t=1 f=1', /missing measurement/);
    fails(' f=1', /missing measurement/);
    fails('m,t f=1', /missing tag value/);
    fails('m,t= f=1', /missing tag value/);
    fails('m,=v f=1', /missing tag key/);
    fails('m, f=1', /missing tag key/);
    fails('m,t=a=b f=1', /unescaped "="/);
    fails('m f', /missing field value/);
    fails('m f=', /no value/);
    fails('m f=1,', /missing field key/);
    fails('m =1', /missing field key/);
    fails('m f=abc', /invalid value/);
    fails('m f=1x', /invalid value/);
    fails('m f=0x10', /invalid value/);
    fails('m f=Infinity', /invalid value/);
    fails('m f=NaN', /invalid value/);
    fails('m f=1.5i', /invalid value/);
    fails('m s="open', /unterminated string/);
    fails('m s="a\\"', /unterminated string/);
    fails('m s="a"b', /after the closing quote/);
    fails('m f=1 12a', /invalid timestamp/);
    fails('m f=1 1.5', /invalid timestamp/);
    fails('m f=1 1 2', /after the timestamp/);
    fails('m f=1 12345678901234567890', /invalid timestamp/);
    fails('m,t=a\u0000b f=1', /NUL/);
  });
});

describe('line protocol: timestamps and precision', () => {
  test('nanoseconds beyond 2^53 keep their microseconds (below a microsecond is dropped)', () => {
    assert.equal(timestampOf('1700000000123456999', 'ns'), 1700000000123.456);
    assert.equal(timestampOf('1700000000123456789', 'ns'), 1700000000123.456);
    assert.equal(timestampOf('9223372036854775806', 'ns'), 9223372036854.775);
    assert.equal(timestampOf('-1', 'ns'), -0.001);
  });

  test('each precision', () => {
    assert.equal(timestampOf('1700000000123456', 'us'), 1700000000123.456);
    assert.equal(timestampOf('1700000000123', 'ms'), 1700000000123);
    assert.equal(timestampOf('1700000000', 's'), 1700000000000);
    assert.equal(timestampOf('28333333', 'm'), 28333333 * 60_000);
    assert.equal(timestampOf('472222', 'h'), 472222 * 3_600_000);
  });

  test('outside the signed 64-bit nanosecond range', () => {
    assert.throws(() => timestampOf('9223372036854775807', 'ns'), /out of range/);
    assert.throws(() => timestampOf('9223372037', 's'), /out of range/);
    assert.throws(() => timestampOf('2562048', 'h'), /out of range/);
  });

  test('v1 and v2 names of precisions', () => {
    assert.deepEqual(
      ['n', 'ns', 'u', 'us', 'ms', 's', 'm', 'h', undefined].map((p) => precisionOf(p)),
      ['ns', 'ns', 'us', 'us', 'ms', 's', 'm', 'h', 'ns'],
    );
    assert.throws(() => precisionOf('d'));
  });

  test('a line is read in the precision given', () => {
    assert.equal(parseLine('m f=1 1700000000', 's').ts, 1700000000000);
  });
});

describe('line protocol: bodies', () => {
  test('comments, blank lines, CRLF and indentation; errors carry their line number', () => {
    const body = [
      '# a comment',
      '',
      'm f=1 1000000',
      '   ',
      '  m f=2 2000000\r',
      'not a point',
      '\t# an indented comment',
      'm,t=1 f=3 3000000',
      '',
    ].join('\n');
    const parsed = [...parseLines(body, 'ns')];
    const shape = (p: ParsedLine) =>
      'point' in p ? [p.line, p.point.fields.get('f')?.value, p.point.ts] : [p.line, p.error, p.text];
    assert.deepEqual(parsed.map(shape), [
      [3, 1, 1],
      [5, 2, 2],
      [6, 'missing field value (field a)', 'not a point'],
      [8, 3, 3],
    ]);
  });

  test('an empty body and a body of comments have no points', () => {
    assert.deepEqual([...parseLines('', 'ns')], []);
    assert.deepEqual([...parseLines('# only\n#comments\n', 'ns')], []);
  });

  test('the text of a long malformed line is cut short', () => {
    const [parsed] = [...parseLines(`${'x'.repeat(500)} f=oops`, 'ns')];
    assert.ok(parsed && 'error' in parsed);
    assert.equal(parsed.text.length, 101);
  });
});

describe('line protocol: the mapping rule', () => {
  const readings = (line: string) => readingsOfPoint(parse(line));

  test('<measurement>.<field> for each numeric field; booleans are 1 and 0; strings are ignored', () => {
    assert.deepEqual(readings('pump,host=a vib=0.5,running=t,state="ok",count=3i,total=4u 1000000'), {
      readings: [
        { sensorKey: 'pump.vib', value: 0.5, ts: 1, facilityCode: undefined, unit: undefined },
        { sensorKey: 'pump.running', value: 1, ts: 1, facilityCode: undefined, unit: undefined },
        { sensorKey: 'pump.count', value: 3, ts: 1, facilityCode: undefined, unit: undefined },
        { sensorKey: 'pump.total', value: 4, ts: 1, facilityCode: undefined, unit: undefined },
      ],
      ignored: 1,
    });
    assert.equal(readings('m value=1').readings[0]?.sensorKey, 'm.value');
  });

  test('a sensor (or key) tag names the sensor; the field `value` is the tag alone', () => {
    const keys = (line: string) => readings(line).readings.map((r) => r.sensorKey);
    assert.deepEqual(keys('m,sensor=L1-TEMP value=1,max=2'), ['L1-TEMP', 'L1-TEMP.max']);
    assert.deepEqual(keys('m,key=L1-TEMP value=1,max=2'), ['L1-TEMP', 'L1-TEMP.max']);
    assert.deepEqual(keys('m,key=K,sensor=S value=1'), ['S']);
  });

  test('facility and unit tags travel with each reading', () => {
    const [first] = readings('m,sensor=P1,facility=PLANT-2,unit=bar value=1').readings;
    assert.deepEqual(first, {
      sensorKey: 'P1',
      value: 1,
      ts: undefined,
      facilityCode: 'PLANT-2',
      unit: 'bar',
    });
  });

  test('a point of strings only has no readings', () => {
    assert.deepEqual(readings('m a="x",b="y"'), { readings: [], ignored: 2 });
  });
});
