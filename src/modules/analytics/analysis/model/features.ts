// Engineered features for machining (milling, turning) process data. Failures of a cutting tool or
// spindle follow physical quantities more than raw sensor readings: heat that cannot leave the
// cut (small process − ambient temperature difference), mechanical power outside the drive's
// range, and overstrain (a worn tool under high torque). Each derived feature is computed only
// when all its inputs are present, so a plant that logs three of the five signals still gets a
// model on what it has. Missing readings (NaN) stay missing in whatever is derived from them.
import { type FeatureMatrix, matrixFromColumns } from './matrix.ts';

/** The input columns understood, by key: unit in the name, as a planner would read it. */
export const MACHINING_INPUTS = [
  'productType', // quality variant L / M / H as 0 / 1 / 2 (see encodeProductType)
  'ambientTempC',
  'processTempC',
  'speedRpm',
  'torqueNm',
  'toolWearMin',
] as const;
export type MachiningInput = (typeof MACHINING_INPUTS)[number];

/** The derived features, with the inputs each needs. */
export const DERIVED_FEATURES = {
  /** Process − ambient temperature (°C): heat dissipation; a small gap means heat stays in the cut. */
  tempDiffC: ['processTempC', 'ambientTempC'],
  /** Mechanical power at the spindle (W) = torque · angular speed = torque · rpm · 2π / 60. */
  powerW: ['torqueNm', 'speedRpm'],
  /** Tool wear × torque (min·Nm): the strain a worn tool is put under; high values overstrain it. */
  strainNmMin: ['toolWearMin', 'torqueNm'],
} as const satisfies Record<string, readonly MachiningInput[]>;

const RPM_TO_RAD_PER_S = (2 * Math.PI) / 60;
const PRODUCT_TYPES = { L: 0, M: 1, H: 2 } as const;

/** L / M / H (any case, surrounding spaces ignored) → 0 / 1 / 2; anything else is missing (NaN). */
export function encodeProductType(value: string): number {
  const code = PRODUCT_TYPES[value.trim().toUpperCase() as keyof typeof PRODUCT_TYPES];
  return code ?? Number.NaN;
}

/**
 * The feature matrix for the columns given: every known input that is present, then each derived
 * feature whose inputs are all present. Keys other than MACHINING_INPUTS are ignored, so a caller
 * may pass a whole table; all present columns must have the same length.
 */
export function buildFailureFeatures(columns: Record<string, Float64Array | undefined>): FeatureMatrix {
  const present = MACHINING_INPUTS.filter((name) => columns[name] !== undefined);
  if (present.length === 0) {
    throw new Error(`no known input column; expected some of ${MACHINING_INPUTS.join(', ')}`);
  }
  const column = (name: MachiningInput) => columns[name] as Float64Array;
  const rows = column(present[0] as MachiningInput).length;
  for (const name of present) {
    if (column(name).length !== rows)
      throw new Error(`column ${name} has ${column(name).length} rows, not ${rows}`);
  }

  const names: string[] = [...present];
  const values: Float64Array[] = present.map(column);
  const has = (inputs: readonly MachiningInput[]) => inputs.every((name) => columns[name] !== undefined);
  const derive = (name: keyof typeof DERIVED_FEATURES, compute: (i: number) => number) => {
    if (!has(DERIVED_FEATURES[name])) return;
    names.push(name);
    values.push(Float64Array.from({ length: rows }, (_, i) => compute(i)));
  };
  derive('tempDiffC', (i) => (column('processTempC')[i] as number) - (column('ambientTempC')[i] as number));
  derive(
    'powerW',
    (i) => (column('torqueNm')[i] as number) * (column('speedRpm')[i] as number) * RPM_TO_RAD_PER_S,
  );
  derive('strainNmMin', (i) => (column('toolWearMin')[i] as number) * (column('torqueNm')[i] as number));
  return matrixFromColumns(names, values);
}
