// The batches list as a table for CSV/XLSX export: the list API's rows (presentBatch), with the
// columns named for people and ratios as percentages.
import type { TableColumn } from '../../platform/export/tabular.ts';
import type { presentBatch } from './presenters.ts';

type Batch = ReturnType<typeof presentBatch>;

export const BATCH_COLUMNS: TableColumn[] = [
  { key: 'code', header: 'Batch' },
  { key: 'lineName', header: 'Line' },
  { key: 'productSku', header: 'Product SKU' },
  { key: 'productName', header: 'Product' },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'plannedQuantity', header: 'Planned quantity (units)', type: 'number' },
  { key: 'idealCycleSeconds', header: 'Ideal cycle (s/unit)', type: 'number' },
  { key: 'plannedStart', header: 'Planned start (UTC)', type: 'date' },
  { key: 'plannedEnd', header: 'Planned end (UTC)', type: 'date' },
  { key: 'startedAt', header: 'Started (UTC)', type: 'date' },
  { key: 'completedAt', header: 'Completed (UTC)', type: 'date' },
  { key: 'goodCount', header: 'Good (units)', type: 'number' },
  { key: 'scrapCount', header: 'Scrap (units)', type: 'number' },
  { key: 'reworkCount', header: 'Rework (units)', type: 'number' },
  { key: 'labourHours', header: 'Labour (h)', type: 'number' },
  { key: 'labourRate', header: 'Labour rate (per h)', type: 'number' },
  { key: 'materialCostPerUnit', header: 'Material cost (per unit)', type: 'number' },
  { key: 'oee', header: 'OEE (%)', type: 'number' },
  { key: 'availability', header: 'Availability (%)', type: 'number' },
  { key: 'performance', header: 'Performance (%)', type: 'number' },
  { key: 'quality', header: 'Quality (%)', type: 'number' },
  { key: 'unplannedDowntimeMinutes', header: 'Unplanned downtime (min)', type: 'number' },
  { key: 'scrapCost', header: 'Scrap cost', type: 'number' },
  { key: 'notes', header: 'Notes', width: 40 },
  { key: 'createdAt', header: 'Created (UTC)', type: 'date' },
  { key: 'id', header: 'Batch ID', width: 38 },
];

/** A ratio (0–1) as a percentage with two decimals; null stays empty. */
export const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? null : Math.round(ratio * 10_000) / 100;

export function batchRecord(b: Batch): Record<string, unknown> {
  return {
    ...b,
    oee: percent(b.oee?.oee),
    availability: percent(b.oee?.availability),
    performance: percent(b.oee?.performance),
    quality: percent(b.oee?.quality),
    unplannedDowntimeMinutes: b.oee?.unplannedDowntimeMinutes ?? null,
    scrapCost: b.oee?.costs.scrap ?? null,
  };
}
