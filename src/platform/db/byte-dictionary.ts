// Dictionary encoding of texts straight from their UTF-8 bytes. Reading a million-row text column
// the obvious way makes a JavaScript string of every value and looks it up in a Map: a call into
// the runtime to decode each value and a string hash per lookup, most of it for values seen
// thousands of times already (a machine, a shift, a part). Here a value is hashed and compared as
// bytes in an open-addressing table, and the strings are made only when they are asked for: then
// all the new ones in one decode of the byte pool, cut at their offsets (a decode per value, in a
// column of a million distinct ids, cost more than the hashing).

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = 0;
/** Bytes decoded into one string at most when the texts are made (V8's limit is 2^29 − 24). */
const WINDOW = 1 << 25;

/** Texts by code, each stored once. Codes are dense: 0, 1, 2… in order of first appearance. */
export class ByteDictionary {
  private texts: string[] = [];
  private count = 0;
  /** Whether the pool holds a byte above 0x7f (then texts are not cut at byte offsets). */
  private wide = false;
  /** Per code: its hash, and where its bytes sit in the pool. */
  private hashes = new Int32Array(64);
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  /** Open addressing: code + 1 per slot, 0 for an empty slot. */
  private slots = new Int32Array(128);

  private readonly window: number;

  /** `window`: bytes per string the texts are cut from (tests make it small). */
  constructor(window = WINDOW) {
    this.window = window;
  }

  get size(): number {
    return this.count;
  }

  /** The texts, indexed by code (made on first access to each: see above). */
  get values(): string[] {
    const { texts, count } = this;
    if (texts.length === count) return texts;
    const pool = Buffer.from(this.pool.buffer, this.pool.byteOffset, this.poolUsed);
    if (this.wide) {
      for (let code = texts.length; code < count; code++) {
        const at = this.starts[code] as number;
        texts.push(pool.toString('utf8', at, at + (this.lengths[code] as number)));
      }
      return texts;
    }
    // ASCII only: the new texts cut from strings of a character per byte, `window` bytes at most each
    // (a string has a length limit; a dictionary of long texts can pass it).
    while (texts.length < count) {
      const first = texts.length;
      const start = this.starts[first] as number;
      let last = first;
      while (
        last + 1 < count &&
        (this.starts[last + 1] as number) + (this.lengths[last + 1] as number) - start <= this.window
      )
        last++;
      const end = (this.starts[last] as number) + (this.lengths[last] as number);
      const joined = pool.toString('latin1', start, end);
      for (let code = first; code <= last; code++) {
        const at = (this.starts[code] as number) - start;
        texts.push(joined.slice(at, at + (this.lengths[code] as number)));
      }
    }
    return texts;
  }

  /** The code of the UTF-8 text in bytes[from, to), added to the dictionary when it is new. */
  codeOf(bytes: Buffer, from: number, to: number): number {
    // As an int32 from the start: the stored hashes are, and an empty text hashes to the offset.
    let hash = FNV_OFFSET | 0;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ (bytes[i] as number), FNV_PRIME);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === EMPTY) return this.add(bytes, from, to, hash, slot);
      const code = entry - 1;
      if (this.hashes[code] === hash && this.lengths[code] === length && this.sameBytes(code, bytes, from))
        return code;
    }
  }

  private sameBytes(code: number, bytes: Buffer, from: number): boolean {
    const { pool } = this;
    const start = this.starts[code] as number;
    const length = this.lengths[code] as number;
    for (let i = 0; i < length; i++) if (pool[start + i] !== bytes[from + i]) return false;
    return true;
  }

  private add(bytes: Buffer, from: number, to: number, hash: number, slot: number): number {
    const code = this.count;
    const length = to - from;
    if (code === this.hashes.length) {
      this.hashes = grown(this.hashes, code * 2);
      this.starts = grown(this.starts, code * 2);
      this.lengths = grown(this.lengths, code * 2);
    }
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    const { pool } = this;
    let at = this.poolUsed;
    let high = 0;
    for (let i = from; i < to; i++) {
      const byte = bytes[i] as number;
      high |= byte;
      pool[at++] = byte;
    }
    if (high > 0x7f) this.wide = true;
    this.hashes[code] = hash;
    this.starts[code] = this.poolUsed;
    this.lengths[code] = length;
    this.poolUsed = at;
    this.count = code + 1;
    this.slots[slot] = code + 1;
    // At most half full, so probe runs stay short.
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return code;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let code = 0; code < this.count; code++) {
      let slot = (this.hashes[code] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
