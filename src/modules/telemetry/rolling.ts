// Fixed-size windows of numbers for the streaming detectors, without an allocation or a shift per
// reading: the last n numbers in a ring, and the same numbers kept sorted (for a rolling median).
// A detector steps millions of readings per minute on the ingest path, and shifting arrays and
// splicing them cost more than the arithmetic around them.

/** The last `capacity` numbers pushed, oldest first. */
export class Ring {
  private readonly buffer: Float64Array;
  private start = 0;
  private size = 0;

  /** `initial`: numbers oldest first (only the last `capacity` are kept). */
  constructor(capacity: number, initial: readonly number[] = []) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('a ring holds at least one number');
    this.buffer = new Float64Array(capacity);
    for (const value of initial.slice(-capacity)) this.push(value);
  }

  get length(): number {
    return this.size;
  }

  /** Adds `value` as the newest; returns the oldest it pushed out, undefined while not full. */
  push(value: number): number | undefined {
    const { buffer } = this;
    if (this.size < buffer.length) {
      buffer[(this.start + this.size) % buffer.length] = value;
      this.size += 1;
      return undefined;
    }
    const old = buffer[this.start] as number;
    buffer[this.start] = value;
    this.start = (this.start + 1) % buffer.length;
    return old;
  }

  /** The sum, added oldest first (so the same numbers give the same sum however they came in). */
  sum(): number {
    const { buffer, start, size } = this;
    let total = 0;
    for (let i = 0; i < size; i++) total += buffer[(start + i) % buffer.length] as number;
    return total;
  }

  /** The numbers, oldest first. */
  toArray(): number[] {
    const out = new Array<number>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.buffer[(this.start + i) % this.buffer.length] as number;
    return out;
  }
}

/** A multiset of at most `capacity` numbers kept in ascending order. */
export class SortedWindow {
  private readonly buffer: Float64Array;
  private size = 0;

  constructor(capacity: number, initial: readonly number[] = []) {
    this.buffer = new Float64Array(capacity);
    for (const value of initial) this.insert(value);
  }

  get length(): number {
    return this.size;
  }

  insert(value: number): void {
    if (this.size === this.buffer.length) throw new Error('the sorted window is full');
    const at = this.lowerBound(value);
    this.buffer.copyWithin(at + 1, at, this.size);
    this.buffer[at] = value;
    this.size += 1;
  }

  /** Removes one occurrence of `value`; false when there is none. */
  remove(value: number): boolean {
    const at = this.lowerBound(value);
    if (at === this.size || this.buffer[at] !== value) return false;
    this.buffer.copyWithin(at, at + 1, this.size);
    this.size -= 1;
    return true;
  }

  /** The median (the mean of the middle two for an even count); NaN when empty. */
  median(): number {
    const { buffer, size } = this;
    if (size === 0) return Number.NaN;
    const m = size >> 1;
    return size % 2 ? (buffer[m] as number) : ((buffer[m - 1] as number) + (buffer[m] as number)) / 2;
  }

  /** The first position whose number is ≥ `value`. */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.buffer[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
