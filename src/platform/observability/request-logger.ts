import type { Bindings, ChildLoggerOptions, Level, LevelWithSilent } from 'pino';
import { currentLogContext, type LogContext, runWithLogContext } from './log-context.ts';
import type { Logger } from './logger.ts';

type LogMethod = (...args: unknown[]) => void;

/**
 * The logger Fastify hands each request as `request.log`. It builds no pino child (which copies and
 * serialises bindings per request): its lines are the parent's, written with the request's log
 * context current, so the logger's mixin adds `requestId` — and `tenantId`/`userId` once access
 * control has set them on the same context (log-context.ts). Service loggers writing while the
 * request is handled get the same fields the same way.
 */
export class RequestLogger {
  private readonly parent: Logger;
  /** Shared with the request's async context: fields set on it later appear on later lines. */
  readonly context: LogContext;

  constructor(parent: Logger, context: LogContext) {
    this.parent = parent;
    this.context = context;
  }

  get level(): LevelWithSilent {
    return this.parent.level as LevelWithSilent;
  }

  isLevelEnabled(level: string): boolean {
    return this.parent.isLevelEnabled(level);
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.parent.isLevelEnabled(level)) return;
    const method = this.parent[level] as LogMethod;
    // Fastify writes the completion line from the response's 'finish' event, outside the request's
    // async context: enter it for the line.
    if (currentLogContext() === this.context) method.apply(this.parent, args);
    else runWithLogContext(this.context, () => method.apply(this.parent, args));
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return new RequestLogger(this.parent.child(bindings, options), this.context) as unknown as Logger;
  }
}

/** The log context of a request whose logger Fastify built with `requestLoggerFactory`. */
export function logContextOfRequest(log: unknown, requestId: string): LogContext {
  return log instanceof RequestLogger ? log.context : { requestId };
}

/** Fastify's `childLoggerFactory`: a request logger, or a real child when a route sets options. */
export function requestLoggerFactory(
  logger: Logger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): Logger | RequestLogger {
  if (options.level || options.serializers) return logger.child(bindings, options);
  return new RequestLogger(logger, { requestId: String(bindings.requestId ?? bindings.reqId) });
}
