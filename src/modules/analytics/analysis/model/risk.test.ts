import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './random.ts';
import { explain, scoreFailureRisk, trainFailureRisk } from './risk.ts';

/**
 * Milling operations in the manner of AI4I 2020: a failure when power leaves 3.5–9 kW or a worn
 * tool is strained past 11,000 Nm·min, and otherwise, rarely, at random.
 */
function operations(rows: number, seed: number) {
  const random = seededRandom(seed);
  const column = (draw: () => number) => Float64Array.from({ length: rows }, draw);
  const speedRpm = column(() => 1200 + random() * 1400);
  const torqueNm = column(() => 10 + random() * 60);
  const toolWearMin = column(() => random() * 250);
  const ambientTempC = column(() => 24 + random() * 4);
  const processTempC = Float64Array.from(ambientTempC, (t) => t + 9 + random() * 2);
  const failure = Uint8Array.from({ length: rows }, (_, i) => {
    const power = ((torqueNm[i] as number) * (speedRpm[i] as number) * 2 * Math.PI) / 60;
    const strain = (toolWearMin[i] as number) * (torqueNm[i] as number);
    return power < 3500 || power > 9000 || strain > 11_000 || random() < 0.003 ? 1 : 0;
  });
  return { columns: { speedRpm, torqueNm, toolWearMin, ambientTempC, processTempC }, failure };
}

const FAST = { folds: 3, thresholdFolds: 2, gbdt: { rounds: 60 } };

test('learns the failure rules: cross-validated figures, importance and a threshold', () => {
  const { columns, failure } = operations(4000, 1);
  const { model, features, cv } = trainFailureRisk(columns, failure, FAST);
  assert.ok(cv.rocAuc > 0.97, `ROC-AUC ${cv.rocAuc}`);
  assert.ok(cv.f1 > 0.75, `F1 ${cv.f1}`);
  assert.ok(cv.threshold > 0 && cv.threshold < 1);
  assert.equal(model.threshold, cv.threshold);
  const top = features.slice(0, 2).map((f) => f.name);
  assert.ok(top.includes('powerW') && top.includes('strainNmMin'), `top features ${top}`);

  const fresh = operations(2000, 2);
  const scores = scoreFailureRisk(model, fresh.columns);
  let right = 0;
  scores.forEach((p, i) => {
    right += (p >= model.threshold ? 1 : 0) === fresh.failure[i] ? 1 : 0;
  });
  assert.ok(right / scores.length > 0.97);
});

test('explains a row by what pushed it up: strain for a worn tool under torque, power for an overload', () => {
  const { columns, failure } = operations(4000, 3);
  const { model } = trainFailureRisk(columns, failure, FAST);
  const base = { ambientTempC: 25, processTempC: 35 };
  const strained = explain(model, { ...base, speedRpm: 1500, torqueNm: 55, toolWearMin: 240 });
  assert.ok(strained.flagged && strained.risk > 0.5, `risk ${strained.risk}`);
  assert.equal(strained.drivers[0]?.feature, 'strainNmMin');
  assert.equal(strained.drivers[0]?.value, 240 * 55);

  const overloaded = explain(model, { ...base, speedRpm: 2500, torqueNm: 65, toolWearMin: 10 });
  assert.equal(overloaded.drivers[0]?.feature, 'powerW');

  const calm = explain(model, { ...base, speedRpm: 1500, torqueNm: 40, toolWearMin: 20 });
  assert.ok(!calm.flagged && calm.risk < 0.05, `risk ${calm.risk}`);
  assert.ok(calm.drivers.every((d) => d.contribution > 0));
  assert.ok(calm.drivers.length <= 3);
});

test('a missing reading in an explanation is treated as missing, as in scoring', () => {
  const { columns, failure } = operations(2000, 4);
  const { model } = trainFailureRisk(columns, failure, { ...FAST, thresholdFolds: 0 });
  const reading = { speedRpm: 1500, torqueNm: 40, ambientTempC: 25, processTempC: 35 };
  const partial = explain(model, reading);
  const scored = scoreFailureRisk(model, {
    ...Object.fromEntries(Object.entries(reading).map(([name, value]) => [name, Float64Array.of(value)])),
    toolWearMin: Float64Array.of(Number.NaN),
  });
  assert.ok(Math.abs(partial.risk - (scored[0] as number)) < 1e-12);
  for (const driver of partial.drivers) {
    if (driver.feature === 'strainNmMin') assert.ok(Number.isNaN(driver.value));
  }
});

test('the same seed trains the same model; a stored model scores the same', () => {
  const { columns, failure } = operations(1500, 5);
  const options = { ...FAST, thresholdFolds: 0, seed: 3 };
  const a = trainFailureRisk(columns, failure, options);
  assert.deepEqual(a, trainFailureRisk(columns, failure, options));
  const stored = JSON.parse(JSON.stringify(a.model));
  assert.deepEqual(scoreFailureRisk(stored, columns), scoreFailureRisk(a.model, columns));
});

test('needs failures and non-failures, and the columns it was trained on', () => {
  const { columns } = operations(100, 6);
  assert.throws(() => trainFailureRisk(columns, new Uint8Array(100), FAST), /both failures and non-failures/);
  const { columns: big, failure } = operations(1000, 7);
  const { model } = trainFailureRisk(big, failure, { ...FAST, thresholdFolds: 0 });
  const { torqueNm: _, ...withoutTorque } = big;
  assert.throws(() => scoreFailureRisk(model, withoutTorque), /expects features/);
});
