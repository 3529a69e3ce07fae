// Anything that can go wrong on a gateway route, reduced to one shape both protocol layers format:
// the executor's and resolver's GatewayErrors, the platform's AppErrors (access control: 401/403),
// Fastify's own (schema validation, malformed JSON, body over the limit), and anything else (a
// 500 that names nothing internal). Pure: no Fastify, no I/O.
import { toAppError } from '../../../platform/http/error-handler.ts';
import { AppError, type ErrorDetail } from '../../../platform/http/errors.ts';
import { GatewayError, type GatewayErrorKind } from '../contracts.ts';

export type FailureKind = GatewayErrorKind | 'internal';

export interface Failure {
  status: number;
  kind: FailureKind;
  /**
   * A machine code: PlantIntel's error code for platform refusals ('unauthorized', 'forbidden',
   * 'validation_failed' — what the security sweeps check), else one per kind ('model_not_found',
   * 'budget_exceeded', …). OpenAI's `code` is a free string; Anthropic's error gets it as an extra.
   */
  code: string;
  message: string;
  /** The offending request field (OpenAI's `param`), as `messages[0].content`. */
  param: string | null;
  /** Response headers that belong to the failure (retry hints). */
  headers: Record<string, string>;
}

/** A GatewayError about one field of the request (what OpenAI's `param` names). */
export class ProtocolError extends GatewayError {
  readonly param: string | null;
  constructor(kind: GatewayErrorKind, status: number, message: string, param: string | null = null) {
    super(kind, status, message);
    this.param = param;
  }
}

export const invalidParam = (param: string, message: string) =>
  new ProtocolError('invalid_request', 400, message, param);

const CODE_BY_KIND: Record<FailureKind, string> = {
  invalid_request: 'invalid_request',
  authentication: 'unauthorized',
  permission: 'forbidden',
  not_found: 'model_not_found',
  budget: 'budget_exceeded',
  rate_limit: 'rate_limited',
  refused: 'refused',
  timeout: 'timeout',
  upstream: 'upstream_error',
  overloaded: 'overloaded',
  internal: 'internal',
};

function kindOfStatus(status: number): FailureKind {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limit';
  if (status === 504) return 'timeout';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'internal';
  return 'invalid_request';
}

/** `/body/messages/0/content` → `messages[0].content`. */
export function paramOfPath(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'body' || parts[0] === 'querystring') parts.shift();
  if (parts.length === 0) return null;
  return parts.reduce(
    (out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/**
 * The detail that says most: a body that fits no branch of a union (a message's content is a
 * string or blocks) fails every branch, and the deepest path is the branch the caller meant.
 */
function mostSpecific(details: ErrorDetail[]): ErrorDetail | undefined {
  const depth = (d: ErrorDetail) => d.path.split('/').length;
  const useful = details.filter((d) => !/^must match (a|exactly one) schema/.test(d.message));
  return [...(useful.length > 0 ? useful : details)].sort((a, b) => depth(b) - depth(a))[0];
}

/** The failure of `error` (Fastify's own errors through the platform's mapping, toAppError). */
export function failureOf(error: unknown): Failure {
  if (error instanceof GatewayError) {
    const headers: Record<string, string> = {};
    // A daily budget does not come back within an SDK's retry window: tell it not to try.
    if (error.kind === 'budget') headers['x-should-retry'] = 'false';
    return {
      status: error.status,
      kind: error.kind,
      code: CODE_BY_KIND[error.kind],
      message: error.message,
      param: error instanceof ProtocolError ? error.param : null,
      headers,
    };
  }
  const appError = error instanceof AppError ? error : toAppError(error);
  const detail = mostSpecific(appError.details ?? []);
  const param = detail ? paramOfPath(detail.path) : null;
  const more =
    (appError.details?.length ?? 0) > 1 ? ` (and ${(appError.details?.length ?? 1) - 1} more)` : '';
  return {
    status: appError.status,
    kind: kindOfStatus(appError.status),
    code: appError.code,
    message: detail ? `${param ?? 'body'}: ${detail.message}${more}` : appError.message,
    param,
    headers: { ...appError.headers },
  };
}
