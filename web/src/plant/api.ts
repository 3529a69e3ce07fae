// Shapes and calls of the plant-operations endpoints (/api/v1/plant-ops, see openapi.snapshot.json),
// the query keys every view shares, and the events pushed on `line:<id>` and `batch:<id>` topics.
import { api, withQuery } from '../api';

export const LINE_STATUSES = ['running', 'idle', 'down', 'maintenance'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const BATCH_STATUSES = ['planned', 'running', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Line {
  id: string;
  facilityId: string;
  code: string;
  name: string;
  description: string | null;
  status: LineStatus;
  statusSince: string;
  statusReasonCode: string | null;
  /** Fraction (0.85 = 85 %). */
  oeeTarget: number;
  scrapThreshold: number;
  createdAt: string;
}

export interface StatusSpan {
  status: LineStatus;
  reasonCode: string | null;
  note: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface LineDetail {
  line: Line;
  currentBatch: Batch | null;
  /** Newest first. */
  recentStatus: StatusSpan[];
}

export interface DowntimeReason {
  code: string;
  label: string;
  planned: boolean;
  category: string;
  active: boolean;
}

/** Ratios are fractions and null when undefined (no planned production time, no pieces). */
export interface BatchOee {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
  performanceAboveIdeal: boolean;
  scrapRate: number | null;
  yield: number | null;
  plannedProductionMinutes: number;
  plannedStopMinutes: number;
  unplannedDowntimeMinutes: number;
  runMinutes: number;
  totalCount: number;
  costs: { labour: number; material: number; scrap: number };
}

export interface Batch {
  id: string;
  code: string;
  lineId: string;
  lineName: string | null;
  facilityId: string;
  productSku: string;
  productName: string | null;
  plannedQuantity: number;
  idealCycleSeconds: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  labourRate: number;
  materialCostPerUnit: number;
  status: BatchStatus;
  startedAt: string | null;
  completedAt: string | null;
  goodCount: number | null;
  scrapCount: number | null;
  reworkCount: number | null;
  labourHours: number | null;
  notes: string | null;
  oee: BatchOee | null;
  createdAt: string;
}

export interface OeeLosses {
  /** Unplanned downtime. */
  availabilityMinutes: number;
  /** Run time minus the ideal time of all pieces (negative above 100 %). */
  performanceMinutes: number;
  /** Ideal time spent on scrapped and reworked pieces. */
  qualityMinutes: number;
}

export interface OeeFigures {
  plannedProductionMinutes: number;
  runMinutes: number;
  totalCount: number;
  goodCount: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
  losses: OeeLosses;
}

export type OeeGroupBy = 'line' | 'day' | 'shift';

export interface OeeGroup extends OeeFigures {
  key: string;
  label: string;
  batches: number;
}

export interface OeeReport {
  groupBy: OeeGroupBy;
  from: string;
  to: string;
  groups: OeeGroup[];
  total: OeeFigures;
}

export interface ParetoItem {
  reasonCode: string;
  label: string;
  category: string;
  planned: boolean;
  minutes: number;
  stops: number;
  share: number;
  cumulativeShare: number;
}

export interface ParetoReport {
  from: string;
  to: string;
  totalMinutes: number;
  items: ParetoItem[];
}

export interface StatusChange {
  status: LineStatus;
  reasonCode?: string;
  note?: string;
}

export interface NewBatch {
  lineId: string;
  productSku: string;
  plannedQuantity: number;
  idealCycleSeconds: number;
  productName?: string;
  plannedStart?: string;
  plannedEnd?: string;
  labourRate?: number;
  materialCostPerUnit?: number;
  notes?: string;
  code?: string;
}

export interface Completion {
  goodCount: number;
  scrapCount: number;
  reworkCount?: number;
  labourHours?: number;
}

export interface BatchFilter {
  lineId?: string;
  status?: BatchStatus | '';
  limit: number;
  offset: number;
}

export interface OeeQuery {
  groupBy: OeeGroupBy;
  from: string;
  to: string;
  lineId?: string;
  facilityId?: string;
}

export interface ParetoQuery {
  from: string;
  to: string;
  lineId?: string;
  facilityId?: string;
  includePlanned?: boolean;
}

const BASE = '/api/v1/plant-ops';
const id = (value: string) => encodeURIComponent(value);

export const plantApi = {
  lines: (signal?: AbortSignal) => api.get<Page<Line>>(withQuery(`${BASE}/lines`, { limit: 200 }), signal),
  line: (lineId: string, signal?: AbortSignal) => api.get<LineDetail>(`${BASE}/lines/${id(lineId)}`, signal),
  changeStatus: (lineId: string, change: StatusChange) =>
    api.post<Line>(`${BASE}/lines/${id(lineId)}/status`, change),
  reasons: (signal?: AbortSignal) =>
    api.get<{ items: DowntimeReason[] }>(`${BASE}/downtime-reasons`, signal).then((body) => body.items),
  batches: (filter: BatchFilter, signal?: AbortSignal) =>
    api.get<Page<Batch>>(withQuery(`${BASE}/batches`, { ...filter }), signal),
  batch: (batchId: string, signal?: AbortSignal) => api.get<Batch>(`${BASE}/batches/${id(batchId)}`, signal),
  createBatch: (input: NewBatch) => api.post<Batch>(`${BASE}/batches`, input),
  startBatch: (batchId: string) => api.post<Batch>(`${BASE}/batches/${id(batchId)}/start`, {}),
  completeBatch: (batchId: string, input: Completion) =>
    api.post<Batch>(`${BASE}/batches/${id(batchId)}/complete`, input),
  oee: (query: OeeQuery, signal?: AbortSignal) =>
    api.get<OeeReport>(withQuery(`${BASE}/oee`, { ...query }), signal),
  pareto: (query: ParetoQuery, signal?: AbortSignal) =>
    api.get<ParetoReport>(withQuery(`${BASE}/downtime/pareto`, { ...query }), signal),
};

export const plantKeys = {
  all: ['plant'] as const,
  lines: ['plant', 'lines'] as const,
  line: (lineId: string) => ['plant', 'line', lineId] as const,
  reasons: ['plant', 'reasons'] as const,
  batches: ['plant', 'batches'] as const,
  batchList: (filter: BatchFilter) => ['plant', 'batches', filter] as const,
  batch: (batchId: string) => ['plant', 'batch', batchId] as const,
  reports: ['plant', 'reports'] as const,
  oee: (query: OeeQuery) => ['plant', 'reports', 'oee', query] as const,
  pareto: (query: ParetoQuery) => ['plant', 'reports', 'pareto', query] as const,
};

/** Address of a batch's page in the dashboard. */
export const batchPath = (batchId: string) => `/plant/batches/${encodeURIComponent(batchId)}`;

export const lineTopic = (lineId: string) => `line:${lineId}`;
export const batchTopic = (batchId: string) => `batch:${batchId}`;

/** `data` of LineStatusChanged (and LineDowntime) events. */
export interface LineStatusEvent {
  lineId: string;
  status: LineStatus;
  previousStatus: LineStatus;
  reasonCode: string | null;
  note: string | null;
  at: string;
}

/** Batch events (BatchCreated, BatchStarted, BatchCompleted, ScrapDetected) all carry these. */
export interface BatchEvent {
  batchId: string;
  lineId: string;
  code: string;
  productSku: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isLineStatusEvent(value: unknown): value is LineStatusEvent {
  return (
    isRecord(value) &&
    typeof value.lineId === 'string' &&
    typeof value.at === 'string' &&
    LINE_STATUSES.includes(value.status as LineStatus)
  );
}

export function isBatchEvent(value: unknown): value is BatchEvent {
  return isRecord(value) && typeof value.batchId === 'string' && typeof value.lineId === 'string';
}
