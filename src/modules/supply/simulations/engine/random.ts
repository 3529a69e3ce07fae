// Random streams of the simulation. Every replication draws from streams of its own, seeded from
// (seed, replication, purpose) alone, so a replication's numbers do not depend on which worker
// thread runs it or on which replications ran before: splitting a run into chunks changes nothing,
// bit for bit. Each purpose (demand, shocks, lead times, fleet, travel) has its own stream, so a
// scenario that adds breakdowns leaves the demand path of the same seed as it was (common random
// numbers: policies and scenarios are compared on the same demand).

/** The murmur3 finaliser: a 32-bit mix in which every input bit moves every output bit. */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export const PURPOSE = { demand: 1, shocks: 2, leadTime: 3, fleet: 4, travel: 5 } as const;
export type Purpose = keyof typeof PURPOSE;

/** sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, floats in [0, 1). */
export class Stream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, replication: number, purpose: Purpose) {
    const base = mix32(
      mix32(mix32(seed ^ 0x9e3779b9) + replication) ^ Math.imul(PURPOSE[purpose], 0x27d4eb2f),
    );
    this.a = mix32(base + 0x6a09e667);
    this.b = mix32(base + 0xbb67ae85);
    this.c = mix32(base + 0x3c6ef372);
    this.d = 1;
    // The first outputs of a counting generator still show its seeding: skip them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Standard normal (Box–Muller, one value per two uniforms: a fixed number of draws per call). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
