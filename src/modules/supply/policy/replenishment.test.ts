import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PolicyInputError } from './errors.ts';
import { factorSum } from './item-plan.ts';
import { randomItems, textbookItem } from './replenishment.fixture.ts';
import { proposeReplenishment } from './replenishment.ts';
import type { ReplenishmentItem, ReplenishmentProposal } from './replenishment-types.ts';

const TODAY = '2025-03-01';
const propose = (
  items: ReplenishmentItem[],
  extra: Partial<Parameters<typeof proposeReplenishment>[0]> = {},
) => proposeReplenishment({ items, today: TODAY, horizonDays: 30, ...extra });
const only = (proposal: ReplenishmentProposal) => proposal.items[0] as ReplenishmentProposal['items'][number];
const weightOf = (proposal: ReplenishmentProposal, kind: string) =>
  only(proposal).factors.find((f) => f.kind === kind)?.weight;

function assertNoNaN(value: unknown, path = 'proposal'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertNoNaN(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

describe('replenishment factors', () => {
  it('add up to the quantity exactly on many seeded random items, with and without constraints', () => {
    let ordered = 0;
    let cut = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const items = randomItems(seed, 1 + (seed % 7));
      const constraints =
        seed % 3 === 0 ? { budget: (seed * 37) % 5000, warehouseFreeUnits: { W2: (seed * 13) % 400 } } : {};
      const proposal = propose(items, { constraints });
      assertNoNaN(proposal);
      if (seed % 10 === 0) assert.deepEqual(propose(items, { constraints }), proposal, 'deterministic');
      for (const item of proposal.items) {
        assert.equal(
          factorSum(item.factors),
          item.quantity,
          `${item.inventoryId}: ${JSON.stringify(item.factors)}`,
        );
        const plain = item.factors.reduce((s, f) => s + f.weight, 0);
        assert.ok(Math.abs(plain - item.quantity) < 1e-6, `${item.inventoryId}: plain sum ${plain}`);
        assert.ok(item.quantity >= 0);
        assert.ok(
          item.factors.every((f) => f.sentence.length > 10 && !/NaN|undefined|Infinity/.test(f.sentence)),
        );
        assert.ok(!/NaN|undefined/.test(item.reason));
        const input = items.find((i) => i.inventoryId === item.inventoryId) as ReplenishmentItem;
        if (item.quantity > 0) {
          ordered++;
          assert.ok(item.quantity >= (input.moq ?? 0) - 1e-9, 'meets its MOQ');
          const lots = item.quantity / (input.lotSize ?? 1);
          assert.ok(
            Math.abs(lots - Math.round(lots)) < 1e-6,
            `${item.quantity} is a multiple of ${input.lotSize}`,
          );
        }
        if (item.factors.some((f) => f.kind === 'budget_cut' || f.kind === 'capacity_cut')) cut++;
      }
      assert.deepEqual(
        proposal.actions.map((a) => a.inventoryId),
        proposal.items.filter((i) => i.quantity > 0).map((i) => i.inventoryId),
      );
      const budget = proposal.constraints.find((c) => c.name === 'budget');
      assert.notEqual(budget?.status, 'violated');
      for (const check of proposal.constraints.filter((c) => c.name === 'warehouse_capacity')) {
        assert.ok(check.value <= (check.limit as number) + 1e-9, check.detail);
      }
      assert.ok(proposal.confidence.value >= 0 && proposal.confidence.value <= 1);
    }
    assert.ok(ordered > 100 && cut > 10, `the random items exercise orders (${ordered}) and cuts (${cut})`);
  });

  it('explain an (s, Q) order of the textbook item with numbers', () => {
    // s = 400 + 177.16 = 577.16; position 300 → need 277.16; EOQ 200 → two lots = 400.
    const proposal = propose([textbookItem()]);
    const item = only(proposal);
    assert.equal(item.quantity, 400);
    assert.equal(item.eoq !== null && Math.round(item.eoq), 200);
    assert.deepEqual(
      item.factors.map((f) => [f.kind, f.weight]),
      [
        ['demand', 400],
        ['safety_stock', 177.16],
        ['on_hand', -300],
        ['on_order', -0],
        ['order_quantity', 122.84],
      ],
    );
    assert.equal(item.factors[0]?.sentence, 'Expected demand over the 4-day lead time: 400 units');
    assert.match(item.factors[1]?.sentence ?? '', /95% cycle service level \(z = 1\.645, σ = 107\.7 units/);
    assert.match(item.reason, /Order 400 units of SKU-1 at W1, arriving 2025-03-05/);
    assert.deepEqual(proposal.actions, [
      {
        inventoryId: 'inv-1',
        sku: 'SKU-1',
        warehouseId: 'W1',
        quantity: 400,
        orderDate: TODAY,
        expectedArrival: '2025-03-05',
        unitCost: 73,
        amount: 29200,
      },
    ]);
  });

  it('explain an (R, S) order with reserved stock, stock on order and backorders', () => {
    const proposal = propose([
      textbookItem({
        policy: 'RS',
        reviewPeriodDays: 7,
        leadTimeSdDays: 0,
        reserved: 20,
        onOrder: 100,
        backorders: 5,
      }),
    ]);
    // S = 1100 + 1.6449·sqrt(4400) = 1209.11; need = 1209.11 − 300 + 20 − 100 + 5 = 834.11 → 835.
    assert.equal(only(proposal).quantity, 835);
    assert.equal(weightOf(proposal, 'demand'), 1100);
    assert.equal(weightOf(proposal, 'safety_stock'), 109.11);
    assert.equal(weightOf(proposal, 'reserved'), 20);
    assert.equal(weightOf(proposal, 'on_order'), -100);
    assert.equal(weightOf(proposal, 'backorders'), 5);
    assert.equal(weightOf(proposal, 'lot_rounding'), 0.89);
    assert.match(
      only(proposal).factors[0]?.sentence ?? '',
      /4-day lead time plus the 7-day review period: 1,100 units/,
    );
  });

  it('explain no order when the inventory position is at or above the reorder point', () => {
    const proposal = propose([textbookItem({ onHand: 620 })]);
    const item = only(proposal);
    assert.equal(item.quantity, 0);
    assert.equal(proposal.actions.length, 0);
    assert.equal(weightOf(proposal, 'position_covers'), 42.84);
    assert.match(
      item.factors.at(-1)?.sentence ?? '',
      /inventory position \(620 units\) is at or above the reorder point \(577\.16 units\) by 42\.84 units/,
    );
    assert.equal(factorSum(item.factors), 0);
  });

  it('round up to the lot size and the MOQ, and say which', () => {
    const lot = propose([
      textbookItem({ policy: 'RS', reviewPeriodDays: 7, leadTimeSdDays: 0, onHand: 1130, lotSize: 12 }),
    ]);
    // need = 1209.11 − 1130 = 79.11 → 84 (7 lots of 12)
    assert.equal(only(lot).quantity, 84);
    assert.equal(weightOf(lot, 'lot_rounding'), 4.89);
    const moq = propose([
      textbookItem({
        policy: 'RS',
        reviewPeriodDays: 7,
        leadTimeSdDays: 0,
        onHand: 1130,
        moq: 100,
        lotSize: 12,
      }),
    ]);
    assert.equal(only(moq).quantity, 108);
    assert.equal(weightOf(moq, 'moq_rounding'), 20.89);
    assert.equal(weightOf(moq, 'lot_rounding'), 8);
    assert.match(
      only(moq).factors.find((f) => f.kind === 'moq_rounding')?.sentence ?? '',
      /minimum order quantity of 100/,
    );
    assert.equal(moq.constraints.find((c) => c.name === 'moq')?.status, 'binding');
  });
});

describe('zero and sparse demand', () => {
  const zero = { mean: Array(14).fill(0), sd: Array(14).fill(0) };

  it('orders nothing when no demand is forecast, and says so', () => {
    const proposal = propose([textbookItem({ forecast: zero, onHand: 0 })]);
    assertNoNaN(proposal);
    assert.equal(only(proposal).quantity, 0);
    assert.match(only(proposal).reason, /no demand is forecast over the next 4 days/);
    assert.equal(only(proposal).riskAfterOrder.probability, 0);
  });

  it('still covers backorders without forecast demand', () => {
    const proposal = propose([
      textbookItem({ forecast: zero, onHand: 0, backorders: 7, policy: 'RS', reviewPeriodDays: 7 }),
    ]);
    assertNoNaN(proposal);
    assert.equal(only(proposal).quantity, 7);
  });

  it('extends a short forecast with its average day and notes it', () => {
    const proposal = propose([textbookItem({ forecast: { mean: [100, 100], sd: [20, 20] } })]);
    assert.equal(only(proposal).demandOverLeadTime.mean, 400);
    assert.match(only(proposal).notes.join(' '), /forecast covers 2 days; days 3–4 use its average day/);
  });

  it('reads the standard deviation off a prediction interval', () => {
    const z80 = 1.2815515655446004;
    const interval = {
      lower: Array(30).fill(100 - 20 * z80),
      upper: Array(30).fill(100 + 20 * z80),
      level: 0.8,
    };
    const fromInterval = only(propose([textbookItem({ forecast: { mean: Array(30).fill(100), interval } })]));
    const fromSd = only(propose([textbookItem()]));
    assert.ok(Math.abs(fromInterval.demandOverLeadTime.sd - fromSd.demandOverLeadTime.sd) < 1e-9);
  });
});

describe('degenerate costs', () => {
  it('orders lot-for-lot with a note when there is no holding cost for the EOQ', () => {
    const item = only(propose([textbookItem({ unitCost: 0 })]));
    assert.equal(item.eoq, null);
    assert.equal(item.quantity, 278); // the need 277.16, rounded up to whole units
    assert.match(item.notes.join(' '), /EOQ is undefined/);
  });
});

describe('stock-out risk and confidence', () => {
  it('stock-out risk falls as the order grows', () => {
    let previous = { probability: 2, expectedUnitsShort: Number.POSITIVE_INFINITY };
    for (const moq of [0, 1400, 1600, 1800, 2000]) {
      const item = only(propose([textbookItem({ policy: 'RS', reviewPeriodDays: 7, onHand: 0, moq })]));
      const risk = item.riskAfterOrder;
      assert.ok(
        risk.probability < previous.probability && risk.expectedUnitsShort < previous.expectedUnitsShort,
        `moq ${moq}`,
      );
      assert.ok(
        item.riskBeforeArrival.probability > 0.999,
        'an empty shelf stocks out before any order arrives',
      );
      previous = risk;
    }
  });

  it('a wider interval or a worse back-test lowers confidence', () => {
    const confidenceWith = (sd: number, mase: number) =>
      only(
        propose([
          textbookItem({
            forecast: { mean: Array(30).fill(100), sd: Array(30).fill(sd), backtest: { mase } },
          }),
        ]),
      ).confidence;
    const widths = [5, 20, 60, 150].map((sd) => confidenceWith(sd, 0.8).value);
    for (let i = 1; i < widths.length; i++)
      assert.ok((widths[i] as number) < (widths[i - 1] as number), `${widths}`);
    assert.ok(confidenceWith(20, 1.5).value < confidenceWith(20, 0.5).value);
    const c = confidenceWith(20, 1);
    assert.equal(c.fromBacktest, 0.5);
    assert.match(
      c.sentence,
      /80% interval of demand over 4 days is ±\d+(\.\d)?% of its mean, and the back-test shows MASE 1/,
    );
  });
});

describe('bad input', () => {
  const bad = (overrides: Partial<ReplenishmentItem>, field: RegExp) =>
    assert.throws(
      () => propose([textbookItem(overrides)]),
      (e: unknown) => e instanceof PolicyInputError && field.test(e.message),
    );

  it('is refused with PolicyInputError naming the field', () => {
    bad({ onHand: -1 }, /items\[0\]\.onHand/);
    bad({ leadTimeDays: Number.NaN }, /leadTimeDays/);
    bad({ serviceLevel: 1 }, /serviceLevel/);
    bad({ forecast: { mean: [1, Number.NaN], sd: [1, 1] } }, /forecast\.mean\[1\]/);
    bad({ forecast: { mean: [1, 2], sd: [1] } }, /forecast\.sd/);
    bad({ forecast: { mean: [1, 2] } }, /sd\) or an interval/);
    bad(
      { forecast: { mean: [5], interval: { lower: [6], upper: [4], level: 0.8 } } },
      /upper is below lower/,
    );
    bad({ forecast: { mean: [], sd: [] } }, /non-empty/);
    bad({ policy: 'RS' }, /reviewPeriodDays/);
    bad({ lotSize: 0 }, /lotSize/);
    bad({ requiredBy: '2025-02-30' }, /requiredBy/);
    assert.throws(() => propose([]), /items/);
    assert.throws(
      () => proposeReplenishment({ items: [textbookItem()], today: '01/03/2025', horizonDays: 30 }),
      /today/,
    );
    assert.throws(() => propose([textbookItem()], { horizonDays: 0 }), /horizonDays/);
    assert.throws(() => propose([textbookItem()], { constraints: { budget: -5 } }), /budget/);
  });
});
