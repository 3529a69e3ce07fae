// What every analyzer shares (issue 14): the work orders of one import as columns, the insight
// shape, the per-analyzer result and the context an analyzer runs in. Analyzers are pure
// functions of (frame, config, baselines) → result, so they run in worker threads and in tests
// without a database; the orchestrator turns their row selections back into rows of the import.
import type { ConfigValues } from './config.ts';

/** A text column, dictionary-encoded: codes index `dict`; -1 is empty. */
export interface TextColumn {
  codes: Int32Array;
  dict: string[];
}

/**
 * The work orders of one import, one entry per canonical field that the import mapped and that
 * holds at least one value. Numbers, integers and flags (0/1) are Float64Arrays with NaN for empty;
 * dates are epoch milliseconds (NaN for empty); texts are dictionary-encoded.
 */
export interface WorkOrderFrame {
  n: number;
  /** work_orders.id of each row: how an insight points back at the rows behind it. */
  ids: Float64Array;
  /** The file's data row of each work order. */
  rowNo: Int32Array;
  numbers: Record<string, Float64Array>;
  texts: Record<string, TextColumn>;
}

export const ANALYZERS = ['cost', 'equipment', 'quality', 'efficiency'] as const;
export type AnalyzerName = (typeof ANALYZERS)[number];
/** Insights that look across analyzers (baselines, trends, correlations) carry this name. */
export type InsightSource = AnalyzerName | 'cross';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ENTITY_TYPES = [
  'machine',
  'workCenter',
  'part',
  'partFamily',
  'supplier',
  'operator',
  'shift',
  'customer',
  'materialLot',
  'downtimeReason',
  'defectType',
  'workOrder',
  'condition',
  'facility',
  'metric',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The canonical text field each entity type is read from (condition/facility/metric have none). */
export const ENTITY_FIELD: Partial<Record<EntityType, string>> = {
  machine: 'machine',
  workCenter: 'workCenter',
  part: 'partNumber',
  partFamily: 'partFamily',
  supplier: 'supplier',
  operator: 'operator',
  shift: 'shift',
  customer: 'customer',
  materialLot: 'materialLot',
  downtimeReason: 'downtimeReason',
  defectType: 'defectType',
  workOrder: 'workOrder',
};

export interface Impact {
  /** Money lost (or at stake) in the tenant's currency over the import's period. */
  currency: number | null;
  hours: number | null;
  /** Pieces (scrap, rework, lost output). */
  units: number | null;
  /** How the figures were computed, in words and numbers, e.g. "(1.28 − 1.00) × 41,200 planned". */
  formula: string;
  /**
   * What ranking uses: currency, else hours × default_labor_rate, else units × the average unit
   * cost (see `impactScore`). Same unit as currency.
   */
  score: number;
}

export interface Evidence {
  /** The metric compared, e.g. "scrap rate" or "mean downtime per work order (min)". */
  metric: string;
  value: number;
  /** The same metric over the rest (other entities), or the facility's baseline. */
  baseline: number | null;
  /** What plan or target says it should be. */
  expected: number | null;
  statistic: { name: 'z' | 't' | 'tau' | 'rho' | 'chi2' | 'auc'; value: number } | null;
  /** Adjusted for multiple comparisons where several entities were tested. */
  pValue: number | null;
  sampleSize: number;
}

/**
 * The rows behind an insight: the work orders of one entity (optionally only those where a numeric
 * field is above a value), explicit work_orders ids (outliers; at most MAX_ROW_IDS), or every row.
 */
export type RowSelector =
  | { kind: 'entity'; field: string; value: string; where?: { field: string; above: number } }
  | { kind: 'condition'; where: { field: string; above: number } }
  | { kind: 'ids'; ids: number[] }
  | { kind: 'all' };

export const MAX_ROW_IDS = 1000;

export interface ChartPoint {
  label: string;
  value: number;
}

export interface Chart {
  id: string;
  kind: 'pareto' | 'bar' | 'line';
  title: string;
  unit: string;
  points: ChartPoint[];
}

export interface Insight {
  /** Stable within an analysis: analyzer, kind and entity, e.g. "quality:scrap-rate:supplier:ACME". */
  key: string;
  analyzer: InsightSource;
  /** Dotted, analyzer first: "cost.material-variance", "equipment.downtime". */
  kind: string;
  severity: Severity;
  title: string;
  detail: string;
  entity: { type: EntityType; id: string } | null;
  impact: Impact;
  evidence: Evidence;
  recommendation: string;
  rows: RowSelector;
  /** How many work orders the selector covers. */
  rowCount: number;
  chart?: Chart;
}

export interface AnalyzerResult {
  analyzer: AnalyzerName;
  insights: Insight[];
  /** Facility-level figures (e.g. "quality.scrapRatePct"): kept as baselines for later analyses. */
  metrics: Record<string, number>;
  charts: Chart[];
  /** What the analyzer could not do and why (e.g. "no failure flag mapped: no risk model"). */
  notes: string[];
}

export interface Baseline {
  metric: string;
  /** Mean of the metric over earlier analyses of the facility inside baseline_window_days. */
  value: number;
  analyses: number;
}

export interface AnalyzerContext {
  frame: WorkOrderFrame;
  config: ConfigValues;
  /** By metric name; empty on a facility's first analysis. */
  baselines: Record<string, Baseline>;
}
