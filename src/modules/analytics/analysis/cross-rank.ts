// Spearman's rank correlation for many pairs of columns over the same rows, fast: each column is
// sorted once, and a pair's ranks (over the rows where both columns have a value, ties sharing
// their mean rank) come from walking the two sorted orders — no sort per pair. Same result as
// stats.ts `spearman` on the pair's complete rows, at O(rows) per pair instead of O(rows log rows).
import { seededRandom } from './model/random.ts';
import { tTwoSidedP } from './stats.ts';

/** At most this many work orders enter a correlation: plenty for |rho| ≥ 0.05 to be significant. */
export const MAX_CORRELATION_ROWS = 20_000;

/**
 * Row indices to correlate: every row when there are at most `max`, else one random row from each
 * of `max` equal strata (a fixed seed: the same file gives the same sample, and the sample covers
 * the whole file evenly, whatever order its rows came in).
 */
export function sampleRows(n: number, max = MAX_CORRELATION_ROWS): Uint32Array {
  if (n <= max) return Uint32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(0x5eed);
  const rows = new Uint32Array(max);
  for (let k = 0; k < max; k++) {
    const lo = Math.floor((k * n) / max);
    const hi = Math.floor(((k + 1) * n) / max);
    rows[k] = lo + Math.floor(random() * (hi - lo));
  }
  return rows;
}

/** One column over the sample: values (NaN = none) and the positions with a value, sorted by it. */
export interface RankedColumn {
  values: Float64Array;
  order: Uint32Array;
}

export function rankedColumn(values: Float64Array): RankedColumn {
  const valid: number[] = [];
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k] as number)) valid.push(k);
  const order = Uint32Array.from(valid).sort((x, y) => (values[x] as number) - (values[y] as number));
  return { values, order };
}

/** Average ranks (1-based) of the masked positions, written into `out`. */
function maskedRanks(column: RankedColumn, mask: Uint8Array, out: Float64Array): void {
  const { values, order } = column;
  let rank = 0;
  for (let k = 0; k < order.length; ) {
    const v = values[order[k] as number] as number;
    let j = k;
    let count = 0;
    while (j < order.length && values[order[j] as number] === v) {
      if (mask[order[j] as number]) count++;
      j++;
    }
    if (count) {
      const mean = rank + (count + 1) / 2;
      for (let t = k; t < j; t++) if (mask[order[t] as number]) out[order[t] as number] = mean;
      rank += count;
    }
    k = j;
  }
}

export interface RankCorrelation {
  rho: number;
  pValue: number;
  /** Rows where both columns have a value. */
  n: number;
}

/** Scratch buffers reused across pairs of one sample. */
export function rankScratch(m: number) {
  return { mask: new Uint8Array(m), ra: new Float64Array(m), rb: new Float64Array(m) };
}

/** Spearman's rho of two columns over the rows where both have a value; t approximation for p. */
export function rankCorrelation(
  a: RankedColumn,
  b: RankedColumn,
  scratch: ReturnType<typeof rankScratch>,
): RankCorrelation | null {
  const { mask, ra, rb } = scratch;
  const m = a.values.length;
  let n = 0;
  for (let k = 0; k < m; k++) {
    const both = Number.isFinite(a.values[k] as number) && Number.isFinite(b.values[k] as number);
    mask[k] = both ? 1 : 0;
    if (both) n++;
  }
  if (n < 3) return null;
  maskedRanks(a, mask, ra);
  maskedRanks(b, mask, rb);
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < m; k++) {
    if (!mask[k]) continue;
    const da = (ra[k] as number) - mean;
    const db = (rb[k] as number) - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  const rho = sab / Math.sqrt(saa * sbb);
  if (Math.abs(rho) >= 1) return { rho: Math.sign(rho), pValue: 0, n };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, pValue: tTwoSidedP(t, n - 2), n };
}
