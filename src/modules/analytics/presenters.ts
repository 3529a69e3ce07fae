// Rows → API objects for the analytics module.
import type { importErrors, imports } from '../../platform/db/schema/index.ts';
import type { CanonicalField } from './canonical.ts';
import type { ProfileRow } from './profiles.repo.ts';

type ImportRow = typeof imports.$inferSelect;
type ImportErrorRow = typeof importErrors.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentProfile(row: ProfileRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    erpSystem: row.erpSystem,
    dataGranularity: row.dataGranularity as 'header' | 'operation',
    aggregationStrategy: row.aggregationStrategy,
    mappings: row.mappings,
    configVariables: row.configVariables,
    isActive: row.isActive,
    usageCount: row.usageCount,
    lastUsed: iso(row.lastUsed),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentField(field: CanonicalField) {
  return {
    key: field.key,
    label: field.label,
    group: field.group,
    type: field.type,
    unit: field.unit ?? null,
    required: field.required ?? false,
    aggregation: field.aggregation,
    description: field.description,
  };
}

export function presentImport(row: ImportRow) {
  return {
    id: row.id,
    facilityId: row.facilityId,
    fileName: row.fileName,
    fileSize: row.fileSize,
    fileHash: row.fileHash,
    status: row.status as 'queued' | 'processing' | 'completed' | 'failed',
    duplicateOf: row.duplicateOf,
    profileId: row.profileId,
    profileVersion: row.profileVersion,
    autoMapped: row.autoMapped,
    granularity: row.granularity as 'header' | 'operation',
    rejectPolicy: row.rejectPolicy as 'skip' | 'fail',
    sheet: row.sheet,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    workOrders: row.workOrders,
    errorMessage: row.errorMessage,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
  };
}

export function presentImportDetail(row: ImportRow) {
  return {
    ...presentImport(row),
    mappings: row.mappings,
    aggregationStrategy: row.aggregationStrategy,
    detected: row.detected,
    timings: row.timings,
  };
}

export function presentImportError(row: Pick<ImportErrorRow, 'rowNo' | 'columnName' | 'value' | 'reason'>) {
  return { row: row.rowNo, column: row.columnName, value: row.value, reason: row.reason };
}
