import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export interface LogFileOptions {
  file: string;
  /** Rotate when the file reaches this many bytes. */
  maxBytes: number;
  /** Rotated files kept: file.1 (newest) … file.N (oldest). */
  backups: number;
}

/**
 * LOG_FILE: the log lines appended to a file that is rotated by size the way logrotate does it
 * (file → file.1 → file.2 …, the oldest beyond `backups` deleted). rotating-file-stream buffers
 * what is written during a rotation, so no line is lost or split across two files.
 */
export function openLogFile({ file, maxBytes, backups }: LogFileOptions): RotatingFileStream {
  const absolute = path.resolve(file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  const base = path.basename(absolute);
  // With `rotate` (logrotate mode) the generator gets the backup's number, or null for LOG_FILE itself.
  const stream = createStream(
    (backup: number | Date | null) => (typeof backup === 'number' ? `${base}.${backup}` : base),
    {
      path: path.dirname(absolute),
      size: `${maxBytes}B`,
      rotate: backups,
    },
  );
  // A full disk or a removed directory must not crash the server: the lines go to stderr instead.
  stream.on('error', (err) => process.stderr.write(`LOG_FILE ${absolute}: ${err.message}\n`));
  return stream;
}

/** Waits until every line written so far is in the file, then closes it. */
export function closeLogFile(stream: RotatingFileStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableFinished || stream.destroyed) return resolve();
    stream.once('finish', () => resolve());
    stream.once('error', () => resolve());
    stream.end();
  });
}
