// The frame as handed to a compute task. Its number and code columns are in shared memory and cross
// to the worker without a copy (frame.repo.ts), but a text column's dictionary is an array of
// strings, which the structured clone copies one string at a time on both sides — for an id-like
// column of a million work orders (work order numbers, material lots), a million strings, for every
// analyzer task. Packed, a dictionary is one string and the lengths of its entries: one copy of one
// string, cut back into entries in the worker.
import { sharedInt32Array } from '../../../platform/compute/shared-arrays.ts';
import type { TextColumn, WorkOrderFrame } from './types.ts';

export type PackedText =
  | {
      codes: Int32Array;
      /** The dictionary's entries back to back. */
      text: string;
      /** The length of each entry, in UTF-16 units. */
      lengths: Int32Array;
    }
  /** A dictionary too long to join into one string goes as it is. */
  | TextColumn;

/** Joined dictionaries stay far below V8's longest string (about 2^29 units). */
const MAX_PACKED_LENGTH = 1 << 27;

export type PackedFrame = Omit<WorkOrderFrame, 'texts'> & { texts: Record<string, PackedText> };

export function packFrame(frame: WorkOrderFrame): PackedFrame {
  const texts: Record<string, PackedText> = {};
  for (const [key, column] of Object.entries(frame.texts)) {
    const { codes, dict } = column;
    const lengths = sharedInt32Array(dict.length);
    let total = 0;
    for (let i = 0; i < dict.length; i++) {
      lengths[i] = (dict[i] as string).length;
      total += lengths[i] as number;
    }
    texts[key] = total > MAX_PACKED_LENGTH ? column : { codes, text: dict.join(''), lengths };
  }
  return { ...frame, texts };
}

export function unpackFrame(packed: PackedFrame): WorkOrderFrame {
  const texts: Record<string, TextColumn> = {};
  for (const [key, column] of Object.entries(packed.texts)) {
    if ('dict' in column) {
      texts[key] = column;
      continue;
    }
    const { codes, text, lengths } = column;
    const dict = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const end = at + (lengths[i] as number);
      dict[i] = text.slice(at, end);
      at = end;
    }
    texts[key] = { codes, dict };
  }
  return { ...packed, texts };
}
