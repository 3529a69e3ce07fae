import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isOutOfSpace } from '../db/outage.ts';
import { AppError, type ErrorCode, type ErrorDetail } from './errors.ts';
import type { App } from './types.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId: string };
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (v.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const field = missing ?? extra;
    const at = `/${where}${v.instancePath}${field ? `/${field}` : ''}`;
    return { path: at, message: extra ? `unknown property "${extra}"` : (v.message ?? 'is invalid') };
  });
}

/** Maps anything thrown to the platform's AppError, without leaking internals of server faults. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError;
  if (e.validation) {
    return new AppError('validation_failed', 'Request does not match the schema', validationDetails(e));
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const code = CODE_BY_STATUS[status];
  if (status < 500 && code) {
    const message = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Request body is too large' : e.message;
    return new AppError(code, message);
  }
  // The environment's faults, not the request's: 503 with Retry-After (test/faults/).
  if (isDatabaseUnavailable(error)) {
    return new AppError('unavailable', 'The database is unavailable; try again shortly', undefined, {
      cause: error,
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }
  if (isOutOfSpace(error)) {
    return new AppError('unavailable', 'The server is out of storage space; try again later', undefined, {
      cause: error,
      headers: { 'retry-after': '60' },
    });
  }
  return new AppError('internal', 'Internal server error', undefined, { cause: error });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId: request.id,
    },
  };
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandling(app: App) {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.reportable) {
      request.log.error({ err: appError.cause ?? appError }, 'request failed');
    } else {
      request.log.info({ code: appError.code, message: appError.message }, 'request rejected');
    }
    return sendError(request, reply, appError);
  });
}

export function notFoundRoute(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendError(request, reply, new AppError('not_found', `Route ${request.method} ${path} not found`));
}
