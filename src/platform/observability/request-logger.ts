import type { Bindings, ChildLoggerOptions, Level, LevelWithSilent } from 'pino';
import type { Logger } from './logger.ts';

type LogMethod = (...args: unknown[]) => void;

/**
 * The logger Fastify hands each request as `request.log`. Fastify's default builds a pino child per
 * request up front; most requests at `info` level log one line or none (probes log at `debug`), so
 * the child — which copies and serialises the bindings — is built only when a line at an enabled
 * level is actually written. Lines look exactly like a pino child's: `reqId` in every one.
 */
export class RequestLogger {
  private readonly parent: Logger;
  private readonly bindings: Bindings;
  private bound: Logger | undefined;

  constructor(parent: Logger, bindings: Bindings) {
    this.parent = parent;
    this.bindings = bindings;
  }

  private boundLogger(): Logger {
    this.bound ??= this.parent.child(this.bindings);
    return this.bound;
  }

  get level(): LevelWithSilent {
    return this.parent.level as LevelWithSilent;
  }

  isLevelEnabled(level: string): boolean {
    return this.parent.isLevelEnabled(level);
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.parent.isLevelEnabled(level)) return;
    (this.boundLogger()[level] as LogMethod)(...args);
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
    return this.boundLogger().child(bindings, options);
  }
}

/** Fastify's `childLoggerFactory`: a lazy request logger, or a real child when a route sets options. */
export function requestLoggerFactory(
  logger: Logger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): Logger | RequestLogger {
  if (options.level || options.serializers) return logger.child(bindings, options);
  return new RequestLogger(logger, bindings);
}
