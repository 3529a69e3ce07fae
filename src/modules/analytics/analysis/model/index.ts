// The failure-risk model engine: pure functions over typed arrays, no database, no HTTP. The
// analytics services train and score through this door; the files behind it may change.
export { type Classifier, type CrossValidation, crossValidate, type FitClassifier } from './cv.ts';
export {
  buildFailureFeatures,
  DERIVED_FEATURES,
  encodeProductType,
  MACHINING_INPUTS,
  type MachiningInput,
} from './features.ts';
export {
  type FeatureGain,
  featureImportance,
  GBDT_DEFAULTS,
  type GbdtModel,
  type GbdtOptions,
  marginGbdt,
  pathContributions,
  predictGbdt,
  trainGbdt,
} from './gbdt.ts';
export { type LogisticModel, type LogisticOptions, predictLogistic, trainLogistic } from './logistic.ts';
export { type FeatureMatrix, type Labels, matrixFromColumns, matrixFromRows } from './matrix.ts';
export {
  averagePrecision,
  bestF1Threshold,
  confusionAt,
  f1AtThreshold,
  rocAuc,
  stratifiedFolds,
} from './metrics.ts';
export { seededRandom } from './random.ts';
export {
  explain,
  FAILURE_RISK_DEFAULTS,
  type FailureRiskModel,
  type FailureRiskOptions,
  type FailureRiskTraining,
  type RiskExplanation,
  scoreFailureRisk,
  trainFailureRisk,
} from './risk.ts';
