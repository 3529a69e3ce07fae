// Input limits on every upload path: request sizes, pixels, decompression, WebSocket fan-out (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.
// The byte limits of each upload route (BODY_LIMIT_BYTES, UPLOAD_MAX_MB, IMPORT_MAX_BYTES,
// BULK_BODY_LIMIT_BYTES, INSPECTION_IMAGE_MAX_MB, INSPECTION_MAX_PIXELS) stay where they were
// (config.settings.ts, config.settings.modules.ts); these add what unpacking and WebSockets need.

import { integer } from './config.parsers.ts';
import type { Config, Setting } from './config.settings.ts';

export type LimitsConfig = {
  /** Most bytes one read of an XLSX workbook may inflate, all parts together (MiB). */
  xlsxMaxUnpackedMb: number;
  /** Most bytes one part of an XLSX workbook may inflate to (MiB). */
  xlsxMaxPartMb: number;
  /** Highest inflated-to-stored ratio of an XLSX part larger than 1 MiB unpacked. */
  xlsxMaxRatio: number;
  /** Topics one WebSocket connection may subscribe to (refused ones count). */
  wsMaxSubscriptions: number;
  /** Largest WebSocket message a client may send, in bytes (larger: closed with 1009). */
  wsMaxMessageBytes: number;
  /** Unsent bytes a WebSocket client may let pile up before it is closed as a slow consumer. */
  wsMaxBufferedBytes: number;
};

export const LIMIT_SETTINGS = [
  {
    key: 'xlsxMaxUnpackedMb',
    env: 'XLSX_MAX_UNPACKED_MB',
    description:
      'Zip bombs: most MiB one read of an uploaded XLSX workbook may unpack, all parts together; checked against the central directory before inflating and against the inflated bytes while reading (more → the import fails with "unpacks to more than the allowed size")',
    fallback: () => 2048,
    parse: integer(1, 1_048_576),
  },
  {
    key: 'xlsxMaxPartMb',
    env: 'XLSX_MAX_PART_MB',
    description:
      'Zip bombs: most MiB one part (sheet, shared strings) of an XLSX workbook may unpack to, declared or inflated (the shared-string table is held in memory)',
    fallback: () => 1024,
    parse: integer(1, 1_048_576),
  },
  {
    key: 'xlsxMaxRatio',
    env: 'XLSX_MAX_RATIO',
    description:
      'Zip bombs: highest unpacked-to-packed ratio of an XLSX part that unpacks to more than 1 MiB, declared or inflated (real sheets stay under ~100; deflate bombs reach ~1000)',
    fallback: () => 200,
    parse: integer(10, 100_000),
  },
  {
    key: 'wsMaxSubscriptions',
    env: 'WS_MAX_SUBSCRIPTIONS',
    description:
      'Topics one WebSocket connection may subscribe to, refused ones counted (more → an error message "too_many_topics"); bounds the fan-out per client',
    fallback: () => 200,
    parse: integer(1, 100_000),
  },
  {
    key: 'wsMaxMessageBytes',
    env: 'WS_MAX_MESSAGE_BYTES',
    description:
      'Largest WebSocket message a client may send, in bytes (larger → the connection is closed with 1009 "message too big")',
    fallback: () => 65_536,
    parse: integer(1024, 16_777_216),
  },
  {
    key: 'wsMaxBufferedBytes',
    env: 'WS_MAX_BUFFERED_BYTES',
    description:
      'Unsent bytes a WebSocket client may leave waiting in its socket before it is closed as a slow consumer (1013 "slow consumer"); past 1 MiB unsent, events are already coalesced to the latest per topic',
    fallback: () => 8 * 1_048_576,
    parse: integer(65_536, 1_073_741_824),
  },
] as const satisfies readonly Setting<keyof Config>[];
