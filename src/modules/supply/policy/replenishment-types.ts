// The shapes of a replenishment decision: what the engine is given per SKU × location and what it
// proposes (purchase-order lines, the factors behind each quantity, constraint checks, cost,
// confidence). Units: quantities in units, money in the currency of the unit costs, days, and
// dates as 'YYYY-MM-DD' (UTC calendar days).
import type { DemandOverInterval, ServiceLevelKind } from './inventory.ts';

export interface ItemForecast {
  /** Expected demand per day, units/day; index 0 is `today`. */
  mean: number[];
  /** Standard deviation of each day's demand, units/day. Give this or `interval`. */
  sd?: number[];
  /** A central prediction interval per day (e.g. level 0.8 for 10%–90%); σ = (upper − lower)/(2·z). */
  interval?: { lower: number[]; upper: number[]; level: number };
  /** Back-test error of the model that made the forecast: MASE (1 = naive) and/or sMAPE in % (0–200). */
  backtest?: { mase?: number; smape?: number };
  modelVersion?: string;
}

export type ReplenishmentPolicyKind = 'sQ' | 'RS';

export interface ReplenishmentItem {
  inventoryId: string;
  sku: string;
  warehouseId: string;
  forecast: ItemForecast;
  onHand: number;
  reserved: number;
  onOrder: number;
  backorders?: number;
  unitCost: number;
  /** Fraction of the unit cost per year. */
  holdingCostRate: number;
  /** Money per purchase order line. */
  orderingCost: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  serviceLevel: number;
  serviceLevelKind: ServiceLevelKind;
  moq?: number;
  lotSize?: number;
  policy: ReplenishmentPolicyKind;
  /** R for 'RS' (required there); for 'sQ' how often the position is checked (default 0: continuously). */
  reviewPeriodDays?: number;
  /** Free room in this item's warehouse, units (the smallest given for a warehouse counts). */
  warehouseFreeUnits?: number;
  /** Higher is kept longer when a constraint cuts lines (default 0). */
  priority?: number;
  /** The stock is needed by this date: an expected arrival after it violates the lead-time check. */
  requiredBy?: string;
  /** Money per unit short, for the expected shortage cost. */
  shortageCostPerUnit?: number;
}

export interface ReplenishmentConstraints {
  /** Money available for the whole proposal. */
  budget?: number;
  /** Free room per warehouse id, units (overrides the items' `warehouseFreeUnits`). */
  warehouseFreeUnits?: Record<string, number>;
  /** Requested arrival date for every item without its own `requiredBy`. */
  requiredBy?: string;
}

export interface ReplenishmentRequest {
  items: ReplenishmentItem[];
  /** The order date, 'YYYY-MM-DD'. */
  today: string;
  /** Planning horizon in days (holding cost is counted over it). */
  horizonDays: number;
  constraints?: ReplenishmentConstraints;
}

export interface PurchaseOrderLine {
  inventoryId: string;
  sku: string;
  warehouseId: string;
  quantity: number;
  orderDate: string;
  expectedArrival: string;
  unitCost: number;
  amount: number;
}

export type FactorKind =
  | 'demand'
  | 'safety_stock'
  | 'on_hand'
  | 'reserved'
  | 'on_order'
  | 'backorders'
  | 'order_quantity'
  | 'position_covers'
  | 'moq_rounding'
  | 'lot_rounding'
  | 'capacity_cut'
  | 'budget_cut';

/** One reason for a quantity: its signed weight in units (to 0.01) and one plain sentence. */
export interface Factor {
  kind: FactorKind;
  weight: number;
  sentence: string;
}

export interface StockoutRisk {
  /** Probability that demand over the interval exceeds the stock that covers it. */
  probability: number;
  /** Expected units short over the interval: σ·G((stock − μ)/σ). */
  expectedUnitsShort: number;
}

export interface ItemConfidence {
  value: number;
  /** 1/(1 + half-width of the 80% interval of protection-interval demand / its mean). */
  fromInterval: number;
  /** From the back-test error (MASE → 1/(1+MASE), sMAPE % → 1 − sMAPE/200, both → their mean). */
  fromBacktest: number | null;
  sentence: string;
}

export interface ItemDecision {
  inventoryId: string;
  sku: string;
  warehouseId: string;
  policy: ReplenishmentPolicyKind;
  quantity: number;
  /** Weights add up to `quantity` exactly in hundredths of a unit (see `factorSum`). */
  factors: Factor[];
  /** s for 'sQ', S for 'RS'. */
  trigger: { kind: 'reorder_point' | 'order_up_to'; level: number };
  inventoryPosition: number;
  orderQuantity: number | null;
  eoq: number | null;
  safetyStock: number;
  service: { kind: ServiceLevelKind; level: number; k: number };
  demandOverLeadTime: DemandOverInterval;
  demandOverProtection: DemandOverInterval;
  /** Before this order can arrive (over the lead time, with the current position). */
  riskBeforeArrival: StockoutRisk;
  /** Over the protection interval with this order in (what the order quantity changes). */
  riskAfterOrder: StockoutRisk;
  confidence: ItemConfidence;
  orderDate: string;
  expectedArrival: string;
  requiredBy: string | null;
  /** One sentence: the quantity and its main reason. */
  reason: string;
  notes: string[];
}

export interface ConstraintCheck {
  name: 'budget' | 'warehouse_capacity' | 'moq' | 'supplier_lead_time' | 'holding_cost' | 'stockout_risk';
  kind: 'hard' | 'soft';
  status: 'satisfied' | 'violated' | 'binding';
  detail: string;
  value: number;
  limit: number | null;
  /** The warehouse for a capacity check. */
  scope?: string;
}

export interface CostBreakdown {
  purchase: number;
  ordering: number;
  holding: number;
  expectedShortage: number;
  total: number;
  sentence: string;
}

export interface ReplenishmentProposal {
  actions: PurchaseOrderLine[];
  items: ItemDecision[];
  constraints: ConstraintCheck[];
  predictedCost: CostBreakdown;
  confidence: { value: number; fromInterval: number; fromBacktest: number | null; sentence: string };
  summary: string;
}
