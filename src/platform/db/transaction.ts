import type { Executor, Tx } from './database.ts';

/**
 * Runs `work` in a transaction. Given an open transaction it joins it (so a service can call
 * another service's method inside its own unit of work); given the database it opens one.
 */
export async function withTransaction<T>(executor: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(executor)) return work(executor);
  return executor.transaction(work);
}

export function isTransaction(executor: Executor): executor is Tx {
  return 'rollback' in executor && typeof executor.rollback === 'function';
}
