import { isUniqueViolation } from '../db/errors.ts';
// The single error type of the platform. Services throw AppError; one handler turns it into
// `{ error: { code, message, details?, requestId } }` with the status that belongs to its code.

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  request_header_fields_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** JSON pointer-ish path of the offending field, e.g. "/body/quantity". */
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** Response headers that belong to the error, e.g. Retry-After on 429. */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: ErrorDetail[],
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
    this.headers = options?.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** Server faults are logged with their stack; client faults are not. */
  get reportable(): boolean {
    return this.status >= 500;
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError('bad_request', message, details);
export const validationFailed = (message: string, details: ErrorDetail[]) =>
  new AppError('validation_failed', message, details);
export const unauthorized = (message = 'Authentication required') => new AppError('unauthorized', message);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', message, undefined, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
export const unavailable = (message: string) => new AppError('unavailable', message);
export const unsupportedMediaType = (message: string) => new AppError('unsupported_media_type', message);

/**
 * A catch handler that turns a unique violation (another request took the value first) into a 409
 * with `message`, and rethrows anything else: `insert(…).catch(conflictOnUnique('… exists'))`.
 */
export const conflictOnUnique =
  (message: string) =>
  (err: unknown): never => {
    if (isUniqueViolation(err)) throw conflict(message);
    throw err;
  };
