// Logs and traces (issue 20): a rotated log file for plants without a log shipper, and optional
// OpenTelemetry traces for those who run a collector. Same shape as config.settings.ts.

import { boolean, httpUrl, integer, optionalText, text } from './config.parsers.ts';
import type { Config, Setting } from './config.settings.ts';

export type LoggingConfig = {
  /** Also write the JSON log lines to this file, rotated by size; absent → stdout only. */
  logFile: string | undefined;
  /** Size at which LOG_FILE is rotated (MiB). */
  logFileMaxMb: number;
  /** Rotated files kept beside LOG_FILE (LOG_FILE.1 is the newest). */
  logFileBackups: number;
  /** Write log lines to stdout (turn off only when LOG_FILE is set). */
  logStdout: boolean;
  /** OTLP/HTTP collector base URL; absent → no tracing code is loaded at all. */
  otelEndpoint: string | undefined;
  /** `service.name` of the spans. */
  otelServiceName: string;
};

export const LOGGING_SETTINGS = [
  {
    key: 'logFile',
    env: 'LOG_FILE',
    description:
      'Also write the JSON log lines to this file (secrets censored as on stdout), rotated by size; unset → stdout only',
    fallback: () => undefined,
    parse: optionalText,
  },
  {
    key: 'logFileMaxMb',
    env: 'LOG_FILE_MAX_MB',
    description: 'LOG_FILE is rotated when it reaches this size, in MiB',
    fallback: () => 50,
    parse: integer(1, 1_048_576),
  },
  {
    key: 'logFileBackups',
    env: 'LOG_FILE_BACKUPS',
    description:
      'Rotated log files kept (LOG_FILE.1 newest … LOG_FILE.N oldest); the oldest is deleted at the next rotation',
    fallback: () => 5,
    parse: integer(1, 1000),
  },
  {
    key: 'logStdout',
    env: 'LOG_STDOUT',
    description: 'Write log lines to stdout; set to false to log only to LOG_FILE',
    fallback: () => true,
    parse: boolean,
  },
  {
    key: 'otelEndpoint',
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description:
      'OpenTelemetry collector (OTLP/HTTP, e.g. http://127.0.0.1:4318): HTTP requests, database queries, jobs and outbound calls are sent as spans to <url>/v1/traces; unset → no tracing code is loaded',
    fallback: () => undefined,
    parse: httpUrl,
  },
  {
    key: 'otelServiceName',
    env: 'OTEL_SERVICE_NAME',
    description: 'The `service.name` resource attribute of the spans',
    fallback: () => 'plantintel',
    parse: text,
  },
] as const satisfies readonly Setting<keyof Config>[];
