import pino from 'pino';
import type { RotatingFileStream } from 'rotating-file-stream';
import type { Config } from '../../config.ts';
import { logContextFields, mergeLogContext } from './log-context.ts';
import { closeLogFile, openLogFile } from './log-file.ts';
import { safeError, safeMessage } from './safe-error.ts';

export type Logger = pino.Logger;

type LogSettings = Pick<Config, 'logLevel'> &
  Partial<Pick<Config, 'logFile' | 'logFileMaxMb' | 'logFileBackups' | 'logStdout'>>;

const logFiles = new WeakMap<Logger, RotatingFileStream>();

/**
 * Where the lines go: stdout, and with LOG_FILE also (or, LOG_STDOUT=false, only) a file rotated by
 * size. Redaction and the error serializer run before any destination, so the file holds exactly
 * the censored lines stdout gets.
 */
function destinationFor(config: LogSettings): { stream?: pino.DestinationStream; file?: RotatingFileStream } {
  if (!config.logFile) return {};
  const file = openLogFile({
    file: config.logFile,
    maxBytes: (config.logFileMaxMb ?? 50) * 1_048_576,
    backups: config.logFileBackups ?? 5,
  });
  // The logger's level decides what is written; every destination takes all it is given.
  const streams: pino.StreamEntry[] = [{ level: 'trace', stream: file }];
  if (config.logStdout !== false) streams.push({ level: 'trace', stream: pino.destination(1) });
  return { stream: pino.multistream(streams), file };
}

/** Flushes and closes LOG_FILE (at shutdown); nothing to do when the logger writes only to stdout. */
export async function closeLogger(logger: Logger): Promise<void> {
  const file = logFiles.get(logger);
  if (file) await closeLogFile(file);
}

// Field names that hold secrets, censored where they can plausibly appear: at the top of a line,
// in a logged body or user, and in logged headers. Pino has no "any depth" path; leading wildcards
// (`*.password`) clone every object of every line and cost 7–40× a line, these explicit paths cost
// nothing on lines without those keys.
const SECRET_FIELDS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secretHash',
  'key',
  'apiKey',
];
const SECRET_HEADERS = ['authorization', 'cookie', 'x-api-key'];
const pathOf = (parent: string, field: string) =>
  /^[A-Za-z_]\w*$/.test(field) ? `${parent}${parent ? '.' : ''}${field}` : `${parent}["${field}"]`;
export const REDACTED_PATHS = [
  ...[...SECRET_FIELDS, ...SECRET_HEADERS].map((f) => pathOf('', f)),
  ...['body', 'req.body', 'user', 'data', 'payload', 'credentials'].flatMap((p) =>
    SECRET_FIELDS.map((f) => pathOf(p, f)),
  ),
  ...['headers', 'req.headers', 'request.headers'].flatMap((p) => SECRET_HEADERS.map((f) => pathOf(p, f))),
];

/**
 * Log lines carry named fields only (method, url, route, status, error); request headers and bodies
 * are not logged. Secrets that can travel in a URL are masked by `maskUrlSecrets` before the URL is
 * logged; errors are reduced to what `safeError` keeps; known secret fields are censored.
 */
export function createLogger(config: LogSettings, destination?: pino.DestinationStream): Logger {
  const configured = destination ? { stream: destination } : destinationFor(config);
  const logger = pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: safeError },
      // requestId, tenantId, userId, jobId of the request or job being handled (log-context.ts).
      mixin: logContextFields,
      mixinMergeStrategy: mergeLogContext,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        // Pino takes the message of an error logged without one from error.message, and Fastify
        // passes error.message itself; for a failed query that holds its parameters.
        logMethod(args, method) {
          const [first, message] = args as unknown[];
          const err = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
          if (err instanceof Error && (args.length === 1 || message === err.message)) {
            return method.call(this, first as object, safeMessage(err));
          }
          return method.apply(this, args);
        },
      },
    },
    configured.stream,
  );
  if (configured.file) logFiles.set(logger, configured.file);
  return logger;
}

// `p` is the password (an API key) of InfluxDB 1.x clients: /write?u=…&p=….
const URL_SECRET = /([?&](?:token|access_token|api_key|apikey|key|password|secret|p)=)[^&#]*/gi;

/** `/ws?token=abc` → `/ws?token=[redacted]`. */
export function maskUrlSecrets(url: string): string {
  return url.includes('?') ? url.replace(URL_SECRET, '$1[redacted]') : url;
}
