import pino from 'pino';
import type { Config } from '../../config.ts';

export type Logger = pino.Logger;

/**
 * Log lines carry named fields only (method, url, route, status, error); request headers and bodies
 * are never logged, so there is nothing to redact on the hot path. Secrets that can travel in a URL
 * are masked by `maskUrlSecrets` before the URL is logged.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    { level: config.logLevel, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

const URL_SECRET = /([?&](?:token|access_token|api_key|apikey|key|password|secret)=)[^&#]*/gi;

/** `/ws?token=abc` → `/ws?token=[redacted]`. */
export function maskUrlSecrets(url: string): string {
  return url.includes('?') ? url.replace(URL_SECRET, '$1[redacted]') : url;
}
