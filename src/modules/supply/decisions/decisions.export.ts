// The decisions list as a table for CSV/XLSX export: the list API's rows (presentDecision), with
// the columns named for people. Scope and constraints are written as JSON text.
import type { TableColumn } from '../../../platform/export/tabular.ts';
import type { presentDecision } from './presenters.ts';

type Decision = ReturnType<typeof presentDecision>;

export const DECISION_COLUMNS: TableColumn[] = [
  { key: 'createdAt', header: 'Requested (UTC)', type: 'date' },
  { key: 'type', header: 'Type', width: 14 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'summary', header: 'Summary', width: 50 },
  { key: 'actionCount', header: 'Actions', type: 'number', width: 10 },
  { key: 'predictedCost', header: 'Predicted cost', type: 'number' },
  { key: 'confidence', header: 'Confidence (%)', type: 'number' },
  { key: 'confidenceNote', header: 'Confidence note', width: 40 },
  { key: 'decidedAt', header: 'Decided (UTC)', type: 'date' },
  { key: 'decisionNote', header: 'Decision note', width: 40 },
  { key: 'executedAt', header: 'Executed (UTC)', type: 'date' },
  { key: 'errorMessage', header: 'Error', width: 40 },
  { key: 'scope', header: 'Scope (JSON)', width: 40 },
  { key: 'constraints', header: 'Constraints (JSON)', width: 40 },
  { key: 'id', header: 'Decision ID', width: 38 },
];

export function decisionRecord(d: Decision): Record<string, unknown> {
  return {
    ...d,
    confidence: d.confidence === null ? null : Math.round(d.confidence * 10_000) / 100,
  };
}
