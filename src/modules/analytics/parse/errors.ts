// Why a whole file cannot be read. Row-level trouble (a ragged row, a value that is not a number)
// is never thrown: it is reported with the row. These are for the caller to turn into a 400/422
// with the message as it stands; `code` is stable for tests and the API.

export const FILE_PROBLEMS = {
  empty: 'the file is empty',
  notTabular: 'not a CSV or XLSX file',
  headerOnly: 'the file has a header but no data rows',
  damaged: 'the XLSX file is damaged or truncated',
  tooLarge: 'the XLSX file unpacks to more than the allowed size',
  noSheet: 'the workbook has no such sheet',
} as const;
export type FileProblem = keyof typeof FILE_PROBLEMS;

export class FileFormatError extends Error {
  readonly code: FileProblem;
  constructor(code: FileProblem, detail?: string) {
    super(detail ? `${FILE_PROBLEMS[code]}: ${detail}` : FILE_PROBLEMS[code]);
    this.name = 'FileFormatError';
    this.code = code;
  }
}
