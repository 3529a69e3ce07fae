// Batches, newest first, filtered by line and status (kept in the address), and planning a new one.
import { useState } from 'react';
import { withQuery } from '../api';
import { usePermissions } from '../auth/hooks';
import { QueryTable } from '../components/DataTable';
import { ExportMenu } from '../components/ExportMenu';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { PLANT_BATCHES_PAGE } from '../modules';
import { Link, navigate, useSearchParam } from '../router';
import { BATCH_STATUSES, type Batch, type BatchStatus, batchPath } from './api';
import { BatchStatusBadge } from './BatchStatusBadge';
import { CreateBatchForm } from './CreateBatchForm';
import { formatNumber, formatPercent, formatShortDateTime } from './format';
import { useBatches, useLines } from './hooks';
import { usePlantLive } from './live';

const PAGE_SIZE = 20;

const isBatchStatus = (value: string | null): value is BatchStatus =>
  BATCH_STATUSES.includes(value as BatchStatus);

function BatchRow({ batch }: { batch: Batch }) {
  const oee = batch.oee;
  return (
    <tr data-testid={`batch-${batch.code}`}>
      <td className="cell-nowrap">
        <Link to={batchPath(batch.id)}>{batch.code}</Link>
      </td>
      <td>{batch.lineName ?? '—'}</td>
      <td className="cell-nowrap" title={batch.productName ?? undefined}>
        {batch.productSku}
      </td>
      <td>
        <BatchStatusBadge status={batch.status} />
      </td>
      <td className="cell-number">{formatNumber(batch.plannedQuantity)}</td>
      <td className="cell-nowrap">
        {formatShortDateTime(batch.startedAt)}
        <br />
        <span className="muted">
          {batch.completedAt
            ? `– ${formatShortDateTime(batch.completedAt)}`
            : batch.startedAt
              ? 'running'
              : ''}
        </span>
      </td>
      <td className="cell-number">{formatNumber(batch.goodCount)}</td>
      <td className="cell-number">{formatPercent(oee?.scrapRate)}</td>
      <td className="cell-number cell-nowrap">
        {formatPercent(oee?.oee)}
        {oee?.performanceAboveIdeal ? (
          <span
            className="badge badge-warn badge-inline"
            title="Performance above 100 %: check the ideal cycle time"
          >
            P &gt; 100 %
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function BatchesPage() {
  const permissions = usePermissions();
  const lines = useLines();
  const lineId = useSearchParam('line') ?? '';
  const statusParam = useSearchParam('status');
  const status: BatchStatus | '' = isBatchStatus(statusParam) ? statusParam : '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [creating, setCreating] = useState(false);

  const filter = { lineId: lineId || undefined, status, limit: PAGE_SIZE, offset };
  const batches = useBatches(filter);
  usePlantLive((lines.data?.items ?? []).map((line) => line.id));

  const show = (next: { line?: string; status?: string; offset?: number }) => {
    const params = { line: lineId, status, offset: 0, ...next };
    navigate(withQuery('/plant/batches', { ...params, offset: params.offset || undefined }), {
      replace: true,
    });
  };

  return (
    <>
      <PageHeader
        title={PLANT_BATCHES_PAGE.title}
        description={PLANT_BATCHES_PAGE.description}
        actions={
          permissions.operatePlant && !creating ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New batch
            </button>
          ) : null
        }
      />
      {creating ? (
        <CreateBatchForm
          lines={lines.data?.items ?? []}
          initialLineId={lineId}
          onCreated={(batch) => navigate(batchPath(batch.id))}
          onCancel={() => setCreating(false)}
        />
      ) : null}

      <section className="card" aria-labelledby="batches-heading">
        <h2 id="batches-heading">Batches</h2>
        <div className="toolbar">
          <SelectField id="batches-line" label="Line" value={lineId} onChange={(line) => show({ line })}>
            <option value="">All lines</option>
            {(lines.data?.items ?? []).map((line) => (
              <option key={line.id} value={line.id}>
                {line.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="batches-status"
            label="Status"
            value={status}
            onChange={(value) => show({ status: value })}
          >
            <option value="">Any status</option>
            {BATCH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <ExportMenu
            path="/api/v1/plant-ops/batches/export"
            params={{ lineId: lineId || undefined, status: status || undefined }}
            formats={['csv', 'xlsx']}
            what="batches"
          />
        </div>

        <QueryTable
          query={batches}
          loading="Loading batches…"
          errorTitle="Could not load the batches"
          empty={lineId || status ? 'No batches match these filters.' : 'No batches yet.'}
          emptyTestId="batches-empty"
          columns={['Batch', 'Line', 'Product', 'Status', 'Planned', 'Run', 'Good', 'Scrap', 'OEE']}
          dense
          row={(batch) => <BatchRow batch={batch} />}
        />
        <Pagination page={batches.data} onChange={(next) => show({ offset: next })} label="Batches" />
      </section>
    </>
  );
}
