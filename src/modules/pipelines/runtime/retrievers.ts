// SCAFFOLD (lead): the runtime helper replaces this file.
import type { Db } from '../../../platform/db/database.ts';
import type { Retrievers } from '../contracts.ts';

export function createRetrievers(_deps: { db: Db }): Retrievers {
  return { analysis: async () => null, alarms: async () => null, sensors: async () => null };
}
