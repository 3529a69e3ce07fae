// A pipeline's cache: its entries, hits and misses, what it saved, the newest entries, and a
// button that empties it (analysts).
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { formatDateTime } from '../../format';
import { formatCount, formatPercent, formatTokens, formatUsd } from '../format';
import { useInvalidateCache, usePipelineCache } from '../hooks';

export function CachePanel({ pipelineId, canChange }: { pipelineId: string; canChange: boolean }) {
  const cache = usePipelineCache(pipelineId);
  const invalidate = useInvalidateCache();
  const stats = cache.data?.stats;
  const entries = cache.data?.entries.items ?? [];
  return (
    <section className="card" aria-labelledby="cache-heading" data-testid="cache-panel">
      <div className="card-heading">
        <h2 id="cache-heading">Cache</h2>
        {canChange ? (
          <ConfirmButton
            label="Invalidate cache"
            title="Empty this pipeline’s cache?"
            message={
              <p>Every cached answer of this pipeline is deleted; the next requests go to the model.</p>
            }
            confirmLabel="Invalidate"
            disabled={invalidate.isPending || !stats || stats.entries === 0}
            onConfirm={() => invalidate.mutate(pipelineId)}
          />
        ) : null}
      </div>
      {cache.isPending ? <p className="state-message">Loading the cache…</p> : null}
      {cache.error ? <ErrorNotice error={cache.error} title="Could not load the cache" /> : null}
      {invalidate.error ? <ErrorNotice error={invalidate.error} title="The cache was not emptied" /> : null}
      {invalidate.isSuccess ? (
        <p className="notice notice-success" role="status">
          The cache was emptied.
        </p>
      ) : null}
      {stats ? (
        <dl className="facts" data-testid="cache-stats">
          <Fact label="Entries" testId="cache-entries">
            {formatCount(stats.entries)}
          </Fact>
          <Fact label="Hits">{formatCount(stats.hits)}</Fact>
          <Fact label="Misses">{formatCount(stats.misses)}</Fact>
          <Fact label="Hit rate">{formatPercent(stats.hitRate)}</Fact>
          {stats.tokensSaved !== undefined ? (
            <Fact label="Tokens saved">{formatTokens(stats.tokensSaved)}</Fact>
          ) : null}
          {stats.costSaved !== undefined ? (
            <Fact label="Cost saved">{formatUsd(stats.costSaved)}</Fact>
          ) : null}
        </dl>
      ) : null}
      {cache.data && entries.length === 0 ? (
        <p className="state-message">Nothing cached: answers are stored once a cache node is in the graph.</p>
      ) : null}
      {entries.length > 0 ? (
        <DataTable
          columns={['Query', 'Hits', 'Tokens', 'Cached', 'Last hit', 'Expires']}
          dense
          caption="Newest cache entries"
        >
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="cell-details">
                {e.queryText}
              </th>
              <td className="numeric">{formatCount(e.hits)}</td>
              <td className="numeric">{formatCount(e.tokensIn + e.tokensOut)}</td>
              <td className="cell-nowrap">{formatDateTime(e.createdAt)}</td>
              <td className="cell-nowrap">{formatDateTime(e.lastHitAt)}</td>
              <td className="cell-nowrap">{formatDateTime(e.expiresAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
