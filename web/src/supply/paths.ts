// Addresses of the supply pages, kept apart from the pages themselves (which load on demand).
import {
  type GuardedPageInfo,
  SUPPLY_DASHBOARD_PAGE,
  SUPPLY_DECISIONS_PAGE,
  SUPPLY_FORECASTS_PAGE,
  SUPPLY_INVENTORY_PAGE,
  SUPPLY_MODELS_PAGE,
  SUPPLY_NETWORK_PAGE,
  SUPPLY_PAGES,
  SUPPLY_SIMULATIONS_PAGE,
} from '../modules';

const SKU_PATH = /^\/supply\/inventory\/([^/]+)$/;
const DECISION_PATH = /^\/supply\/decisions\/([^/]+)$/;
const SIMULATION_PATH = /^\/supply\/simulations\/([^/]+)$/;

/** A SKU's page: one inventory row (a SKU at a warehouse). */
export const skuPath = (inventoryId: string) => `/supply/inventory/${encodeURIComponent(inventoryId)}`;
/** A decision's page. */
export const decisionPath = (decisionId: string) => `/supply/decisions/${encodeURIComponent(decisionId)}`;
/** A simulation's page. */
export const simulationPath = (id: string) => `/supply/simulations/${encodeURIComponent(id)}`;

function idOf(pattern: RegExp, path: string): string | null {
  const id = pattern.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** The inventory row id in a SKU page's address, or null. */
export const skuIdOf = (path: string) => idOf(SKU_PATH, path);
/** The decision id in a decision page's address, or null. */
export const decisionIdOf = (path: string) => idOf(DECISION_PATH, path);
/** The simulation id in a simulation page's address, or null. */
export const simulationIdOf = (path: string) => idOf(SIMULATION_PATH, path);

/** The supply page `path` is (a SKU's page counts as the inventory's, a decision's as the list's), or undefined. */
export function supplyPageOf(path: string): GuardedPageInfo | undefined {
  const page = SUPPLY_PAGES.find((p) => p.path === path);
  if (page) return page;
  if (SKU_PATH.test(path)) return SUPPLY_INVENTORY_PAGE;
  if (DECISION_PATH.test(path)) return SUPPLY_DECISIONS_PAGE;
  if (SIMULATION_PATH.test(path)) return SUPPLY_SIMULATIONS_PAGE;
  return undefined;
}

export {
  SUPPLY_DASHBOARD_PAGE,
  SUPPLY_DECISIONS_PAGE,
  SUPPLY_FORECASTS_PAGE,
  SUPPLY_INVENTORY_PAGE,
  SUPPLY_MODELS_PAGE,
  SUPPLY_NETWORK_PAGE,
  SUPPLY_SIMULATIONS_PAGE,
};
