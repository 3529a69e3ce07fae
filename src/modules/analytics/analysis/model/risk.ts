// The failure-risk model of the work-order analytics: from machining process columns and a 0/1
// failure flag per operation, a boosted-tree model of the probability of failure, the figures that
// say how far to trust it (stratified cross-validation, never the training fit), a decision
// threshold, and per-row explanations a maintenance planner can act on ("strain is high").
import { type CrossValidation, crossValidate } from './cv.ts';
import { buildFailureFeatures, DERIVED_FEATURES, MACHINING_INPUTS } from './features.ts';
import {
  type FeatureGain,
  featureImportance,
  GBDT_DEFAULTS,
  type GbdtModel,
  type GbdtOptions,
  pathContributions,
  predictGbdt,
  sigmoid,
  trainGbdt,
} from './gbdt.ts';

/**
 * Tuned by 5-fold stratified cross-validation on the AI4I 2020 data (npm run eval:failure): depth
 * 2 to 8, 60 to 400 rounds, 1 to 10 rows per leaf, λ 1 to 5 and subsample 0.5 to 1 all gave ROC-AUC
 * 0.979–0.983 and F1 0.85–0.86, so the choice is the cheapest of them. What did matter is the bins
 * (see GBDT_DEFAULTS): the failure modes there are sharp limits on one or two quantities (power,
 * strain, temperature gap with speed) that lie in the tails.
 */
export const FAILURE_RISK_DEFAULTS: Readonly<GbdtOptions> = { ...GBDT_DEFAULTS, maxDepth: 4 };

export interface FailureRiskOptions {
  gbdt?: Partial<GbdtOptions>;
  /** Cross-validation folds for the reported figures. */
  folds?: number;
  /** Inner folds choosing each fold's threshold (see CrossValidationOptions); 0 is faster, optimistic. */
  thresholdFolds?: number;
  /** Seeds the folds and the trees (unless `gbdt.seed` is given). */
  seed?: number;
}

export interface FailureRiskModel {
  kind: 'failure-risk';
  version: 1;
  gbdt: GbdtModel;
  /** Risk at or above which a row is flagged: F1-best over the cross-validated scores. */
  threshold: number;
}

export type FailureRiskFigures = Omit<CrossValidation, 'outOfFold'>;

export interface FailureRiskTraining {
  model: FailureRiskModel;
  /** The features used, by share of the total split gain. */
  features: FeatureGain[];
  cv: FailureRiskFigures;
}

export function trainFailureRisk(
  columns: Record<string, Float64Array | undefined>,
  failureFlag: Uint8Array,
  options: FailureRiskOptions = {},
): FailureRiskTraining {
  const seed = options.seed ?? 1;
  const gbdtOptions: GbdtOptions = { ...FAILURE_RISK_DEFAULTS, seed, ...options.gbdt };
  const matrix = buildFailureFeatures(columns);
  let failures = 0;
  for (const flag of failureFlag) failures += flag === 1 ? 1 : 0;
  if (failures === 0 || failures === failureFlag.length) {
    throw new Error('the failure flag must have both failures and non-failures to learn from');
  }
  const { outOfFold: _, ...cv } = crossValidate(
    matrix,
    failureFlag,
    (m, y) => {
      const model = trainGbdt(m, y, gbdtOptions);
      return { predict: (x) => predictGbdt(model, x) };
    },
    { folds: options.folds ?? 5, thresholdFolds: options.thresholdFolds ?? 3, seed },
  );
  const gbdt = trainGbdt(matrix, failureFlag, gbdtOptions);
  return {
    model: { kind: 'failure-risk', version: 1, gbdt, threshold: cv.threshold },
    features: featureImportance(gbdt),
    cv,
  };
}

/** Failure probability per row of new columns (the same inputs the model was trained on). */
export function scoreFailureRisk(
  model: FailureRiskModel,
  columns: Record<string, Float64Array | undefined>,
): Float64Array {
  return predictGbdt(model.gbdt, buildFailureFeatures(columns));
}

export interface RiskDriver {
  feature: string;
  /** The row's value of the feature (NaN when missing). */
  value: number;
  /** Log-odds of failure the feature added along the trees' paths. */
  contribution: number;
}

export interface RiskExplanation {
  risk: number;
  flagged: boolean;
  /** The features that raised this row's risk most, largest first; only those that raised it. */
  drivers: RiskDriver[];
}

/**
 * Why one operation (one value per input; a missing one is treated as missing, not as 0) scores
 * the risk it does: each feature's path contribution in the trees (see `pathContributions`).
 */
export function explain(
  model: FailureRiskModel,
  x: Partial<Record<string, number>>,
  top = 3,
): RiskExplanation {
  const inputs = new Set<string>(MACHINING_INPUTS);
  const derived = new Set<string>(Object.keys(DERIVED_FEATURES));
  const columns: Record<string, Float64Array> = {};
  for (const name of model.gbdt.names) {
    if (inputs.has(name)) columns[name] = Float64Array.of(x[name] ?? Number.NaN);
    else if (!derived.has(name)) throw new Error(`the model uses an unknown feature "${name}"`);
  }
  const matrix = buildFailureFeatures(columns);
  const { bias, contributions } = pathContributions(model.gbdt, matrix, 0);
  const risk = sigmoid(contributions.reduce((sum, c) => sum + c, bias));
  const drivers = matrix.names
    .map((feature, f) => ({
      feature,
      value: matrix.data[f] as number,
      contribution: contributions[f] as number,
    }))
    .filter((driver) => driver.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, top);
  return { risk, flagged: risk >= model.threshold, drivers };
}
