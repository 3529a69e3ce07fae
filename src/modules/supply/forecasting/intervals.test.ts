import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import type { EtsParams, EtsSpec } from './ets.ts';
import { class1Sigmas, class2Sigmas, normalBand, normalQuantile, simulatedBand } from './intervals.ts';
import { forecast } from './methods.ts';

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('normal quantiles', () => {
  close(normalQuantile(0.975), 1.959963984540054, 1e-8);
  close(normalQuantile(0.95), 1.6448536269514722, 1e-8);
  close(normalQuantile(0.5), 0, 1e-12);
  close(normalQuantile(0.001), -3.090232306167813, 1e-8);
  assert.throws(() => normalQuantile(1), RangeError);
});

test('class 1 variances by hand (Hyndman et al. 2008, table 6.1)', () => {
  const p: EtsParams = { alpha: 0.5, beta: 0.2, gamma: 0.2, phi: 0.9 };
  // SES: σ²_h = σ²(1 + (h−1)α²) → h = 3: 1 + 2·0.25 = 1.5.
  close((class1Sigmas({ error: 'A', trend: 'N', season: 'N' }, p, 1, 1, 3)[2] as number) ** 2, 1.5);
  // Holt: c_j = α + βj → c1 = 0.7, c2 = 0.9; σ²_3 = 1 + 0.49 + 0.81 = 2.3.
  close((class1Sigmas({ error: 'A', trend: 'A', season: 'N' }, p, 1, 1, 3)[2] as number) ** 2, 2.3);
  // Damped: c_j = α + β(φ + … + φ^j) → c1 = 0.68, c2 = 0.5 + 0.2·1.71 = 0.842; σ²_3 = 1 + 0.4624 + 0.708964.
  close((class1Sigmas({ error: 'A', trend: 'Ad', season: 'N' }, p, 1, 1, 3)[2] as number) ** 2, 2.171364);
  // ETS(A,N,A), m = 2: c1 = α, c2 = α + γ; σ²_3 = 1 + 0.25 + 0.49 = 1.74; σ² = 4 scales it.
  close((class1Sigmas({ error: 'A', trend: 'N', season: 'A' }, p, 2, 4, 3)[2] as number) ** 2, 4 * 1.74);
});

test('class 2 variance by hand and against simulation', () => {
  // ETS(M,N,N), α = 0.5, σ² = 0.01, μ = 100 for all h: θ1 = 10⁴, θ2 = 10⁴ + 0.01·0.25·10⁴ = 10025,
  // Var_2 = 1.01·10025 − 10⁴ = 125.25.
  const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N' };
  const p: EtsParams = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
  const sigmas = class2Sigmas(spec, p, 0.01, [100, 100]);
  close((sigmas[0] as number) ** 2, 100);
  close((sigmas[1] as number) ** 2, 125.25);
  // The simulated 95 % band at h = 2 is about as wide as the analytic normal one (the simulated
  // distribution is a product of normals, slightly skewed, so its ends shift by about 1).
  const sim = simulatedBand(spec, 1, p, { level: 100, trend: 0, season: [] }, 10, 0.01, 2, 0.95);
  const analytic = normalBand([100, 100], sigmas, 0.95);
  const width = (analytic.upper[1] as number) - (analytic.lower[1] as number);
  close((sim.upper[1] as number) - (sim.lower[1] as number), width, 0.03 * width);
  close(sim.lower[1] as number, analytic.lower[1] as number, 2);
});

/** An ETS(A,N,N) path: ℓ_t = ℓ_{t−1} + α·ε_t, y_t = ℓ_{t−1} + ε_t. */
function simulateSes(random: () => number, n: number, alpha: number) {
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const y: number[] = [];
  let level = 20;
  for (let t = 0; t < n; t++) {
    const e = gaussian();
    y.push(level + e);
    level += alpha * e;
  }
  return y;
}

test('SES 95 % intervals cover about 95 % of 500 simulated ETS(A,N,N) futures', () => {
  const random = seededRandom(2024);
  const hits = [0, 0, 0];
  const horizons = [1, 4, 8];
  const runs = 500;
  for (let r = 0; r < runs; r++) {
    const y = simulateSes(random, 80 + 8, 0.3);
    const f = forecast('ses', y.slice(0, 80), { period: 1, horizon: 8, level: 0.95 });
    horizons.forEach((h, i) => {
      const actual = y[80 + h - 1] as number;
      if (actual >= (f.lower[h - 1] as number) && actual <= (f.upper[h - 1] as number))
        hits[i] = (hits[i] as number) + 1;
    });
  }
  // Binomial standard error at 500 runs ≈ 1 %; estimated parameters cost a little coverage.
  for (const h of hits) assert.ok(h / runs >= 0.92 && h / runs <= 0.98, `coverage ${h / runs}`);
});

test('multiplicative Holt-Winters (simulated-path) intervals cover about 95 % on simulated series', () => {
  const random = seededRandom(99);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const m = 4;
  const runs = 200;
  let hits = 0;
  for (let r = 0; r < runs; r++) {
    // ETS(A,A,M)-like data: level 100 + 0.5 t, seasonal factors, additive noise σ = 2.
    const factors = [1.2, 0.9, 0.8, 1.1];
    const y = Array.from(
      { length: 44 },
      (_, t) => (100 + 0.5 * t) * (factors[t % m] as number) + 2 * gaussian(),
    );
    const f = forecast('hw_multiplicative', y.slice(0, 40), { period: m, horizon: 4 });
    assert.match(String(f.params.intervals), /simulated/);
    for (let k = 0; k < 4; k++) {
      const actual = y[40 + k] as number;
      if (actual >= (f.lower[k] as number) && actual <= (f.upper[k] as number)) hits++;
    }
  }
  const coverage = hits / (runs * 4);
  assert.ok(coverage >= 0.9 && coverage <= 0.99, `coverage ${coverage}`);
});
