import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import { formatNumber, kindOf, type NumberFormat, parseBoolean, parseNumber } from './values.ts';

const US: NumberFormat = { decimal: '.', thousands: ',' };
const DE: NumberFormat = { decimal: ',', thousands: '.' };
const FR: NumberFormat = { decimal: ',', thousands: ' ' };
const CH: NumberFormat = { decimal: '.', thousands: "'" };
const PLAIN: NumberFormat = { decimal: '.', thousands: '' };

describe('parseNumber', () => {
  it('reads decimal comma with thousands dots, and the other way round', () => {
    assert.equal(parseNumber('1.234,56', DE), 1234.56);
    assert.equal(parseNumber('1.234.567,5', DE), 1234567.5);
    assert.equal(parseNumber('1,234.56', US), 1234.56);
    assert.equal(parseNumber('1,5', DE), 1.5);
    assert.equal(parseNumber('1,500', US), 1500);
    assert.equal(parseNumber('1,500', DE), 1.5);
  });

  it('reads spaces, NBSP, narrow NBSP and apostrophes as thousands separators', () => {
    assert.equal(parseNumber('1 234,5', FR), 1234.5);
    assert.equal(parseNumber('1\u00A0234,5', FR), 1234.5);
    assert.equal(parseNumber('1\u202F234\u202F567', FR), 1234567);
    assert.equal(parseNumber("1'234.50", CH), 1234.5);
    assert.equal(parseNumber('1’234.50', CH), 1234.5);
  });

  it('reads negatives as -5, 5- (SAP) and (5)', () => {
    assert.equal(parseNumber('-5', US), -5);
    assert.equal(parseNumber('5-', US), -5);
    assert.equal(parseNumber('1.234,50-', DE), -1234.5);
    assert.equal(parseNumber('(5)', US), -5);
    assert.equal(parseNumber('(1,234.50)', US), -1234.5);
    assert.equal(parseNumber('−7', US), -7);
    assert.equal(parseNumber('+7', US), 7);
    assert.equal(Object.is(parseNumber('-0', US), 0), true);
  });

  it('strips currency symbols and codes and the percent sign, keeping the number as written', () => {
    assert.equal(parseNumber('€ 1.234,50', DE), 1234.5);
    assert.equal(parseNumber('1.234,50 €', DE), 1234.5);
    assert.equal(parseNumber('$1,234.50', US), 1234.5);
    assert.equal(parseNumber('-$5', US), -5);
    assert.equal(parseNumber('($5.00)', US), -5);
    assert.equal(parseNumber('USD 12.5', US), 12.5);
    assert.equal(parseNumber('12,5 EUR', DE), 12.5);
    assert.equal(parseNumber('12,5 %', DE), 12.5);
    assert.equal(parseNumber('3%', US), 3);
  });

  it('reads leading decimals and exponents', () => {
    assert.equal(parseNumber('.5', US), 0.5);
    assert.equal(parseNumber('1.5E+03', US), 1500);
    assert.equal(parseNumber('2e-3', PLAIN), 0.002);
  });

  it('refuses junk and what the column format makes ambiguous', () => {
    for (const [text, format] of [
      ['', US],
      ['abc', US],
      ['1.2.3', US],
      ['1,23,456', US],
      ['12,34', US],
      ['1,5', PLAIN],
      ['1.234,5', US],
      ['--5', US],
      ['(-5)', US],
      ['-5-', US],
      ['5 kg', US],
      ['1.', US],
      ['€', US],
      ['Infinity', US],
      ['0x10', US],
    ] as const)
      assert.equal(parseNumber(text, format), 'not a number', `${text} in ${JSON.stringify(format)}`);
  });

  it('round-trips formatted numbers in each locale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(US, DE, FR, CH, PLAIN, { decimal: ',', thousands: '' } as NumberFormat),
        (cents, digits, format) => {
          const n = cents / 100;
          const text = formatNumber(n, format, digits);
          assert.equal(parseNumber(text, format), Number(n.toFixed(digits)) || 0, text);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('parseBoolean', () => {
  it('reads yes/no words in English, German, French and Spanish, 1/0 and SAP X', () => {
    for (const t of ['1', 'true', 'TRUE', 'yes', 'Y', 'ja', 'J', 'oui', 'sí', 'si', 'X', 'x', ' wahr '])
      assert.equal(parseBoolean(t), true, t);
    for (const t of ['0', 'false', 'No', 'N', 'nein', 'non', 'FALSCH'])
      assert.equal(parseBoolean(t), false, t);
    for (const t of ['', 'maybe', '2', 'xx']) assert.equal(parseBoolean(t), null, t);
  });
});

describe('kindOf', () => {
  it('tells ids, integers, numbers, dates, flags and text apart', () => {
    const cases: [string, ReturnType<typeof kindOf>][] = [
      ['', 'empty'],
      ['  ', 'empty'],
      ['42', 'integer'],
      ['-7', 'integer'],
      ['000123', 'id'],
      ['12345678901234567', 'id'],
      ['1.234,56', 'number'],
      ['(5)', 'number'],
      ['€12', 'number'],
      ['2026-01-15', 'date'],
      ['15.01.2026 08:30', 'date'],
      ['01/02/2026', 'date'],
      ['15-JAN-26', 'date'],
      ['20260115', 'integer'],
      ['X', 'boolean'],
      ['yes', 'boolean'],
      ['WO-100023', 'id'],
      ['4711-A', 'id'],
      ['Milling', 'text'],
      ['Tool broke, replaced', 'text'],
    ];
    for (const [text, kind] of cases) assert.equal(kindOf(text), kind, text);
  });
});
