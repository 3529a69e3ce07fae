// Demand classification of Syntetos, Boylan & Croston (2005), with the cut-offs of Syntetos & Boylan:
// ADI (average number of periods per demand occurrence) 1.32 and CV² (squared coefficient of variation
// of the non-zero demand sizes) 0.49.
//   ADI < 1.32, CV² < 0.49 → smooth;   ADI < 1.32, CV² ≥ 0.49 → erratic;
//   ADI ≥ 1.32, CV² < 0.49 → intermittent;   ADI ≥ 1.32, CV² ≥ 0.49 → lumpy.
// ADI here is n / (number of periods with a non-zero value); the sizes are the non-zero values'
// magnitudes (a negative value, e.g. net returns, is still a period with movement). A series without
// any non-zero value gets ADI = n, CV² = 0 and the class intermittent (nothing to forecast but zeros).
import { validateSeries } from './input.ts';
import type { DemandClass } from './types.ts';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface DemandClassification {
  demandClass: DemandClass;
  adi: number;
  cv2: number;
  zeroShare: number;
}

export function classifyDemand(y: readonly number[]): DemandClassification {
  validateSeries(y);
  const sizes = y.filter((v) => v !== 0).map(Math.abs);
  const zeroShare = y.filter((v) => v === 0).length / y.length;
  if (sizes.length === 0) return { demandClass: 'intermittent', adi: y.length, cv2: 0, zeroShare };
  const adi = y.length / sizes.length;
  const mean = sizes.reduce((s, v) => s + v, 0) / sizes.length;
  const variance = sizes.reduce((s, v) => s + (v - mean) ** 2, 0) / sizes.length;
  const cv2 = variance / (mean * mean);
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const demandClass: DemandClass = frequent
    ? steady
      ? 'smooth'
      : 'erratic'
    : steady
      ? 'intermittent'
      : 'lumpy';
  return { demandClass, adi, cv2, zeroShare };
}
