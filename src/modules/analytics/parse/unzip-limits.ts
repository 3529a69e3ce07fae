// Zip-bomb limits for one read of a zip archive (an XLSX workbook): the total inflated, each part
// inflated, and each part's inflated-to-stored ratio. Checked twice: against the sizes the central
// directory declares before a part is inflated (a bomb that says what it is costs nothing), and
// against the bytes actually inflated while reading (a lying directory is caught after at most one
// chunk past the bound, never after the whole part).
import { FileFormatError } from './errors.ts';

export interface UnzipLimits {
  /** Most bytes inflated in one read of the archive, all parts together. */
  maxUnpackedBytes: number;
  /** Most bytes one part may inflate to. */
  maxPartBytes: number;
  /** Highest inflated / stored ratio of a part, once it passes RATIO_FLOOR bytes inflated. */
  maxRatio: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxUnpackedBytes: 2 * 1024 ** 3,
  maxPartBytes: 1024 ** 3,
  maxRatio: 200,
};

/** Below this many inflated bytes a part's ratio is not judged: small, repetitive XML packs well. */
export const RATIO_FLOOR = 1_048_576;

const MiB = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`;

/** The part's bytes against the per-part bounds; `what` says whether they are declared or real. */
function checkPart(limits: UnzipLimits, part: string, unpacked: number, packed: number, what: string) {
  if (unpacked > RATIO_FLOOR && unpacked > limits.maxRatio * Math.max(1, packed))
    throw new FileFormatError(
      'tooLarge',
      `${part} ${what} more than ${limits.maxRatio} times its packed size of ${packed} bytes (a zip bomb?)`,
    );
  if (unpacked > limits.maxPartBytes)
    throw new FileFormatError(
      'tooLarge',
      `${part} ${what} more than ${MiB(limits.maxPartBytes)} (the limit per part)`,
    );
}

/** One read's accounting: `declare` before inflating a part, `inflated` for each chunk it yields. */
export function unzipGuard(limits: UnzipLimits) {
  let total = 0;
  const checkTotal = (extra: number) => {
    if (total + extra > limits.maxUnpackedBytes)
      throw new FileFormatError('tooLarge', `more than ${MiB(limits.maxUnpackedBytes)} in all`);
  };
  return {
    /** Before inflating: the central directory's sizes of the part. */
    declare(part: string, unpacked: number, packed: number) {
      checkPart(limits, part, unpacked, packed, 'declares');
      checkTotal(unpacked);
    },
    /** While inflating: returns the part's new count after `chunk` more bytes came out. */
    inflated(part: string, packed: number, soFar: number, chunk: number): number {
      const now = soFar + chunk;
      total += chunk;
      checkPart(limits, part, now, packed, 'unpacks to');
      checkTotal(0);
      return now;
    },
    get total() {
      return total;
    },
  };
}
