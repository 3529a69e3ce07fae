// The failure-risk model trained on the upload's own history (model/risk.ts: gradient-boosted trees,
// cross-validated ROC-AUC, PR-AUC and F1) when the failure flag is mapped with enough failures to
// learn from. It gives every work order a failure probability and says which process features
// carry the risk; the condition scan then looks for thresholds on those features only.
//
// Bounded work on big files: the model learns from at most MAX_MODEL_ROWS orders (one drawn at
// random from each of that many equal slices of the file, seeded, so the same file gives the same
// model), with the threshold of its F1 taken from the pooled out-of-fold scores (k + 1 fits rather
// than k · 4 + 1), and scores at most MAX_SCORED_ROWS orders drawn the same way (the rest stay NaN:
// shares of high-risk orders are estimated from those scored). Scores of the orders it learned
// from are in-sample.
import type { ConditionFeature } from './equipment-conditions.ts';
import type { RiskScores } from './equipment-risk.ts';
import { fmt } from './frame.ts';
import { encodeProductType } from './model/features.ts';
import { seededRandom } from './model/random.ts';
import { explain, scoreFailureRisk, trainFailureRisk } from './model/risk.ts';
import type { WorkOrderFrame } from './types.ts';

/** Fewest failures (and non-failures) to train on: five folds need several of each. */
export const MIN_MODEL_FAILURES = 30;
export const MAX_MODEL_ROWS = 20_000;
export const MAX_SCORED_ROWS = 100_000;
/** A feature the model gives less of its split gain than this is not scanned for a condition. */
export const MIN_FEATURE_GAIN = 0.02;

/** The model's input names and the canonical fields they are read from. */
const INPUTS: readonly [string, string][] = [
  ['ambientTempC', 'ambientTemperature'],
  ['processTempC', 'processTemperature'],
  ['speedRpm', 'spindleSpeed'],
  ['torqueNm', 'torque'],
  ['toolWearMin', 'toolWearMinutes'],
];

/** The condition features (equipment-conditions.ts) each model feature corresponds to. */
export const MODEL_FEATURE_OF: Record<string, string> = {
  ambientTempC: 'ambientTemperature',
  processTempC: 'processTemperature',
  speedRpm: 'spindleSpeed',
  torqueNm: 'torque',
  toolWearMin: 'toolWearMinutes',
  tempDiffC: 'processTemperature − ambientTemperature',
  powerW: 'power (torque × spindleSpeed)',
  strainNmMin: 'toolWearMinutes × torque',
};

function modelColumns(frame: WorkOrderFrame, rows: Uint32Array | null): Record<string, Float64Array> {
  const pick = (column: Float64Array) =>
    rows ? Float64Array.from(rows, (i) => column[i] as number) : column;
  const columns: Record<string, Float64Array> = {};
  for (const [input, field] of INPUTS) {
    const column = frame.numbers[field];
    if (column) columns[input] = pick(column);
  }
  // The product quality variant (AI4I's L / M / H) when the part family carries it.
  const family = frame.texts.partFamily;
  if (family?.dict.some((d) => !Number.isNaN(encodeProductType(d)))) {
    const code = family.dict.map(encodeProductType);
    columns.productType = pick(
      Float64Array.from(family.codes, (c) => (c < 0 ? Number.NaN : (code[c] as number))),
    );
  }
  return columns;
}

/** One row from each of `max` equal slices of the file (all rows when there are fewer). */
function sampleRows(n: number, max: number, seed: number): Uint32Array | null {
  if (n <= max) return null;
  const random = seededRandom(seed);
  return Uint32Array.from({ length: max }, (_, k) => {
    const lo = Math.floor((k * n) / max);
    const hi = Math.floor(((k + 1) * n) / max);
    return lo + Math.floor(random() * (hi - lo));
  });
}

/** Why the model cannot be trained on this frame, or null when it can. */
export function modelUnavailable(frame: WorkOrderFrame, failed: Uint8Array): string | null {
  const inputs = INPUTS.filter(([, field]) => frame.numbers[field]).length;
  if (inputs < 2) return 'fewer than two process measurements mapped: no failure-risk model';
  let failures = 0;
  for (const f of failed) failures += f;
  if (failures < MIN_MODEL_FAILURES || failed.length - failures < MIN_MODEL_FAILURES)
    return `${failures} failures: fewer than ${MIN_MODEL_FAILURES} to train a failure-risk model on`;
  return null;
}

/** The model's scores for every order, or null when it cannot be trained (see modelUnavailable). */
export function trainedRisk(frame: WorkOrderFrame, failed: Uint8Array): RiskScores | null {
  if (modelUnavailable(frame, failed)) return null;
  const sample = sampleRows(frame.n, MAX_MODEL_ROWS, 0x0fa11);
  const labels = sample ? Uint8Array.from(sample, (i) => failed[i] as number) : failed;
  let failures = 0;
  for (const f of labels) failures += f;
  if (failures < MIN_MODEL_FAILURES / 2 || labels.length - failures < MIN_MODEL_FAILURES / 2) return null;
  const training = trainFailureRisk(modelColumns(frame, sample), labels, {
    folds: 5,
    thresholdFolds: 0,
    seed: 1,
  });
  const scored = sampleRows(frame.n, MAX_SCORED_ROWS, 0x5c0de);
  const scores = scoreFailureRisk(training.model, modelColumns(frame, scored));
  const risk = scored ? new Float64Array(frame.n).fill(Number.NaN) : scores;
  if (scored)
    scored.forEach((row, k) => {
      risk[row] = scores[k] as number;
    });
  const { rocAuc, prAuc, f1 } = training.cv;
  return {
    risk,
    source: `gradient-boosted trees trained on ${fmt(labels.length, 0)} of these orders, 5-fold cross-validated ROC-AUC ${fmt(rocAuc, 3)}, PR-AUC ${fmt(prAuc, 3)}, F1 ${fmt(f1, 3)}${scored ? `; ${fmt(scored.length, 0)} orders scored` : ''}`,
    figures: { rocAuc, prAuc, f1 },
    features: training.features,
    explainRow: (i) => {
      const x: Record<string, number> = {};
      for (const [name, column] of Object.entries(modelColumns(frame, Uint32Array.of(i))))
        x[name] = column[0] as number;
      return explain(training.model, x)
        .drivers.map((d) => MODEL_FEATURE_OF[d.feature] ?? d.feature)
        .join(', ');
    },
  };
}

/** The condition features the model found useful, most useful first (all of them without a model). */
export function usefulFeatures(features: ConditionFeature[], scores: RiskScores | null): ConditionFeature[] {
  if (!scores?.figures) return features;
  const byName = new Map(features.map((f) => [f.name, f]));
  return scores.features
    .filter((g) => g.gain >= MIN_FEATURE_GAIN)
    .map((g) => byName.get(MODEL_FEATURE_OF[g.name] ?? ''))
    .filter((f): f is ConditionFeature => f !== undefined);
}
