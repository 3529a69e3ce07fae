import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PolicyInputError } from './errors.ts';
import {
  continuousReviewPolicy,
  cycleServiceFactor,
  demandOverProtectionInterval,
  economicOrderQuantity,
  fillRateFactor,
  largestLotAtMost,
  periodicReviewPolicy,
  reorderPoint,
  roundToLot,
  safetyStock,
} from './inventory.ts';
import { standardNormalLoss } from './normal.ts';

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} vs ${expected} (tolerance ${tol})`);

describe('EOQ', () => {
  it('is sqrt(2DS/H): D = 1000/yr, S = 10, H = 0.5 → 200', () => {
    assert.equal(
      economicOrderQuantity({ annualDemand: 1000, orderingCost: 10, holdingCostPerUnitYear: 0.5 }),
      200,
    );
    // Unit cost 2, holding rate 25% → H = 0.5 as well, through the (s, Q) policy.
    const policy = continuousReviewPolicy({
      dailyDemandMean: 1000 / 365,
      dailyDemandSd: 0,
      leadTimeDays: 0,
      leadTimeSdDays: 0,
      unitCost: 2,
      holdingCostRate: 0.25,
      orderingCost: 10,
      service: { kind: 'cycle', level: 0.9 },
    });
    close(policy.orderQuantity, 200, 1e-9);
  });

  it('is 0 without demand and refuses a zero holding cost', () => {
    assert.equal(economicOrderQuantity({ annualDemand: 0, orderingCost: 10, holdingCostPerUnitYear: 1 }), 0);
    assert.throws(
      () => economicOrderQuantity({ annualDemand: 100, orderingCost: 10, holdingCostPerUnitYear: 0 }),
      PolicyInputError,
    );
  });
});

describe('safety stock with lead-time variability', () => {
  // d = 100/day, σ_d = 20, L = 4 days, σ_L = 1 day, α = 95% (z = 1.6449):
  // σ_DL = sqrt(4·20² + 100²·1²) = sqrt(11600) = 107.70, SS = 1.6449·107.70 = 177.16, s = 577.16.
  const input = { dailyDemandMean: 100, dailyDemandSd: 20, leadTimeDays: 4, leadTimeSdDays: 1 };

  it('combines demand and lead-time variance', () => {
    const demand = demandOverProtectionInterval(input);
    assert.equal(demand.mean, 400);
    close(demand.sd, Math.sqrt(11600), 1e-12);
    close(demand.sd, 107.7033, 1e-4);
  });

  it('gives SS ≈ 177.1 and the reorder point for a 95% cycle service level', () => {
    close(cycleServiceFactor(0.95), 1.6448536269514722, 1e-9);
    const ss = safetyStock({ kind: 'cycle', level: 0.95 }, demandOverProtectionInterval(input));
    close(ss.units, 177.156, 1e-3);
    close(reorderPoint(demandOverProtectionInterval(input), ss.units), 577.156, 1e-3);
    const policy = continuousReviewPolicy({
      ...input,
      service: { kind: 'cycle', level: 0.95 },
      unitCost: 10,
      holdingCostRate: 0.2,
      orderingCost: 50,
    });
    close(policy.reorderPoint, 577.156, 1e-3);
    close(policy.eoq, Math.sqrt((2 * 36500 * 50) / 2), 1e-9);
  });

  it('reduces to z·σ_d·sqrt(L) for a fixed lead time', () => {
    const demand = demandOverProtectionInterval({ ...input, leadTimeSdDays: 0 });
    close(demand.sd, 40, 1e-12);
    close(safetyStock({ kind: 'cycle', level: 0.99 }, demand).units, 2.3263478740408408 * 40, 1e-9);
  });
});

describe('fill rate', () => {
  it('finds k with G(k) = (1 − β)·Q/σ: β = 98%, Q = 500, σ = 100 → G(k) = 0.1, k ≈ 0.9023', () => {
    const factor = fillRateFactor(0.98, 500, 100);
    close(factor.k, 0.9023463475100346, 1e-9);
    close(100 * standardNormalLoss(factor.k), 0.02 * 500, 1e-9); // expected shortage per cycle
  });

  it('reports a negative k and floors the safety stock at 0 when Q alone reaches the fill rate', () => {
    const ss = safetyStock({ kind: 'fill_rate', level: 0.9 }, { days: 4, mean: 400, sd: 10 }, 1000);
    assert.ok(ss.factor.k < 0);
    assert.equal(ss.units, 0);
    assert.match(ss.note ?? '', /floored at 0/);
  });

  it('falls back to z with a note when σ or Q is zero (no NaN)', () => {
    const noSpread = fillRateFactor(0.95, 100, 0);
    close(noSpread.k, 1.6448536269514722, 1e-9);
    assert.match(noSpread.note ?? '', /no variability/);
    assert.ok(Number.isFinite(fillRateFactor(0.95, 0, 10).k));
  });
});

describe('periodic review (R, S)', () => {
  it('protects over R + L: d = 100, σ_d = 20, L = 4, R = 7, α = 95% → σ = sqrt(4400), S ≈ 1209.11', () => {
    const policy = periodicReviewPolicy({
      dailyDemandMean: 100,
      dailyDemandSd: 20,
      leadTimeDays: 4,
      leadTimeSdDays: 0,
      reviewPeriodDays: 7,
      service: { kind: 'cycle', level: 0.95 },
    });
    assert.equal(policy.demandOverProtection.mean, 1100);
    close(policy.demandOverProtection.sd, 66.3325, 1e-4);
    close(policy.safetyStock.units, 109.1072, 1e-4);
    close(policy.orderUpToLevel, 1209.1072, 1e-4);
  });

  it('uses d·R as the cycle quantity of a fill rate', () => {
    const policy = periodicReviewPolicy({
      dailyDemandMean: 100,
      dailyDemandSd: 20,
      leadTimeDays: 4,
      leadTimeSdDays: 0,
      reviewPeriodDays: 7,
      service: { kind: 'fill_rate', level: 0.99 },
    });
    const sd = policy.demandOverProtection.sd;
    close(sd * standardNormalLoss(policy.safetyStock.factor.k), 0.01 * 700, 1e-9);
  });
});

describe('MOQ and lot-size rounding', () => {
  it('rounds up to a multiple of the lot size and reports the delta', () => {
    assert.deepEqual(roundToLot(73, { lotSize: 10 }), {
      requested: 73,
      quantity: 80,
      moqDelta: 0,
      lotDelta: 7,
      delta: 7,
    });
    assert.deepEqual(roundToLot(80, { lotSize: 10 }), {
      requested: 80,
      quantity: 80,
      moqDelta: 0,
      lotDelta: 0,
      delta: 0,
    });
  });

  it('raises to the MOQ first, then to the lot size', () => {
    assert.deepEqual(roundToLot(12, { moq: 50, lotSize: 12 }), {
      requested: 12,
      quantity: 60,
      moqDelta: 38,
      lotDelta: 10,
      delta: 48,
    });
  });

  it('keeps decimal lot sizes exact and leaves zero alone', () => {
    assert.equal(roundToLot(0.25, { lotSize: 0.1 }).quantity, 0.3);
    assert.equal(roundToLot(0.3, { lotSize: 0.1 }).delta, 0);
    assert.equal(roundToLot(0, { moq: 100 }).quantity, 0);
    assert.equal(roundToLot(4.2).quantity, 5); // whole units by default
  });

  it('finds the largest allowed quantity under a limit', () => {
    assert.equal(largestLotAtMost(97, { lotSize: 10 }), 90);
    assert.equal(largestLotAtMost(40, { moq: 50, lotSize: 10 }), 0);
    assert.equal(largestLotAtMost(-5, { lotSize: 10 }), 0);
  });
});

describe('bad input', () => {
  it('throws PolicyInputError naming the field', () => {
    const base = { dailyDemandMean: 10, dailyDemandSd: 2, leadTimeDays: 3, leadTimeSdDays: 0 };
    assert.throws(() => demandOverProtectionInterval({ ...base, dailyDemandMean: -1 }), /dailyDemandMean/);
    assert.throws(
      () => demandOverProtectionInterval({ ...base, leadTimeDays: Number.NaN }),
      PolicyInputError,
    );
    assert.throws(
      () => demandOverProtectionInterval({ ...base, leadTimeSdDays: Number.POSITIVE_INFINITY }),
      PolicyInputError,
    );
    for (const level of [0, 1, 1.2, -0.5, Number.NaN]) {
      assert.throws(() => cycleServiceFactor(level), PolicyInputError);
      assert.throws(() => fillRateFactor(level, 10, 1), PolicyInputError);
    }
    assert.throws(() => roundToLot(-3), PolicyInputError);
    assert.throws(() => roundToLot(3, { lotSize: 0 }), /lotSize/);
    assert.throws(() => roundToLot(3, { moq: -1 }), /moq/);
    assert.throws(
      () => periodicReviewPolicy({ ...base, reviewPeriodDays: 0, service: { kind: 'cycle', level: 0.9 } }),
      /reviewPeriodDays/,
    );
    assert.throws(
      () => safetyStock({ kind: 'weird' as 'cycle', level: 0.9 }, { days: 1, mean: 1, sd: 1 }),
      /serviceLevelKind/,
    );
  });
});
