import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import {
  compileDateFormat,
  DATE_CANDIDATES,
  dateBit,
  dateCandidatesOf,
  excelSerialToMs,
  isoOfMs,
  parseDate,
} from './dates.ts';

const utc = (...parts: [number, number, number, number?, number?, number?]) => {
  const [y, m, d, h = 0, min = 0, s = 0] = parts;
  return Date.UTC(y, m - 1, d, h, min, s);
};

describe('parseDate', () => {
  it('reads each candidate format, with or without a time', () => {
    const cases: [string, string, number][] = [
      ['2026-01-15', 'YYYY-MM-DD', utc(2026, 1, 15)],
      ['2026-01-15T08:30:15Z', 'YYYY-MM-DD', utc(2026, 1, 15, 8, 30, 15)],
      ['2026-01-15T08:30:15.250+02:00', 'ISO', utc(2026, 1, 15, 6, 30, 15) + 250],
      ['2026-01-15 08:30', 'YYYY-MM-DD', utc(2026, 1, 15, 8, 30)],
      ['2026/01/15', 'YYYY/MM/DD', utc(2026, 1, 15)],
      ['15.01.2026', 'DD.MM.YYYY', utc(2026, 1, 15)],
      ['5.1.2026 7:05', 'DD.MM.YYYY HH:mm', utc(2026, 1, 5, 7, 5)],
      ['15.01.26', 'DD.MM.YY', utc(2026, 1, 15)],
      ['15/01/2026', 'DD/MM/YYYY', utc(2026, 1, 15)],
      ['01/15/2026 8:30 PM', 'MM/DD/YYYY hh:mm A', utc(2026, 1, 15, 20, 30)],
      ['01/15/2026 12:10 am', 'MM/DD/YYYY', utc(2026, 1, 15, 0, 10)],
      ['15-01-2026', 'DD-MM-YYYY', utc(2026, 1, 15)],
      ['15-JAN-2026', 'DD-MON-YYYY', utc(2026, 1, 15)],
      ['15-Jan-26', 'DD-MON-YY', utc(2026, 1, 15)],
      ['03-Mär-2026', 'DD-MON-YYYY', utc(2026, 3, 3)],
      ['03-Okt-2026', 'DD-MON-YYYY', utc(2026, 10, 3)],
      ['24-Dez-99', 'DD-MON-YY', utc(1999, 12, 24)],
      ['20260115', 'YYYYMMDD', utc(2026, 1, 15)],
      ['46037', 'excel', utc(2026, 1, 15)],
      ['46037.354166666664', 'excel', utc(2026, 1, 15, 8, 30)],
      ['46037,5', 'excel', utc(2026, 1, 15, 12)],
    ];
    for (const [text, format, ms] of cases) assert.equal(parseDate(text, format), ms, `${text} as ${format}`);
  });

  it('refuses impossible dates and times', () => {
    for (const [text, format] of [
      ['2026-02-30', 'YYYY-MM-DD'],
      ['2026-13-01', 'YYYY-MM-DD'],
      ['31.04.2026', 'DD.MM.YYYY'],
      ['2026-01-15 24:00', 'YYYY-MM-DD'],
      ['2026-01-15 13:00 PM', 'YYYY-MM-DD'],
      ['15/01/2026', 'MM/DD/YYYY'],
      ['15-Foo-2026', 'DD-MON-YYYY'],
      ['2026-01-15 and more', 'YYYY-MM-DD'],
      ['', 'YYYY-MM-DD'],
      ['abc', 'excel'],
    ] as const)
      assert.equal(parseDate(text, format), 'not a date', `${text} as ${format}`);
  });

  it('refuses dates outside 1970–2100', () => {
    assert.equal(parseDate('1969-12-31', 'YYYY-MM-DD'), 'date out of range');
    assert.equal(parseDate('2101-01-01', 'YYYY-MM-DD'), 'date out of range');
    assert.equal(parseDate('0026-01-01', 'YYYY-MM-DD'), 'date out of range');
    assert.equal(parseDate('100', 'excel'), 'date out of range');
    assert.equal(parseDate('1970-01-01', 'YYYY-MM-DD'), 0);
  });

  it('does not know formats without a day, a month and a year', () => {
    assert.equal(compileDateFormat('YYYY-MM'), null);
    assert.equal(compileDateFormat('DD.MM.QQ'), null);
    assert.equal(compileDateFormat(''), null);
    assert.equal(parseDate('2026-01-15', 'nonsense'), 'not a date');
  });
});

describe('Excel serial days', () => {
  it('counts the 1900 leap-year bug: serial 60 is no date, 61 is 1900-03-01', () => {
    assert.equal(excelSerialToMs(1), utc(1900, 1, 1));
    assert.equal(excelSerialToMs(59), utc(1900, 2, 28));
    assert.equal(excelSerialToMs(60), null);
    assert.equal(excelSerialToMs(61), utc(1900, 3, 1));
    assert.equal(excelSerialToMs(25_569), 0);
    assert.equal(excelSerialToMs(46_037.75), utc(2026, 1, 15, 18));
  });

  it('the 1904 system starts at 1904-01-01', () => {
    assert.equal(excelSerialToMs(0, true), utc(1904, 1, 1));
    assert.equal(excelSerialToMs(44_575, true), utc(2026, 1, 15));
  });

  it('round-trips whole seconds through the serial number and ISO text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_799 }), (seconds) => {
        const ms = seconds * 1000;
        const serial = 25_569 + ms / 86_400_000;
        assert.equal(excelSerialToMs(serial), ms);
        assert.equal(parseDate(isoOfMs(ms), 'YYYY-MM-DD'), ms);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('dateCandidatesOf', () => {
  const names = (text: string) => DATE_CANDIDATES.filter((f) => (dateCandidatesOf(text) & dateBit(f)) !== 0);

  it('gives every format a value fits', () => {
    assert.deepEqual(names('01/02/2026'), ['DD/MM/YYYY', 'MM/DD/YYYY']);
    assert.deepEqual(names('13/02/2026'), ['DD/MM/YYYY']);
    assert.deepEqual(names('02/13/2026'), ['MM/DD/YYYY']);
    assert.deepEqual(names('2026-01-15T08:30:00Z'), ['YYYY-MM-DD']);
    assert.deepEqual(names('15.01.2026 08:30'), ['DD.MM.YYYY']);
    assert.deepEqual(names('15-JAN-26'), ['DD-MON-YY']);
    assert.deepEqual(names('20260115'), ['YYYYMMDD']);
    assert.deepEqual(names('46037.5'), ['excel']);
    assert.deepEqual(names('12'), []);
    assert.deepEqual(names('WO-2026-01'), []);
  });
});

describe('parseDate: property', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const layouts: [string, (y: number, m: number, d: number) => string][] = [
    ['YYYY-MM-DD', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`],
    ['DD.MM.YYYY', (y, m, d) => `${d}.${pad(m)}.${y}`],
    ['DD/MM/YYYY', (y, m, d) => `${pad(d)}/${m}/${y}`],
    ['MM/DD/YYYY', (y, m, d) => `${m}/${pad(d)}/${y}`],
    ['DD-MM-YYYY', (y, m, d) => `${pad(d)}-${pad(m)}-${y}`],
    ['YYYYMMDD', (y, m, d) => `${y}${pad(m)}${pad(d)}`],
    ['DD.MM.YY', (y, m, d) => `${pad(d)}.${pad(m)}.${pad(y % 100)}`],
    [
      'DD-MON-YYYY',
      (y, m, d) =>
        `${pad(d)}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}-${y}`,
    ],
  ];

  it('reads every valid date and time written in each format', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1970, 0, 1)),
          max: new Date(Date.UTC(2069, 11, 31, 23, 59, 59)),
          noInvalidDate: true,
        }),
        fc.constantFrom(...layouts),
        fc.constantFrom('', ' HH:mm', 'THH:mm:ss', ' HH:mm:ss'),
        (date, [format, write], time) => {
          const ms = Math.floor(date.getTime() / 1000) * 1000;
          const d = new Date(ms);
          let text = write(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
          let expected = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
          if (time) {
            text += time
              .replace('HH', pad(d.getUTCHours()))
              .replace('mm', pad(d.getUTCMinutes()))
              .replace('ss', pad(d.getUTCSeconds()));
            expected +=
              d.getUTCHours() * 3_600_000 +
              d.getUTCMinutes() * 60_000 +
              (time.endsWith('ss') ? d.getUTCSeconds() * 1000 : 0);
          }
          assert.equal(parseDate(text, format), expected, `${text} as ${format}`);
        },
      ),
      { seed: 3, numRuns: 1000 },
    );
  });
});
