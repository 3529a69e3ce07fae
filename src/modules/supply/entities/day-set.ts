// Which days of each series an import has already written: one bit per day from the series' first
// day seen, grown as later (or earlier) days arrive. Ten thousand series of three years take
// about 1.4 MB, where a set of "warehouse|sku|day" strings would take a hundred times more.

interface Bits {
  /** Day number of bit 0. */
  base: number;
  bits: Uint8Array;
}

export class DaySets {
  readonly #series = new Map<string, Bits>();

  /** Marks `day` (a day number) of `series`; returns whether it was marked already. */
  mark(series: string, day: number): boolean {
    let entry = this.#series.get(series);
    if (!entry) {
      entry = { base: day, bits: new Uint8Array(64) };
      this.#series.set(series, entry);
    }
    if (day < entry.base || day - entry.base >= entry.bits.length * 8) entry = this.#grow(series, entry, day);
    const at = day - entry.base;
    const mask = 1 << (at & 7);
    const seen = ((entry.bits[at >> 3] as number) & mask) !== 0;
    entry.bits[at >> 3] = (entry.bits[at >> 3] as number) | mask;
    return seen;
  }

  /** The series seen, by key. */
  keys(): IterableIterator<string> {
    return this.#series.keys();
  }

  #grow(series: string, entry: Bits, day: number): Bits {
    const first = Math.min(entry.base, day);
    const last = Math.max(entry.base + entry.bits.length * 8 - 1, day);
    // Room to spare both ways (days arrive in any order); the old bits move by whole bytes.
    const offset = entry.base - first;
    const base = first - 512 - ((8 - (offset % 8)) % 8);
    const size = Math.ceil((last - base + 1) / 8) * 2;
    const bits = new Uint8Array(size);
    bits.set(entry.bits, (entry.base - base) / 8);
    const grown = { base, bits };
    this.#series.set(series, grown);
    return grown;
  }
}
