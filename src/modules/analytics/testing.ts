// Test helpers of the analytics module.
import type { Executor } from '../../platform/db/database.ts';
import { type ImportInsert, insertImport } from './imports.repo.ts';

/** An import row with no file behind it, for tests that store its work orders themselves. */
export function insertBareImport(
  tx: Executor,
  tenant: { id: string; facilityId: string },
  fileHash: string,
  values: Partial<ImportInsert> = {},
) {
  return insertImport(tx, {
    tenantId: tenant.id,
    facilityId: tenant.facilityId,
    fileName: 'wo.csv',
    fileSize: 1,
    fileHash,
    mappings: [],
    ...values,
  });
}
