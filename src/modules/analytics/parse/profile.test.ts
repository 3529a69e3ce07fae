import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import {
  type ColumnProfileResult,
  chooseDateFormat,
  chooseNumberFormat,
  fileHints,
  profileColumn,
} from './profile.ts';
import { formatNumber, parseNumber } from './values.ts';

const profile = (values: string[]): ColumnProfileResult => {
  const p = profileColumn();
  for (const v of values) p.add(v);
  return p.result();
};

describe('profileColumn: numbers', () => {
  it('decimal comma with thousands dots', () => {
    const { number } = profile(['1.234,56', '12,5', '7', '']);
    assert.deepEqual(number?.format, { decimal: ',', thousands: '.' });
    assert.equal(number?.ambiguous, false);
  });

  it('decimal point with thousands commas', () => {
    assert.deepEqual(profile(['1,234.56', '3', '12.5']).number?.format, { decimal: '.', thousands: ',' });
  });

  it('1,5 decides a column of 1,500s for a decimal comma; a 1.5 decides it for thousands', () => {
    assert.deepEqual(profile(['1,500', '2,750', '1,5']).number?.format, { decimal: ',', thousands: '' });
    assert.deepEqual(profile(['1,500', '2,750', '1.5']).number?.format, { decimal: '.', thousands: ',' });
    assert.deepEqual(profile(['1,500', '1.234.567']).number?.format, { decimal: ',', thousands: '.' });
  });

  it('stays ambiguous when no value decides, with both readings', () => {
    const { number } = profile(['1,500', '2,750', '12']);
    assert.equal(number?.ambiguous, true);
    assert.deepEqual(number?.candidates, [
      { decimal: '.', thousands: ',' },
      { decimal: ',', thousands: '' },
    ]);
    assert.equal(number?.proof, 0);
  });

  it('spaces and apostrophes as thousands separators', () => {
    assert.deepEqual(profile(['1 234,5', '2,25']).number?.format, { decimal: ',', thousands: ' ' });
    assert.deepEqual(profile(["1'234.5", '2.25']).number?.format, { decimal: '.', thousands: "'" });
  });

  it('negatives and currency do not hide the format', () => {
    assert.deepEqual(profile(['(1.234,50)', '5,00-', '€ 3,10']).number?.format, {
      decimal: ',',
      thousands: '.',
    });
  });

  it('integers only: decided as plain, no proof', () => {
    const { number, shares } = profile(['1', '22', '333']);
    assert.deepEqual(number, {
      format: { decimal: '.', thousands: '' },
      ambiguous: false,
      candidates: [],
      proof: 0,
    });
    assert.equal(shares.integer, 1);
  });
});

describe('profileColumn: dates', () => {
  it('an ambiguous date is decided by another value of the column (day first)', () => {
    const { date } = profile(['01/02/2026', '05/06/2026', '13/02/2026']);
    assert.deepEqual(date, {
      format: 'DD/MM/YYYY',
      ambiguous: false,
      candidates: ['DD/MM/YYYY'],
      readable: 3,
    });
  });

  it('an ambiguous date is decided by another value of the column (month first)', () => {
    const { date } = profile(['01/02/2026', '02/13/2026 08:30']);
    assert.equal(date?.format, 'MM/DD/YYYY');
    assert.equal(date?.ambiguous, false);
  });

  it('stays ambiguous when no value decides, never guessing per row', () => {
    const { date } = profile(['01/02/2026', '05/06/2026', '12/12/2026']);
    assert.equal(date?.ambiguous, true);
    assert.deepEqual(date?.candidates, ['DD/MM/YYYY', 'MM/DD/YYYY']);
  });

  it('finds SAP, Oracle and ISO formats and Excel serials', () => {
    assert.equal(profile(['20260115', '20260201']).date?.format, 'YYYYMMDD');
    assert.equal(profile(['15-JAN-26', '03-FEB-26']).date?.format, 'DD-MON-YY');
    assert.equal(profile(['2026-01-15T08:00:00Z', '2026-01-16 09:00']).date?.format, 'YYYY-MM-DD');
    assert.equal(profile(['46037', '46038.5']).date?.format, 'excel');
  });

  it('a few bad values do not change the decision', () => {
    const { date } = profile(['15.01.2026', '16.01.2026', 'unknown', '31.02.2026']);
    assert.equal(date?.format, 'DD.MM.YYYY');
    assert.equal(date?.readable, 2);
  });
});

describe('profileColumn: flags, shares, distinct values', () => {
  it('SAP X flags: one word, empty means no', () => {
    assert.deepEqual(profile(['X', '', 'X', '']).boolean, { flag: true });
  });

  it('yes/no pairs in several languages', () => {
    assert.deepEqual(profile(['ja', 'nein', 'Ja']).boolean, { flag: false });
    assert.deepEqual(profile(['1', '0', '1']).boolean, { flag: false });
    assert.equal(profile(['yes', 'ja']).boolean, null);
    assert.equal(profile(['1', '2']).boolean, null);
  });

  it('shares of each kind, empties apart', () => {
    const p = profile(['WO-1', 'WO-2', '12', 'Milling', '']);
    assert.equal(p.values, 4);
    assert.equal(p.empty, 1);
    assert.deepEqual(p.shares, { boolean: 0, integer: 0.25, number: 0, date: 0, id: 0.5, text: 0.25 });
    assert.equal(p.distinct, 4);
    assert.deepEqual(p.samples, ['WO-1', 'WO-2', '12', 'Milling']);
  });
});

describe('fileHints and the choice for ambiguous columns', () => {
  it('a decimal-comma file reads an undecided date column day first', () => {
    const amounts = profile(['1,5', '2,25']);
    const dates = profile(['01/02/2026', '03/04/2026']);
    const hints = fileHints([amounts, dates]);
    assert.deepEqual(hints, { decimal: ',', dayFirst: true });
    assert.equal(chooseDateFormat(dates.date, hints), 'DD/MM/YYYY');
  });

  it('a decided month-first column decides the others', () => {
    const decided = profile(['02/13/2026']);
    const open = profile(['01/02/2026']);
    const hints = fileHints([decided, open]);
    assert.equal(hints.dayFirst, false);
    assert.equal(chooseDateFormat(open.date, hints), 'MM/DD/YYYY');
  });

  it('a semicolon file reads undecided 1,500s with a decimal comma', () => {
    const open = profile(['1,500', '2,750']);
    const hints = fileHints([open], ';');
    assert.deepEqual(chooseNumberFormat(open.number, hints), { decimal: ',', thousands: '' });
    assert.deepEqual(chooseNumberFormat(open.number, {}), { decimal: '.', thousands: ',' });
  });
});

describe('profileColumn: property', () => {
  it('decides the locale of any column of amounts with cents, and reads them back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(
          { decimal: '.', thousands: ',' } as const,
          { decimal: ',', thousands: '.' } as const,
          { decimal: ',', thousands: ' ' } as const,
        ),
        (cents, format) => {
          const texts = cents.map((c) => formatNumber(c / 100, format, 2));
          const chosen = chooseNumberFormat(profile(texts).number);
          assert.equal(chosen.decimal, format.decimal);
          texts.forEach((t, i) => {
            assert.equal(parseNumber(t, chosen), (cents[i] as number) / 100 || 0);
          });
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
