// A pipeline's requests, newest first: when, through which protocol, the cache's outcome, status,
// latency, tokens and cost. New ones appear as they are recorded (the page's live topic).
import { useState } from 'react';
import { QueryTable } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { formatCount, formatMs, formatUsd } from '../format';
import { usePipelineRequests } from '../hooks';

const CACHE_LABEL: Record<string, string> = {
  off: 'no cache',
  miss: 'miss',
  exact: 'exact hit',
  semantic: 'semantic hit',
};
const CACHE_BADGE: Record<string, string> = {
  off: 'badge-neutral',
  miss: 'badge-neutral',
  exact: 'badge-ok',
  semantic: 'badge-ok',
};

export function RecentRequests({ pipelineId }: { pipelineId: string }) {
  const [offset, setOffset] = useState(0);
  const requests = usePipelineRequests(pipelineId, offset);
  return (
    <section className="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">Recent requests</h2>
      <QueryTable
        query={requests}
        loading="Loading the requests…"
        errorTitle="Could not load the requests"
        empty="No request yet. Send one with the example below; it appears here as soon as it is recorded."
        emptyTestId="requests-empty"
        columns={[
          'When',
          'Protocol',
          'Purpose',
          'Cache',
          'Status',
          'Latency',
          'Tokens in / out',
          'Cost',
          'Version',
        ]}
        dense
        caption="Recent requests"
        testId="requests-table"
        row={(r) => (
          <tr data-testid="request-row">
            <th scope="row" className="cell-nowrap">
              {formatDateTime(r.at)}
            </th>
            <td>{r.protocol}</td>
            <td>{r.purpose}</td>
            <td>
              <span className={`badge ${CACHE_BADGE[r.cache] ?? 'badge-neutral'}`}>
                {CACHE_LABEL[r.cache] ?? r.cache}
              </span>
            </td>
            <td>
              <span className={`badge ${r.status === 'ok' ? 'badge-ok' : 'badge-bad'}`}>{r.status}</span>
              {r.errorCode ? <span className="muted"> {r.errorCode}</span> : null}
            </td>
            <td className="numeric">{formatMs(r.latencyMs)}</td>
            <td className="numeric cell-nowrap">
              {formatCount(r.tokensIn)} / {formatCount(r.tokensOut)}
            </td>
            <td className="numeric">{formatUsd(r.costUsd)}</td>
            <td className="numeric">v{r.pipelineVersion}</td>
          </tr>
        )}
      />
      <Pagination page={requests.data} onChange={setOffset} label="Requests" />
    </section>
  );
}
