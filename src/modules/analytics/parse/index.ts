// Reading work-order exports: what the file is (sniff), its rows (records), what its columns hold
// (profile), each row as canonical fields (convert) and operation rows as work orders (rollup).
// Pure and streaming: no database, no HTTP.
export {
  type CellError,
  type ColumnReading,
  type ConvertedRow,
  createRowConverter,
  type FieldValue,
  MappingError,
  type MappingProblem,
  REASONS,
  type Reason,
  type RowConverter,
  validateMappings,
} from './convert.ts';
export {
  compileDateFormat,
  DATE_CANDIDATES,
  type DateCandidate,
  excelSerialToMs,
  isoOfMs,
  parseDate,
} from './dates.ts';
export { FILE_PROBLEMS, FileFormatError, type FileProblem } from './errors.ts';
export {
  type ColumnProfileResult,
  chooseDateFormat,
  chooseNumberFormat,
  type FileHints,
  fileHints,
  profileColumn,
} from './profile.ts';
export {
  type ReadOptions,
  type RecordReader,
  type Row,
  type RowProblem,
  readRecords,
  uniqueHeaders,
} from './records.ts';
export { createRollup, effectiveAggregation, type Rollup, type WorkOrderRollup } from './rollup.ts';
export { type CsvDetected, type Detected, type SniffOptions, sniff, type XlsxDetected } from './sniff.ts';
export {
  formatNumber,
  kindOf,
  type NumberFormat,
  parseBoolean,
  parseNumber,
  type ValueKind,
} from './values.ts';
export { MAX_UNPACKED_BYTES, xlsxSheets } from './xlsx.ts';
