import { AI_PAGES } from './ai/pages';
import { ANALYTICS_COMPARE_PAGE } from './analytics/compare/page';
import type { Permissions } from './auth/types';
import { AUTOMATION_PAGES } from './automation/pages';

export interface ModuleInfo {
  path: string;
  /** Label in the navigation. */
  label: string;
  /** Page heading. */
  title: string;
  description: string;
  /** Pages of the module listed under it in the navigation. */
  pages?: readonly GuardedPageInfo[];
}

/** A page that only some users see in the navigation and may open. */
export interface GuardedPageInfo extends ModuleInfo {
  allowed: (permissions: Permissions) => boolean;
}

export const PLANT_OVERVIEW_PAGE: GuardedPageInfo = {
  path: '/plant',
  label: 'Overview',
  title: 'Plant overview',
  description:
    'Every line with its live status, the batch it is running and today’s OEE against its target. Updates arrive as they happen.',
  allowed: (p) => p.plant,
};

export const PLANT_BATCHES_PAGE: GuardedPageInfo = {
  path: '/plant/batches',
  label: 'Batches',
  title: 'Batches',
  description:
    'Production runs on your lines, newest first: plan, start and complete them, and read their OEE.',
  allowed: (p) => p.plant,
};

export const PLANT_REPORTS_PAGE: GuardedPageInfo = {
  path: '/plant/reports',
  label: 'Reports',
  title: 'Plant reports',
  description:
    'OEE trend by day with availability, performance and quality, OEE by shift, and the downtime Pareto: where the minutes go.',
  allowed: (p) => p.plant,
};

export const PLANT_PAGES: readonly GuardedPageInfo[] = [
  PLANT_OVERVIEW_PAGE,
  PLANT_BATCHES_PAGE,
  PLANT_REPORTS_PAGE,
];

export const TELEMETRY_SENSORS_PAGE: GuardedPageInfo = {
  path: '/telemetry',
  label: 'Sensors',
  title: 'Sensors',
  description:
    'Every sensor with its newest reading against its spec limits, its last two hours and its active alarms. Values update as they arrive.',
  allowed: (p) => p.plant,
};

export const TELEMETRY_ALARMS_PAGE: GuardedPageInfo = {
  path: '/telemetry/alarms',
  label: 'Alarms',
  title: 'Alarms',
  description:
    'Alarms raised by spec limits and statistical rules, newest first: acknowledge them with a note, clear them once dealt with. New alarms appear as they open.',
  allowed: (p) => p.plant,
};

export const TELEMETRY_IMPORT_PAGE: GuardedPageInfo = {
  path: '/telemetry/import',
  label: 'Import',
  title: 'Import sensor history',
  description:
    'Load past readings of a facility’s sensors from a CSV file: one reading per row, or one column per sensor.',
  allowed: (p) => p.operatePlant,
};

export const TELEMETRY_PAGES: readonly GuardedPageInfo[] = [
  TELEMETRY_SENSORS_PAGE,
  TELEMETRY_ALARMS_PAGE,
  TELEMETRY_IMPORT_PAGE,
];

export const ANALYTICS_UPLOAD_PAGE: GuardedPageInfo = {
  path: '/analytics/upload',
  label: 'Upload',
  title: 'Upload work orders',
  description:
    'Drop a work-order export from your ERP (CSV or Excel): check how its columns map onto PlantIntel’s fields, preview the rows, then import it.',
  allowed: (p) => p.importWorkOrders,
};

export const ANALYTICS_IMPORTS_PAGE: GuardedPageInfo = {
  path: '/analytics/imports',
  label: 'Imports',
  title: 'Work-order imports',
  description:
    'Every uploaded export, newest first: its rows read, accepted and rejected, why rows were rejected, and the original file.',
  allowed: (p) => p.workOrders,
};

export const ANALYTICS_PROFILES_PAGE: GuardedPageInfo = {
  path: '/analytics/profiles',
  label: 'Mapping library',
  title: 'Mapping library',
  description:
    'Saved mappings from an ERP export’s columns onto PlantIntel’s work-order fields, reused by later uploads. Every change is kept as a version.',
  allowed: (p) => p.workOrders,
};

export const ANALYTICS_ANALYSES_PAGE: GuardedPageInfo = {
  path: '/analytics/analyses',
  label: 'Analyses',
  title: 'Analyses',
  description:
    'What each import’s work orders say about cost, equipment, quality and efficiency: findings ranked by what they cost, a written summary, and a chat to ask about them.',
  allowed: (p) => p.workOrders,
};

export const ANALYTICS_CONFIG_PAGE: GuardedPageInfo = {
  path: '/analytics/settings',
  label: 'Analyzer settings',
  title: 'Analyzer settings',
  description:
    'The 39 variables the analyzers work with, for the whole organisation or one facility: start from a preset, change what your plant needs, and see every change made.',
  allowed: (p) => p.users && p.importWorkOrders,
};

export const ANALYTICS_PAGES: readonly GuardedPageInfo[] = [
  ANALYTICS_UPLOAD_PAGE,
  ANALYTICS_IMPORTS_PAGE,
  ANALYTICS_ANALYSES_PAGE,
  ANALYTICS_PROFILES_PAGE,
  ANALYTICS_COMPARE_PAGE,
  ANALYTICS_CONFIG_PAGE,
];

export const INSPECTION_CAMERAS_PAGE: GuardedPageInfo = {
  path: '/inspection',
  label: 'Cameras',
  title: 'Inspection',
  description:
    'Each camera of a station with its newest image, the defects found and the verdict, as parts pass. Open an image to review and disposition its defects.',
  allowed: (p) => p.plant,
};

export const INSPECTION_STATISTICS_PAGE: GuardedPageInfo = {
  path: '/inspection/statistics',
  label: 'Statistics',
  title: 'Inspection statistics',
  description:
    'Reject and false-positive rates, the defect types that matter most, trends by day or shift, and figures per camera, region and part number.',
  allowed: (p) => p.plant,
};

export const INSPECTION_PAGES: readonly GuardedPageInfo[] = [
  INSPECTION_CAMERAS_PAGE,
  INSPECTION_STATISTICS_PAGE,
];

export const SUPPLY_INVENTORY_PAGE: GuardedPageInfo = {
  path: '/supply',
  label: 'Inventory',
  title: 'Inventory',
  description:
    'Every SKU at every warehouse with its stock on hand and on order. Open one for its demand history, its forecast and the reorder policy behind its proposals.',
  allowed: (p) => p.supply,
};

export const SUPPLY_DECISIONS_PAGE: GuardedPageInfo = {
  path: '/supply/decisions',
  label: 'Replenishment',
  title: 'Replenishment decisions',
  description:
    'Purchase proposals computed from the forecasts and each SKU’s policy: read why each quantity is proposed, then approve, reject or execute them.',
  allowed: (p) => p.supply,
};

export const SUPPLY_FORECASTS_PAGE: GuardedPageInfo = {
  path: '/supply/forecasts',
  label: 'Forecasts',
  title: 'Forecast runs',
  description:
    'Each run forecasts the demand of a scope of SKUs with the production model: its method per series, intervals and back-test error.',
  allowed: (p) => p.supply,
};

export const SUPPLY_MODELS_PAGE: GuardedPageInfo = {
  path: '/supply/models',
  label: 'Model registry',
  title: 'Model registry',
  description:
    'Versions of the forecasting model with their back-test metrics, the stages they are deployed in and the deployment history: train, promote and roll back.',
  allowed: (p) => p.supply,
};

export const SUPPLY_NETWORK_PAGE: GuardedPageInfo = {
  path: '/supply/network',
  label: 'Network',
  title: 'Supply network',
  description: 'Warehouses, orders, vehicles and clients: the places and movements the plans work with.',
  allowed: (p) => p.supply,
};

export const SUPPLY_SIMULATIONS_PAGE: GuardedPageInfo = {
  path: '/supply/simulations',
  label: 'Simulations',
  title: 'Simulations',
  description:
    'Many simulated months of demand, supplier lead times and deliveries under two reorder policies, with events such as demand shocks and vehicle breakdowns: how fill rate, OTIF, stock-outs, cost and CO₂ spread under each.',
  allowed: (p) => p.supply,
};

export const SUPPLY_DASHBOARD_PAGE: GuardedPageInfo = {
  path: '/supply/dashboard',
  label: 'Dashboard',
  title: 'Planner’s dashboard',
  description:
    'Fill rate, on time in full, cost and CO₂ per delivery, vehicle utilisation, inventory turns and stock-outs over the last days against the days before and their targets; what waits for you; unusual orders, late deliveries and costly routes.',
  allowed: (p) => p.supply,
};

export const SUPPLY_PAGES: readonly GuardedPageInfo[] = [
  SUPPLY_DASHBOARD_PAGE,
  SUPPLY_INVENTORY_PAGE,
  SUPPLY_DECISIONS_PAGE,
  SUPPLY_FORECASTS_PAGE,
  SUPPLY_MODELS_PAGE,
  SUPPLY_NETWORK_PAGE,
  SUPPLY_SIMULATIONS_PAGE,
];

export const STATUS_MODULE: ModuleInfo = {
  path: '/',
  label: 'Status',
  title: 'System status',
  description: 'Live readiness of the PlantIntel server and its database, checked every 5 seconds.',
};

export const MODULES: readonly ModuleInfo[] = [
  STATUS_MODULE,
  {
    path: '/plant',
    label: 'Plant operations',
    title: 'Plant operations',
    description: 'Lines, batches, downtime and OEE across your plants, live.',
    pages: PLANT_PAGES,
  },
  {
    path: '/telemetry',
    label: 'Telemetry',
    title: 'Telemetry',
    description: 'Sensors, their readings live and over time, and the alarms they raise.',
    pages: TELEMETRY_PAGES,
  },
  {
    path: '/analytics',
    label: 'Analytics',
    title: 'Analytics',
    description:
      'Work orders from your ERP exports, mapped onto one schema; analyses of throughput, scrap, cost and downtime build on them.',
    pages: ANALYTICS_PAGES,
  },
  {
    path: '/inspection',
    label: 'Inspection',
    title: 'Inspection',
    description:
      'X-ray inspection of parts: camera images with their defects and verdicts, live; regions with acceptance rules; dispositions and defect statistics.',
    pages: INSPECTION_PAGES,
  },
  {
    path: '/supply',
    label: 'Supply chain',
    title: 'Supply chain',
    description:
      'Inventory at every warehouse, demand forecasts with their intervals, reorder policies, and replenishment proposals to approve, with the reasons behind each quantity.',
    pages: SUPPLY_PAGES,
  },
  {
    path: '/ai',
    label: 'AI gateway',
    title: 'AI gateway',
    description:
      'Pipelines that answer every AI call, OpenAI- and Anthropic-compatible endpoints, caching, live metrics and sector dashboards.',
    pages: AI_PAGES,
  },
  {
    path: '/automation',
    label: 'Automation',
    title: 'Automation',
    description:
      'Scheduled analyses, notification rules and channels (email, webhooks, the in-app bell) and the log of every delivery.',
    pages: AUTOMATION_PAGES,
  },
];

export function findModule(path: string): ModuleInfo | undefined {
  return MODULES.find((entry) => entry.path === path);
}

export const USERS_PAGE: GuardedPageInfo = {
  path: '/admin/users',
  label: 'Users',
  title: 'Users',
  description: 'Members of your organisation: add people, change their role, deactivate or reactivate them.',
  allowed: (p) => p.users,
};

export const API_KEYS_PAGE: GuardedPageInfo = {
  path: '/admin/api-keys',
  label: 'API keys',
  title: 'API keys',
  description:
    'Keys that let scripts and machines call the PlantIntel API (sent as X-API-Key). Admins see every key of the organisation.',
  allowed: (p) => p.apiKeys,
};

export const AUDIT_LOG_PAGE: GuardedPageInfo = {
  path: '/admin/audit-log',
  label: 'Audit log',
  title: 'Audit log',
  description: 'Who did what, and when, in your organisation (newest first).',
  allowed: (p) => p.auditLog,
};

export const CUSTOMERS_PAGE: GuardedPageInfo = {
  path: '/admin/customers',
  label: 'Customers',
  title: 'Customers',
  description: 'Organisations using this PlantIntel platform, their plans and facilities.',
  allowed: (p) => p.customers,
};

export const ADMIN_PAGES: readonly GuardedPageInfo[] = [
  USERS_PAGE,
  API_KEYS_PAGE,
  AUDIT_LOG_PAGE,
  CUSTOMERS_PAGE,
];
