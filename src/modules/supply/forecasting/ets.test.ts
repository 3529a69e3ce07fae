import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import {
  aicc,
  type EtsParams,
  type EtsSpec,
  type EtsState,
  etsFilter,
  etsPointForecast,
  minus2LogLikelihood,
  parameterCount,
} from './ets.ts';
import { etsCandidates, fitEts, initialStates, selectEts } from './ets-fit.ts';

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

function run(spec: EtsSpec, m: number, p: EtsParams, init: EtsState, y: number[], h: number) {
  const out = { state: init, residuals: [] as number[], fitted: [] as number[] };
  const sums = etsFilter(spec, m, p, init, y, new Float64Array(m), out);
  return { sums, out, forecast: etsPointForecast(spec, m, p.phi, out.state, y.length, h) };
}

test('SES = ETS(A,N,N): the recursion by hand', () => {
  // α = 0.5, ℓ0 = 10, y = 12, 11, 13:
  // ŷ1 = 10, e1 = 2, ℓ1 = 10 + 0.5·2 = 11;  ŷ2 = 11, e2 = 0, ℓ2 = 11;  ŷ3 = 11, e3 = 2, ℓ3 = 12.
  const { sums, out, forecast } = run(
    { error: 'A', trend: 'N', season: 'N' },
    1,
    { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
    { level: 10, trend: 0, season: [] },
    [12, 11, 13],
    3,
  );
  assert.deepEqual(out.fitted, [10, 11, 11]);
  assert.deepEqual(out.residuals, [2, 0, 2]);
  close(out.state.level, 12);
  assert.deepEqual(forecast, [12, 12, 12]);
  close(sums.sse, 8);
  // −2 log L = n·(log(2π·SSE/n) + 1) with SSE/n = 8/3.
  close(
    minus2LogLikelihood({ error: 'A', trend: 'N', season: 'N' }, sums, 3),
    3 * (Math.log((2 * Math.PI * 8) / 3) + 1),
  );
});

test('ETS(M,N,N): same states as SES, relative errors in the likelihood', () => {
  // Relative errors 2/10, 0/11, 2/11; Σ log ŷ = log 10 + 2·log 11.
  const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N' };
  const { sums, out } = run(
    spec,
    1,
    { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
    { level: 10, trend: 0, season: [] },
    [12, 11, 13],
    1,
  );
  close(out.state.level, 12);
  const sse = 0.04 + (2 / 11) ** 2;
  close(sums.sse, sse);
  close(sums.sumLogFit, Math.log(10) + 2 * Math.log(11));
  close(minus2LogLikelihood(spec, sums, 3), 3 * (Math.log((2 * Math.PI * sse) / 3) + 1) + 2 * sums.sumLogFit);
});

test("Holt's linear method = ETS(A,A,N) by hand", () => {
  // α = 0.5, β = 0.2 (error-correction form: b_t = b_{t−1} + β·e_t; component form β* = β/α = 0.4),
  // ℓ0 = 10, b0 = 1, y = 12, 13, 15:
  // t1: ŷ = 11,     e = 1,    ℓ = 11.5,   b = 1.2
  // t2: ŷ = 12.7,   e = 0.3,  ℓ = 12.85,  b = 1.26
  // t3: ŷ = 14.11,  e = 0.89, ℓ = 14.555, b = 1.438
  // ŷ(n+h) = 14.555 + 1.438·h → 15.993, 17.431.
  const { out, forecast } = run(
    { error: 'A', trend: 'A', season: 'N' },
    1,
    { alpha: 0.5, beta: 0.2, gamma: 0, phi: 1 },
    { level: 10, trend: 1, season: [] },
    [12, 13, 15],
    2,
  );
  [11, 12.7, 14.11].forEach((v, t) => {
    close(out.fitted[t] as number, v);
  });
  close(out.state.level, 14.555);
  close(out.state.trend, 1.438);
  close(forecast[0] as number, 15.993);
  close(forecast[1] as number, 17.431);
});

test('damped Holt = ETS(A,Ad,N) by hand', () => {
  // α = 0.5, β = 0.2, φ = 0.9, ℓ0 = 10, b0 = 1, y = 12, 13:
  // t1: ŷ = 10 + 0.9 = 10.9, e = 1.1, ℓ = 11.45, b = 0.9 + 0.22 = 1.12
  // t2: ŷ = 11.45 + 1.008 = 12.458, e = 0.542, ℓ = 12.729, b = 1.008 + 0.1084 = 1.1164
  // ŷ(n+1) = 12.729 + 0.9·1.1164 = 13.73376; ŷ(n+2) = 12.729 + (0.9 + 0.81)·1.1164 = 14.638044.
  const { out, forecast } = run(
    { error: 'A', trend: 'Ad', season: 'N' },
    1,
    { alpha: 0.5, beta: 0.2, gamma: 0, phi: 0.9 },
    { level: 10, trend: 1, season: [] },
    [12, 13],
    2,
  );
  close(out.fitted[1] as number, 12.458);
  close(out.state.level, 12.729);
  close(out.state.trend, 1.1164);
  close(forecast[0] as number, 13.73376);
  close(forecast[1] as number, 14.638044);
});

test('additive Holt-Winters = ETS(A,A,A) by hand (m = 2)', () => {
  // α = 0.5, β = 0.1, γ = 0.2, ℓ0 = 10, b0 = 0, seasonal states s(even t) = 1, s(odd t) = −1; y = 12, 9, 13, 10.
  // t0: ŷ = 11,     e = 1,     ℓ = 10.5,   b = 0.1,    s_even = 1 + 0.2·1 = 1.2
  // t1: ŷ = 9.6,    e = −0.6,  ℓ = 10.3,   b = 0.04,   s_odd = −1.12
  // t2: ŷ = 11.54,  e = 1.46,  ℓ = 11.07,  b = 0.186,  s_even = 1.492
  // t3: ŷ = 10.136, e = −0.136, ℓ = 11.188, b = 0.1724, s_odd = −1.1472
  // ŷ(n+1) = 11.188 + 0.1724 + 1.492 = 12.8524; ŷ(n+2) = 11.188 + 0.3448 − 1.1472 = 10.3856; ŷ(n+3) = 13.1972.
  const { out, forecast } = run(
    { error: 'A', trend: 'A', season: 'A' },
    2,
    { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 },
    { level: 10, trend: 0, season: [1, -1] },
    [12, 9, 13, 10],
    3,
  );
  [11, 9.6, 11.54, 10.136].forEach((v, t) => {
    close(out.fitted[t] as number, v);
  });
  close(out.state.level, 11.188);
  close(out.state.trend, 0.1724);
  close(out.state.season[0] as number, 1.492);
  close(out.state.season[1] as number, -1.1472);
  [12.8524, 10.3856, 13.1972].forEach((v, k) => {
    close(forecast[k] as number, v);
  });
});

test('multiplicative Holt-Winters = ETS(A,A,M) by hand (m = 2)', () => {
  // α = 0.5, β = 0.1, γ = 0.2, ℓ0 = 10, b0 = 0, s = 1.2 (even t), 0.8 (odd t); y = 13, 8.
  // t0: ŷ = 12, e = 1; ℓ = 10 + 0.5·(13/1.2 − 10) = 10.416667; b = 0.1·(13/1.2 − 10) = 0.083333;
  //     s_even = 1.2 + 0.2·(13/10 − 1.2) = 1.22   (Hyndman et al.: ℓ + b + αe/s, b + βe/s, s + γe/(ℓ + b))
  // t1: ŷ = 10.5·0.8 = 8.4; ℓ = 10.5 + 0.5·(8/0.8 − 10.5) = 10.25; b = 0.083333 − 0.05 = 0.033333;
  //     s_odd = 0.8 + 0.2·(8/10.5 − 0.8) = 0.792381
  // ŷ(n+1) = (10.25 + 0.033333)·1.22 = 12.545667; ŷ(n+2) = (10.25 + 0.066667)·0.792381 = 8.174730.
  const { out, forecast } = run(
    { error: 'A', trend: 'A', season: 'M' },
    2,
    { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 },
    { level: 10, trend: 0, season: [1.2, 0.8] },
    [13, 8],
    2,
  );
  close(out.fitted[1] as number, 8.4);
  close(out.state.level, 10.25);
  close(out.state.trend, 1 / 30);
  close(out.state.season[0] as number, 1.22);
  close(out.state.season[1] as number, 0.8 + 0.2 * (8 / 10.5 - 0.8));
  close(forecast[0] as number, 12.545667, 1e-6);
  close(forecast[1] as number, 8.17473, 1e-6);
});

test('a multiplicative model refuses non-positive fitted values', () => {
  const sums = etsFilter(
    { error: 'M', trend: 'N', season: 'N' },
    1,
    { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
    { level: -1, trend: 0, season: [] },
    [1, 2],
    new Float64Array(1),
  );
  assert.equal(sums.ok, false);
});

test('parameter count and AICc', () => {
  // ETS(M,Ad,M) with m = 12: α, β, γ, φ, ℓ0, b0, 11 free seasonal states, σ.
  assert.equal(parameterCount({ error: 'M', trend: 'Ad', season: 'M' }, 12), 18);
  assert.equal(parameterCount({ error: 'A', trend: 'N', season: 'N' }, 12), 3);
  // AIC = 100 + 2·3 = 106; AICc = 106 + 2·3·4/(20 − 3 − 1) = 107.5.
  close(aicc(100, 3, 20), 107.5);
  assert.equal(aicc(100, 19, 20), Number.POSITIVE_INFINITY);
});

test('initial states: seasonal figure of the first seasons, then a line through the adjusted values', () => {
  const y = Array.from({ length: 36 }, (_, t) => 100 + 2 * t + (t % 4 === 0 ? 10 : t % 4 === 2 ? -10 : 0));
  const s = initialStates(y, { error: 'A', trend: 'A', season: 'A' }, 4);
  close(s.season[0] as number, 10, 1e-9);
  close(s.season[2] as number, -10, 1e-9);
  close(s.trend, 2, 1e-9);
  close(s.level, 98, 1e-9); // the level one step before the first value
});

/** An ETS(A,N,N) path: ℓ_t = ℓ_{t−1} + α·ε_t, y_t = ℓ_{t−1} + ε_t. */
function simulateSes(seed: number, n: number, alpha: number, sigma: number, level0: number) {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const y: number[] = [];
  let level = level0;
  for (let t = 0; t < n; t++) {
    const e = sigma * gaussian();
    y.push(level + e);
    level += alpha * e;
  }
  return y;
}

test('maximum likelihood recovers α of simulated SES series (mean over 40 series)', () => {
  let sum = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const fit = fitEts(simulateSes(seed, 200, 0.4, 1, 50), { error: 'A', trend: 'N', season: 'N' }, 1);
    assert.ok(fit);
    sum += fit.params.alpha;
  }
  close(sum / 40, 0.4, 0.05);
});

test('fixed smoothing parameters are kept, the rest estimated', () => {
  const y = simulateSes(5, 100, 0.4, 1, 50);
  const fit = fitEts(y, { error: 'A', trend: 'Ad', season: 'N' }, 1, { fixed: { alpha: 0.3, phi: 0.9 } });
  assert.ok(fit);
  assert.equal(fit.params.alpha, 0.3);
  assert.equal(fit.params.phi, 0.9);
  assert.ok(fit.params.beta > 0 && fit.params.beta <= 0.3);
});

test('AICc picks a seasonal model for a seasonal series and a non-seasonal one for noise', () => {
  const random = seededRandom(7);
  const seasonal = Array.from(
    { length: 72 },
    (_, t) => 200 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) + 5 * random(),
  );
  const noise = Array.from({ length: 72 }, () => 100 + 10 * random());
  const a = selectEts(seasonal, 12);
  const b = selectEts(noise, 12);
  assert.ok(a && b);
  assert.notEqual(a.spec.season, 'N');
  assert.equal(b.spec.season, 'N');
  assert.equal(b.spec.trend, 'N');
});

test('candidate models: the usual 15, fewer without positivity or seasons', () => {
  assert.equal(etsCandidates(12, 48, true).length, 15);
  assert.equal(etsCandidates(12, 48, false).length, 6); // additive error, season N or A
  assert.equal(etsCandidates(12, 20, true).length, 6); // < 2 seasons: trend N/A/Ad × error A/M
  assert.ok(!etsCandidates(12, 48, true).some((s) => s.error === 'A' && s.season === 'M'));
});
