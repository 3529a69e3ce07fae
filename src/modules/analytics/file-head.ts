// The head of an uploaded file, read on the request path (a few hundred rows at most): its format,
// its header and a sample, enough to settle a mapping and refuse a file that cannot be read with a
// clear 400 before any job starts.
import type { FieldMapping } from './mapping/types.ts';

export interface FileHead {
  /** What the reader found (kind, encoding, delimiter, header line…), stored with the import. */
  detected: Record<string, unknown>;
  headers: string[];
  /** The first data rows, as text cells. */
  rows: string[][];
  /** XLSX: the sheet read. */
  sheet?: string | undefined;
}

/** A header the tenant mapped to a field in a saved profile; `weight` grows with use. */
export interface LearnedPair {
  header: string;
  field: string;
  weight: number;
}

export interface Suggestions {
  suggestions: {
    field: string;
    column: string | null;
    confidence: number;
    reason: 'profile' | 'header' | 'synonym' | 'pattern' | null;
    detail: string;
    alternatives: { column: string; confidence: number }[];
    transform?: FieldMapping['transform'];
  }[];
  mappings: FieldMapping[];
  unmapped: string[];
  /** `operation` when the sample repeats work orders over an operation column. */
  granularity: 'header' | 'operation';
  /** The ERP the headers come from, when they say. */
  system: string | null;
}

export interface HeadReader {
  head(path: string, options: { sheet?: string | undefined; rows: number }): Promise<FileHead>;
  /** Per canonical field the column suggested, with its confidence and reason; and the mapping they make. */
  suggest(head: FileHead, learned: LearnedPair[]): Suggestions;
  /** Mapped columns the file lacks, and the like. */
  mappingProblems(head: FileHead, mappings: FieldMapping[]): string[];
}

/** One data row of the file. */
export interface SourceRecord {
  /** The row's line in the file (CSV) or its row number in the sheet (XLSX), as a person finds it. */
  rowNo: number;
  cells: string[];
  /** Why the row cannot be read as it stands (ragged, broken quoting), when it cannot. */
  problem?: string | undefined;
}

/** A file opened for its rows. */
export interface OpenedFile {
  headers: string[];
  detected: Record<string, unknown>;
  /** The data rows, a batch at a time, once. */
  batches(): AsyncIterable<SourceRecord[]>;
  /** How far the reading is, 0–1 (bytes read of the file's size). */
  fraction(): number;
  /** Releases the file when its rows are not read to the end. */
  close(): Promise<void>;
  /** The rows again from the start (a pass of its own), with the format already detected. */
  reread(): Promise<AsyncIterable<SourceRecord[]>>;
}

export interface ConvertedRow {
  ok: boolean;
  values: Record<string, string | number | boolean | null>;
  extra: Record<string, string> | null;
  errors: { column: string | null; value: string | null; reason: string }[];
}

export interface Rollup {
  add(
    rowNo: number,
    values: Record<string, string | number | boolean | null>,
    extra: Record<string, string> | null,
  ): void;
  /** The work orders, each with the first row number and the count of its operation rows. */
  results(): Iterable<{
    rowNo: number;
    operations: number;
    values: Record<string, string | number | boolean | null>;
    extra: Record<string, string> | null;
  }>;
}

/** What the import job needs of the file engine (parse/) and the auto-mapping (mapping/). */
export interface RowReader {
  open(path: string, options: { sheet?: string | undefined }): Promise<OpenedFile>;
  /**
   * Decides each mapped column's number and date format from its values (the whole column where a
   * sample leaves it ambiguous) and returns the row converter; format decisions go to `detected`.
   */
  converter(
    file: OpenedFile,
    mappings: FieldMapping[],
    signal: AbortSignal,
  ): Promise<{ convert(cells: string[]): ConvertedRow; formats: Record<string, unknown> }>;
  rollup(mappings: FieldMapping[], strategy: Record<string, string>): Rollup;
}
