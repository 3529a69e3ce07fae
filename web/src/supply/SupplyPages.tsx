// The supply pages, loaded together when one of them is first opened (see App.tsx).
import { DecisionPage } from './DecisionPage';
import { DecisionsPage } from './DecisionsPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { ForecastsPage } from './ForecastsPage';
import { InventoryPage } from './InventoryPage';
import { ModelsPage } from './ModelsPage';
import { NetworkPage } from './NetworkPage';
import {
  decisionIdOf,
  SUPPLY_DASHBOARD_PAGE,
  SUPPLY_DECISIONS_PAGE,
  SUPPLY_FORECASTS_PAGE,
  SUPPLY_MODELS_PAGE,
  SUPPLY_NETWORK_PAGE,
  SUPPLY_SIMULATIONS_PAGE,
  simulationIdOf,
  skuIdOf,
} from './paths';
import { SkuPage } from './SkuPage';
import { SimulationPage } from './simulations/SimulationPage';
import { SimulationsPage } from './simulations/SimulationsPage';
import './supply.css';

export function SupplyPages({ path }: { path: string }) {
  if (path === SUPPLY_DASHBOARD_PAGE.path) return <DashboardPage />;
  if (path === SUPPLY_DECISIONS_PAGE.path) return <DecisionsPage />;
  if (path === SUPPLY_FORECASTS_PAGE.path) return <ForecastsPage />;
  if (path === SUPPLY_MODELS_PAGE.path) return <ModelsPage />;
  if (path === SUPPLY_NETWORK_PAGE.path) return <NetworkPage />;
  if (path === SUPPLY_SIMULATIONS_PAGE.path) return <SimulationsPage />;
  const simulationId = simulationIdOf(path);
  if (simulationId) return <SimulationPage key={simulationId} id={simulationId} />;
  const skuId = skuIdOf(path);
  if (skuId) return <SkuPage key={skuId} id={skuId} />;
  const decisionId = decisionIdOf(path);
  if (decisionId) return <DecisionPage key={decisionId} id={decisionId} />;
  return <InventoryPage />;
}
