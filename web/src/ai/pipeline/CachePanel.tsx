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
  const stats = cache.data?.totals;
  const outcomes = cache.data?.outcomes;
  const entries = cache.data?.entries.items ?? [];
  const embedder = cache.data?.embedder;
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
      {invalidate.data ? (
        <p className="notice notice-success" role="status" data-testid="cache-cleared">
          The cache was emptied: {formatCount(invalidate.data.removed)} entries removed.
        </p>
      ) : null}
      {stats && outcomes ? (
        <dl className="facts" data-testid="cache-stats">
          <Fact label="Entries" testId="cache-entries">
            {formatCount(stats.live)}
            {stats.entries > stats.live ? (
              <span className="muted"> (+{formatCount(stats.entries - stats.live)} expired)</span>
            ) : null}
          </Fact>
          <Fact label={`Exact / semantic hits, ${cache.data?.hours ?? 24} h`}>
            {formatCount(outcomes.exact)} / {formatCount(outcomes.semantic)}
          </Fact>
          <Fact label="Misses">{formatCount(outcomes.miss)}</Fact>
          <Fact label="Hit rate">
            {outcomes.hitRate === null ? 'no lookups' : formatPercent(outcomes.hitRate)}
          </Fact>
          <Fact label="Tokens saved">{formatTokens(outcomes.tokensSaved)}</Fact>
          <Fact label="Cost saved">{formatUsd(outcomes.costSavedUsd)}</Fact>
          {embedder ? (
            <Fact label="Semantic embedder" testId="cache-embedder">
              {embedder.model === null ? 'built-in (offline)' : `${embedder.model} (upstream)`}
              <span className="muted"> · default threshold {embedder.defaultThreshold}</span>
              {embedder.failures > 0 ? (
                <span className="muted">
                  {' '}
                  · {formatCount(embedder.failures)} embedding failures since start
                </span>
              ) : null}
            </Fact>
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
              <td className="cell-details">{e.answerPreview}</td>
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
