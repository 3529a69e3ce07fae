// Shapes and calls of the analyses endpoints (/api/v1/analytics/analyses, the analyzer configuration),
// their query keys, and the events pushed on `analysis:<id>`.
import type { components } from '../api-schema';
import { client } from '../typed-api';

type Schemas = components['schemas'];
export type AnalysisSummary = Schemas['AnalysisSummary'];
export type AnalysisDetail = Schemas['AnalysisDetail'];
export type AnalysisStatus = AnalysisSummary['status'];
export type Insight = Schemas['Insight'];
export type Severity = Insight['severity'];
export type InsightSource = Insight['analyzer'];
export type EntityType = NonNullable<Insight['entity']>['type'];
export type ChatMessage = Schemas['ChatMessage'];
export type AnalyzerConfig = Schemas['AnalyzerConfig'];
export type ConfigVariable = Schemas['ConfigVariable'];
export type ConfigChange = Schemas['ConfigChange'];
export type ConfigHistoryEntry = Schemas['ConfigHistoryEntry'];
export type PresetType = AnalyzerConfig['presetType'];
export type ConfigValue = AnalyzerConfig['values'][string];
export type ConfigValues = Schemas['AnalyzerConfigValues'];

export const ANALYSIS_STATUSES = ['processing', 'completed', 'failed'] as const;
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
/** The analyzers in the order the page shows them; `cross` looks across the other four. */
export const INSIGHT_SOURCES: readonly InsightSource[] = [
  'cost',
  'equipment',
  'quality',
  'efficiency',
  'cross',
];
export const PRESET_TYPES: readonly PresetType[] = ['conservative', 'balanced', 'aggressive', 'custom'];

export const isAnalysisFinished = (status: AnalysisStatus | undefined) =>
  status === 'completed' || status === 'failed';

// The API types `results`, `analyzers` and a chat message's `sources` as open objects: what the
// server's orchestrator and chat store there (analyze.job.ts, chat.service.ts) is read defensively.

/** A chart of `results.charts`: bars (a Pareto: largest first, with the cumulative share) or a line. */
export interface AnalysisChart {
  id: string;
  kind: 'pareto' | 'bar' | 'line';
  title: string;
  unit: string;
  points: { label: string; value: number }[];
}

/** What one analyzer did: ran (with its notes) or was skipped for the fields it lacked. */
export interface AnalyzerRun {
  status: 'completed' | 'skipped';
  ms: number;
  insights: number;
  notes: string[];
  lacked: string[];
}

export interface AnalysisResults {
  metrics: Record<string, number>;
  charts: AnalysisChart[];
  fields: string[];
  baselinesCompared: number;
}

/**
 * What an answer of the chat drew on: insights by rank, metrics and charts by name; and why, if so,
 * PlantIntel's own grounded answer stands in for the model's.
 */
export interface ChatSources {
  insights: number[];
  metrics: string[];
  charts: string[];
  fallback: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = <T>(value: unknown, item: (x: unknown) => x is T): T[] =>
  Array.isArray(value) ? value.filter(item) : [];
const isText = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isChart(value: unknown): value is AnalysisChart {
  return (
    isRecord(value) &&
    isText(value.id) &&
    (value.kind === 'pareto' || value.kind === 'bar' || value.kind === 'line') &&
    Array.isArray(value.points)
  );
}

export function resultsOf(analysis: AnalysisDetail): AnalysisResults {
  const results = isRecord(analysis.results) ? analysis.results : {};
  const summary = isRecord(results.summary) ? results.summary : {};
  const metrics = isRecord(results.metrics) ? results.metrics : {};
  return {
    metrics: Object.fromEntries(Object.entries(metrics).filter(([, v]) => isNumber(v))) as Record<
      string,
      number
    >,
    charts: listOf(results.charts, isChart),
    fields: listOf(summary.fields, isText),
    baselinesCompared: isNumber(summary.baselinesCompared) ? summary.baselinesCompared : 0,
  };
}

export function analyzerRunsOf(analysis: AnalysisDetail): Partial<Record<InsightSource, AnalyzerRun>> {
  const runs: Partial<Record<InsightSource, AnalyzerRun>> = {};
  for (const source of INSIGHT_SOURCES) {
    const run = analysis.analyzers[source];
    if (!isRecord(run)) continue;
    runs[source] = {
      status: run.status === 'skipped' ? 'skipped' : 'completed',
      ms: isNumber(run.ms) ? run.ms : 0,
      insights: isNumber(run.insights) ? run.insights : 0,
      notes: listOf(run.notes, isText),
      lacked: listOf(run.lacked, isText),
    };
  }
  return runs;
}

/** The sources of a stored answer (or of the `done` event, with its `fallback` given apart). */
export function sourcesOf(value: unknown, fallback?: unknown): ChatSources {
  const sources = isRecord(value) ? value : {};
  const stand = fallback ?? sources.fallback;
  return {
    insights: listOf(sources.insights, isNumber),
    metrics: listOf(sources.metrics, isText),
    charts: listOf(sources.charts, isText),
    fallback: isRecord(stand) && isText(stand.reason) ? stand.reason : null,
  };
}

export interface AnalysisFilter {
  status?: AnalysisStatus;
  facilityId?: string;
  importId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Tenant-wide (null) or one facility's configuration. */
const scope = (facilityId: string | null) => (facilityId ? { facilityId } : {});

const BASE = '/api/v1/analytics/analyses';

export const analysesApi = {
  list: (filter: AnalysisFilter, signal?: AbortSignal) =>
    client.get('/api/v1/analytics/analyses', { query: filter, signal }),
  get: (id: string, signal?: AbortSignal) =>
    client.get('/api/v1/analytics/analyses/{id}', { path: { id }, signal }),
  start: (importId: string) => client.post('/api/v1/analytics/analyses', { body: { importId } }),
  remove: (id: string) => client.delete('/api/v1/analytics/analyses/{id}', { path: { id } }),
  insightRows: (id: string, rank: number, page: { limit: number; offset: number }, signal?: AbortSignal) =>
    client.get('/api/v1/analytics/analyses/{id}/insights/{rank}/rows', {
      path: { id, rank },
      query: page,
      signal,
    }),
  messages: (id: string, signal?: AbortSignal) =>
    client.get('/api/v1/analytics/analyses/{id}/messages', { path: { id }, query: {}, signal }),
  presets: (signal?: AbortSignal) => client.get('/api/v1/analytics/config/presets', { signal }),
  config: (facilityId: string | null, signal?: AbortSignal) =>
    client.get('/api/v1/admin/config', { query: scope(facilityId), signal }),
  saveConfig: (facilityId: string | null, presetType: PresetType, config: ConfigValues) =>
    client.put('/api/v1/admin/config', { query: scope(facilityId), body: { presetType, config } }),
  configHistory: (facilityId: string | null, signal?: AbortSignal) =>
    client.get('/api/v1/admin/config/history', { query: scope(facilityId), signal }),
};

export const analysisExportPath = (id: string, format: 'csv' | 'json') =>
  `${BASE}/${encodeURIComponent(id)}/export?format=${format}`;
export const analysisChatPath = (id: string) => `${BASE}/${encodeURIComponent(id)}/chat`;

export const analysisKeys = {
  all: ['analytics', 'analyses'] as const,
  list: (filter: AnalysisFilter) => ['analytics', 'analyses', 'list', filter] as const,
  detail: (id: string) => ['analytics', 'analyses', 'detail', id] as const,
  rows: (id: string, rank: number, offset: number) =>
    ['analytics', 'analyses', 'rows', id, rank, offset] as const,
  messages: (id: string) => ['analytics', 'analyses', 'messages', id] as const,
  presets: ['analytics', 'config', 'presets'] as const,
  config: (facilityId: string | null) => ['analytics', 'config', 'values', facilityId ?? ''] as const,
  history: (facilityId: string | null) => ['analytics', 'config', 'history', facilityId ?? ''] as const,
};

export const analysisTopic = (id: string) => `analysis:${id}`;

/** `data` of AnalysisProgress, AnalysisCompleted and AnalysisFailed, pushed on `analysis:<id>`. */
export interface AnalysisEvent {
  analysisId: string;
  status: AnalysisStatus;
  percent: number;
  message: string;
  insightCount: number;
  errorMessage: string | null;
}

const ANALYSIS_EVENTS = new Set(['AnalysisProgress', 'AnalysisCompleted', 'AnalysisFailed']);

export function analysisEventOf(event: { type: string; data: unknown }): AnalysisEvent | null {
  if (!ANALYSIS_EVENTS.has(event.type) || !isRecord(event.data)) return null;
  const { analysisId, status, percent, message, insightCount } = event.data;
  if (!isText(analysisId) || !isText(status) || !isNumber(percent)) return null;
  return {
    analysisId,
    status: status as AnalysisStatus,
    percent,
    message: isText(message) ? message : '',
    insightCount: isNumber(insightCount) ? insightCount : 0,
    errorMessage: isText(event.data.errorMessage) ? event.data.errorMessage : null,
  };
}
