// Splitting decoded CSV text into records, a chunk at a time (RFC 4180 quoting: delimiters, line
// breaks and doubled quotes inside quotes). Hand-written rather than csv-parse because it has to
// keep up with the database: csv-parse reads ~135,000 rows/s of a 30-column file on our machine,
// this ~3 times that. csv.test.ts holds it to csv-parse's output on generated files.
//
// A line without a quote character takes the fast path (`split`). A record whose quoting is broken
// (an unclosed quote, text after a closing quote) is one problem record, and reading resumes on the
// line after its first: a stray quote never swallows the rest of the file, and memory stays bounded
// by `maxRecordChars`.

export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** `\n` also ends CRLF lines (the CR is dropped); `\r` is for old Mac files with lone CRs. */
  newline: '\n' | '\r';
}

export type RecordProblem = 'broken quoting' | 'record too long';

export interface RawRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  cells: string[];
  problem?: RecordProblem;
}

/** Longest record (in characters) held while waiting for its closing quote. */
export const MAX_RECORD_CHARS = 1_048_576;

export interface Tokenizer {
  /** Splits `chunk` (following the text pushed before) and appends its complete records to `out`. */
  push(chunk: string, out: RawRecord[]): void;
  /** The last record, which needs no line break after it. */
  end(out: RawRecord[]): void;
}

const INCOMPLETE = -1;
const BROKEN = -2;

export function createTokenizer(
  dialect: CsvDialect,
  { firstLine = 1, maxRecordChars = MAX_RECORD_CHARS }: { firstLine?: number; maxRecordChars?: number } = {},
): Tokenizer {
  const { delimiter, quote, newline } = dialect;
  const nl = newline.charCodeAt(0);
  const q = quote.charCodeAt(0);
  const d = delimiter.charCodeAt(0);
  const crlf = newline === '\n';
  let rest = '';
  let line = firstLine;

  // Parses the record at `start` that contains quotes. Returns the index just past it (after its
  // line break), or INCOMPLETE / BROKEN; cells and line breaks inside quotes go to `state`.
  const state = { cells: [] as string[], breaks: 0 };
  const quoted = (text: string, start: number, final: boolean): number => {
    const cells: string[] = [];
    let breaks = 0;
    let i = start;
    const n = text.length;
    for (;;) {
      if (text.charCodeAt(i) === q) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const k = text.indexOf(quote, from);
          if (k === -1) return final ? BROKEN : INCOMPLETE;
          value += text.slice(from, k);
          if (k + 1 === n && !final) return INCOMPLETE;
          if (text.charCodeAt(k + 1) === q) {
            value += quote;
            from = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        for (let p = value.indexOf(newline); p !== -1; p = value.indexOf(newline, p + 1)) breaks++;
        while (i < n && (text.charCodeAt(i) === 32 || (text.charCodeAt(i) === 9 && d !== 9))) i++;
        cells.push(value);
        if (i >= n) {
          if (!final) return INCOMPLETE;
          state.cells = cells;
          state.breaks = breaks;
          return n;
        }
        const c = text.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (c === nl) {
          state.cells = cells;
          state.breaks = breaks;
          return i + 1;
        }
        if (crlf && c === 13 && (i + 1 === n || text.charCodeAt(i + 1) === 10)) {
          if (i + 1 === n && !final) return INCOMPLETE;
          state.cells = cells;
          state.breaks = breaks;
          return Math.min(i + 2, n);
        }
        return BROKEN;
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === nl) break;
        j++;
      }
      if (j === n && !final) return INCOMPLETE;
      const end = crlf && j > i && (j === n || text.charCodeAt(j) === nl) && text.charCodeAt(j - 1) === 13;
      cells.push(text.slice(i, end ? j - 1 : j));
      if (j < n && text.charCodeAt(j) === d) {
        i = j + 1;
        continue;
      }
      state.cells = cells;
      state.breaks = breaks;
      return j === n ? n : j + 1;
    }
  };

  const run = (text: string, out: RawRecord[], final: boolean): void => {
    const n = text.length;
    let pos = 0;
    let nextQuote = -1;
    while (pos < n) {
      let eol = text.indexOf(newline, pos);
      if (eol === -1) {
        if (!final) break;
        eol = n;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf(quote, pos);
        if (nextQuote === -1) nextQuote = n;
      }
      if (nextQuote >= eol) {
        let end = eol;
        if (crlf && end > pos && text.charCodeAt(end - 1) === 13) end--;
        if (end > pos) out.push({ line, cells: text.slice(pos, end).split(delimiter) });
        line++;
        pos = eol + 1;
        continue;
      }
      const next = quoted(text, pos, final);
      if (next === INCOMPLETE) {
        if (n - pos <= maxRecordChars) break;
        out.push({ line, cells: [], problem: 'record too long' });
      } else if (next === BROKEN) {
        out.push({ line, cells: [], problem: 'broken quoting' });
      } else {
        out.push({ line, cells: state.cells });
        line += 1 + state.breaks;
        pos = next;
        continue;
      }
      // Resume on the line after the bad record's first line.
      line++;
      pos = eol + 1;
    }
    rest = pos < n ? text.slice(pos) : '';
  };

  return {
    push(chunk, out) {
      run(rest.length > 0 ? rest + chunk : chunk, out, false);
    },
    end(out) {
      while (rest.length > 0) run(rest, out, true);
    },
  };
}
