// Every version a pipeline has had: when, its node count, and which one serves requests now.
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format';
import { useVersions } from '../hooks';

export function Versions({ pipelineId, current }: { pipelineId: string; current: number }) {
  const versions = useVersions(pipelineId);
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {versions.isPending ? <p className="state-message">Loading the versions…</p> : null}
      {versions.error ? <ErrorNotice error={versions.error} title="Could not load the versions" /> : null}
      {versions.data && items.length === 0 ? <p className="state-message">No version recorded.</p> : null}
      {items.length > 0 ? (
        <DataTable
          columns={['Version', 'Saved', 'Nodes', 'Connections', 'Node types']}
          dense
          caption="Versions"
        >
          {items.map((v) => (
            <tr key={v.version} data-testid="version-row">
              <th scope="row">
                v{v.version}
                {v.version === current ? <span className="badge badge-ok badge-inline">serving</span> : null}
              </th>
              <td className="cell-nowrap">{formatDateTime(v.createdAt)}</td>
              <td className="numeric">{v.nodes.length}</td>
              <td className="numeric">{v.connections.length}</td>
              <td className="cell-details">{[...new Set(v.nodes.map((n) => n.type))].join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
