import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorSum } from './item-plan.ts';
import { textbookItem } from './replenishment.fixture.ts';
import { proposeReplenishment } from './replenishment.ts';
import type {
  ReplenishmentConstraints,
  ReplenishmentItem,
  ReplenishmentProposal,
} from './replenishment-types.ts';

const propose = (items: ReplenishmentItem[], constraints: ReplenishmentConstraints = {}) =>
  proposeReplenishment({ items, today: '2025-03-01', horizonDays: 30, constraints });
const check = (p: ReplenishmentProposal, name: string, scope?: string) =>
  p.constraints.find((c) => c.name === name && (scope === undefined || c.scope === scope));
const itemOf = (p: ReplenishmentProposal, id: string) => p.items.find((i) => i.inventoryId === id);

// Two (R, S) items that each order 835 units at 73 = 60,955 (see replenishment.test.ts).
const rs = (id: string, overrides: Partial<ReplenishmentItem> = {}) =>
  textbookItem({
    inventoryId: id,
    sku: id.toUpperCase(),
    policy: 'RS',
    reviewPeriodDays: 7,
    leadTimeSdDays: 0,
    reserved: 20,
    onOrder: 100,
    backorders: 5,
    ...overrides,
  });

describe('budget', () => {
  it('is satisfied with room to spare and says how much is used', () => {
    const p = propose([rs('a')], { budget: 100_000 });
    assert.deepEqual(
      [check(p, 'budget')?.status, check(p, 'budget')?.value, check(p, 'budget')?.limit],
      ['satisfied', 60955, 100000],
    );
  });

  it('cuts the lowest-priority line first, in whole lots, and reports the cut amount', () => {
    const p = propose([rs('a', { priority: 2 }), rs('b', { priority: 1, lotSize: 5 })], { budget: 100_000 });
    const budget = check(p, 'budget');
    assert.equal(budget?.status, 'binding');
    // 121,910 asked; cut 21,910 / 73 = 300.1 units → 305 (whole lots of 5) from b = 22,265.
    assert.equal(itemOf(p, 'a')?.quantity, 835);
    assert.equal(itemOf(p, 'b')?.quantity, 530);
    assert.equal(itemOf(p, 'b')?.factors.at(-1)?.kind, 'budget_cut');
    assert.equal(itemOf(p, 'b')?.factors.at(-1)?.weight, -305);
    assert.match(
      budget?.detail ?? '',
      /cost 121,910\.00 against a budget of 100,000\.00: cut 22,265\.00 from 1 line\(s\).*B −305/,
    );
    assert.ok((budget?.value ?? Infinity) <= 100_000);
    assert.equal(p.predictedCost.purchase, budget?.value);
    for (const item of p.items) assert.equal(factorSum(item.factors), item.quantity);
    assert.match(itemOf(p, 'b')?.reason ?? '', /305 units cut by the budget/);
    assert.match(p.summary, /budget binding/);
  });

  it('cuts the line least at risk first when priorities tie, and drops a line whose rest is below its MOQ', () => {
    const safe = rs('safe', { onHand: 1000, moq: 200 }); // needs 209.11 → 210 and has little risk without an order
    const risky = rs('risky', { onHand: 0 });
    const p = propose([risky, safe], { budget: 80_000 });
    assert.equal(itemOf(p, 'safe')?.quantity, 0, 'cut below its MOQ of 200, so dropped');
    assert.ok((itemOf(p, 'risky')?.quantity ?? 0) > 0);
    assert.match(itemOf(p, 'safe')?.reason ?? '', /whole need was cut/);
    assert.ok((check(p, 'budget')?.value ?? Infinity) <= 80_000);
    assert.equal(check(p, 'moq')?.status, 'satisfied');
  });

  it('marks items pushed below their service target as a soft stock-out violation', () => {
    const p = propose([rs('a')], { budget: 10_000 });
    const risk = check(p, 'stockout_risk');
    assert.equal(risk?.kind, 'soft');
    assert.equal(risk?.status, 'violated');
    assert.match(risk?.detail ?? '', /1 item\(s\) fall below their service target after the cuts \(A\)/);
    const unconstrained = check(propose([rs('a')]), 'stockout_risk');
    assert.equal(unconstrained?.status, 'satisfied');
  });
});

describe('warehouse capacity', () => {
  it('binds: cuts the lines of a full warehouse and leaves the others alone', () => {
    const p = propose([rs('a', { priority: 1 }), rs('b'), rs('c', { warehouseId: 'W2' })], {
      warehouseFreeUnits: { W1: 1000 },
    });
    const w1 = check(p, 'warehouse_capacity', 'W1');
    assert.equal(w1?.status, 'binding');
    assert.equal(w1?.value, 1000);
    assert.equal(w1?.limit, 1000);
    assert.equal(itemOf(p, 'b')?.quantity, 165, 'the lower-priority line gives way');
    assert.equal(itemOf(p, 'b')?.factors.at(-1)?.kind, 'capacity_cut');
    assert.match(
      itemOf(p, 'b')?.factors.at(-1)?.sentence ?? '',
      /warehouse W1 has room for 1,000 more units and the proposal asked for 1,670/,
    );
    assert.equal(itemOf(p, 'c')?.quantity, 835);
    assert.equal(check(p, 'warehouse_capacity', 'W2'), undefined, 'no room given for W2: no check');
  });

  it('takes an item-level free room and reports an unbound warehouse as satisfied', () => {
    const p = propose([rs('a', { warehouseFreeUnits: 5000 })]);
    assert.deepEqual(
      [check(p, 'warehouse_capacity', 'W1')?.status, check(p, 'warehouse_capacity', 'W1')?.value],
      ['satisfied', 835],
    );
  });
});

describe('supplier lead time', () => {
  it('is violated when the expected arrival is after the requested date', () => {
    const p = propose([rs('a', { requiredBy: '2025-03-04' }), rs('b', { requiredBy: '2025-03-05' })]);
    const lead = check(p, 'supplier_lead_time');
    assert.equal(lead?.status, 'violated');
    assert.equal(lead?.value, 1);
    assert.match(lead?.detail ?? '', /A arrives 2025-03-05, 1 day\(s\) after 2025-03-04/);
  });

  it('takes the request-wide date and is binding when a line arrives on the day', () => {
    const p = propose([rs('a')], { requiredBy: '2025-03-05' });
    assert.equal(check(p, 'supplier_lead_time')?.status, 'binding');
  });
});

describe('predicted cost', () => {
  it('breaks down purchase, ordering, holding and expected shortage', () => {
    const p = propose([rs('a', { shortageCostPerUnit: 50 })]);
    const cost = p.predictedCost;
    assert.equal(cost.purchase, 60955);
    assert.equal(cost.ordering, 10);
    // 73 × 25% × 30/365 × (109.11 + 835/2)
    assert.ok(Math.abs(cost.holding - 73 * 0.25 * (30 / 365) * (109.1072 + 417.5)) < 0.01);
    assert.ok(cost.expectedShortage > 0);
    assert.equal(
      cost.total,
      Math.round((cost.purchase + cost.ordering + cost.holding + cost.expectedShortage) * 100) / 100,
    );
    assert.match(
      cost.sentence,
      /^Predicted cost [\d,]+\.\d\d: purchase 60,955\.00, ordering 10\.00 for 1 line\(s\)/,
    );
    assert.equal(check(p, 'holding_cost')?.value, cost.holding);
  });
});
