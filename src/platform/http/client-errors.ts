import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorBody, sendError } from './error-handler.ts';
import { AppError } from './errors.ts';
import { newRequestId, REQUEST_ID_HEADER } from './request-context.ts';

function errorFor(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError('request_header_fields_too_large', 'Request headers are too large');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError('request_timeout', 'The request did not arrive in time');
  }
  return new AppError('bad_request', 'Malformed HTTP request');
}

/**
 * Fastify's `clientErrorHandler`. Node's HTTP parser refuses some requests (headers over the size
 * limit, garbage, a request that never finishes arriving) before Fastify sees them, so no route,
 * hook or error handler runs: the answer is written to the socket here, in our error format.
 */
export function answerClientError(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket) {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error = errorFor(err.code);
  const requestId = newRequestId();
  const body: ErrorBody = { error: { code: error.code, message: error.message, requestId } };
  const payload = JSON.stringify(body);
  // The parser's error carries the raw bytes it choked on (headers with credentials): log the code only.
  this.log.debug({ requestId, code: err.code, status: error.status }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(payload)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
        'connection: close\r\n\r\n' +
        payload,
    );
  }
  socket.destroy();
}

/**
 * Fastify's `frameworkErrors`: requests its router refuses before any route runs (a path segment
 * over the length limit, a URL that does not decode) answered in our error format.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long', 'A part of the path is too long')
      : new AppError('bad_request', 'Malformed URL');
  return sendError(request, reply, refusal);
}
