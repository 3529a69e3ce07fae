import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from '../../../platform/property-testing.ts';
import { type CsvDialect, createTokenizer, type RawRecord } from './csv.ts';

const COMMA: CsvDialect = { delimiter: ',', quote: '"', newline: '\n' };

/** Records of `text` pushed in the given pieces. */
function split(text: string, dialect: CsvDialect = COMMA, pieces: number[] = [], maxRecordChars?: number) {
  const tokenizer = createTokenizer(dialect, { maxRecordChars });
  const out: RawRecord[] = [];
  let at = 0;
  for (const size of pieces) {
    tokenizer.push(text.slice(at, at + size), out);
    at += size;
  }
  tokenizer.push(text.slice(at), out);
  tokenizer.end(out);
  return out;
}

const quoteCell = (cell: string): string =>
  /[",\r\n]/.test(cell) || cell === '' ? `"${cell.replaceAll('"', '""')}"` : cell;

describe('csv tokenizer', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside quotes, counting lines', () => {
    const records = split('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1');
    assert.deepEqual(records, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });

  it('drops the CR of CRLF line ends, also after a quoted cell, and keeps CRLF inside quotes', () => {
    assert.deepEqual(split('a,b\r\n"q\r\nr","s"\r\nc,d\r\n'), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['q\r\nr', 's'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('reads lone-CR files when told the newline is CR', () => {
    const records = split('a;b\r1;"x\ry"\r2;3', { delimiter: ';', quote: '"', newline: '\r' });
    assert.deepEqual(records, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ry'] },
      { line: 4, cells: ['2', '3'] },
    ]);
  });

  it('skips empty lines but counts them', () => {
    assert.deepEqual(split('a\n\n\nb\n'), [
      { line: 1, cells: ['a'] },
      { line: 4, cells: ['b'] },
    ]);
  });

  it('keeps a quote inside an unquoted cell as text (5" pipe)', () => {
    assert.deepEqual(split('5" pipe,x\n')[0]?.cells, ['5" pipe', 'x']);
  });

  it('reports broken quoting as one bad record and resumes on the next line', () => {
    const records = split('a,b\n"open,x\nc,d\n"q"junk,e\nf,g\n');
    assert.deepEqual(records, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [], problem: 'broken quoting' },
      { line: 3, cells: ['c', 'd'] },
      { line: 4, cells: [], problem: 'broken quoting' },
      { line: 5, cells: ['f', 'g'] },
    ]);
  });

  it('gives up on a quoted record longer than the limit without holding the rest of the file', () => {
    const text = `a\n"${'x'.repeat(50)}\n${'y,z\n'.repeat(100)}`;
    const records = split(text, COMMA, Array(40).fill(10), 64);
    assert.deepEqual(records[1], { line: 2, cells: [], problem: 'record too long' });
    assert.equal(records.length, 102);
    assert.deepEqual(records.at(-1), { line: 102, cells: ['y', 'z'] });
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'h1,h2\r\n"a\r\nb",2\r\n"x""y",3\r\n\r\nplain,4\r\n"end"';
    const whole = split(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 12 }), (pieces) => {
        assert.deepEqual(split(text, COMMA, pieces), whole);
      }),
      { seed: 13 },
    );
  });

  it('round-trips quoted cells and agrees with csv-parse', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'ä', '€'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 6 }),
        (rows, crlf, pieces) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = rows.map((r) => r.map(quoteCell).join(',')).join(eol) + eol;
          const records = split(text, COMMA, pieces);
          assert.deepEqual(
            records.map((r) => r.cells),
            rows,
          );
          assert.deepEqual(
            records.map((r) => r.cells),
            parseCsv(text, { relax_column_count: true }),
          );
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
