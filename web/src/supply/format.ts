// How supply figures read: quantities, money, shares, and the names of methods, factors and checks.
import { formatMoney, formatNumber, formatPercent } from '../plant/format';

export { formatMoney, formatPercent };

/** Units: whole numbers as such, fractions to one decimal ("1,250", "12.5"). */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** A signed weight of a factor: "+120", "−35.5", "0". */
export function formatSigned(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatQuantity(Math.abs(value))}`;
}

/** A service level or probability as a percentage with up to one decimal ("95 %", "97.5 %"). */
export function formatLevel(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const percent = value * 100;
  return `${Number.isInteger(Math.round(percent * 10) / 10) ? Math.round(percent) : percent.toFixed(1)} %`;
}

const METHODS: Record<string, string> = {
  naive: 'Naive',
  seasonal_naive: 'Seasonal naive',
  ses: 'Simple exponential smoothing',
  holt: 'Holt (trend)',
  damped: 'Damped Holt',
  hw_additive: 'Holt-Winters additive',
  hw_multiplicative: 'Holt-Winters multiplicative',
  ets: 'ETS (state space)',
  theta: 'Theta',
  croston: 'Croston',
  sba: 'Syntetos-Boylan (SBA)',
  tsb: 'Teunter-Syntetos-Babai (TSB)',
  combination: 'Combination',
  none: 'None',
};

/** "ses" → "Simple exponential smoothing"; unknown names (e.g. "ETS(A,Ad,N)") as they are. */
export const methodName = (method: string) => METHODS[method.toLowerCase()] ?? method;

const FACTORS: Record<string, string> = {
  demand: 'Demand over the lead time',
  safety_stock: 'Safety stock',
  on_hand: 'On hand',
  reserved: 'Reserved',
  on_order: 'On order',
  backorders: 'Backorders',
  order_quantity: 'Order quantity',
  position_covers: 'Position already covers it',
  moq_rounding: 'MOQ rounding',
  lot_rounding: 'Lot-size rounding',
  capacity_cut: 'Cut to warehouse room',
  budget_cut: 'Cut to the budget',
};

export const factorName = (kind: string) => FACTORS[kind] ?? kind.replaceAll('_', ' ');

const CHECKS: Record<string, string> = {
  budget: 'Budget',
  warehouse_capacity: 'Warehouse capacity',
  moq: 'Minimum order quantities',
  supplier_lead_time: 'Supplier lead time',
  holding_cost: 'Holding cost',
  stockout_risk: 'Stock-out risk',
};

export const checkName = (name: string) => CHECKS[name] ?? name.replaceAll('_', ' ');

const COSTS: Record<string, string> = {
  purchase: 'Purchase',
  ordering: 'Ordering',
  holding: 'Holding',
  expectedShortage: 'Expected shortage',
  total: 'Total',
};

export const costName = (key: string) => COSTS[key] ?? key;

export const POLICY_NAMES: Record<string, string> = {
  sQ: 'Continuous review (s, Q)',
  RS: 'Periodic review (R, S)',
};

export const SERVICE_NAMES: Record<string, string> = {
  cycle: 'cycle service level',
  fill_rate: 'fill rate',
};

/** "smooth" → "Smooth"; the demand classes of Syntetos–Boylan. */
export const demandClassName = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** A back-test error: "MASE 0.82 · sMAPE 14.3 %", or what is known of it. */
export function backtestText(mase: number | null | undefined, smape: number | null | undefined): string {
  const parts = [
    mase !== null && mase !== undefined ? `MASE ${mase.toFixed(2)}` : null,
    smape !== null && smape !== undefined ? `sMAPE ${smape.toFixed(1)} %` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'not back-tested';
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * The engine's sentences name warehouses by id; people know them by code. Known warehouse ids in
 * `text` are replaced by their codes (others are left as they are).
 */
export function withCodes(text: string, warehouses: ReadonlyMap<string, { code: string }>): string {
  return text.replace(UUID, (id) => warehouses.get(id.toLowerCase())?.code ?? id);
}
