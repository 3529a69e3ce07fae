// Every work-order import, newest first, filtered by status and facility (kept in the address);
// running ones update as they go.
import { withQuery } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { formatDateTime } from '../format';
import { Link, navigate, useSearchParam } from '../router';
import { IMPORT_STATUSES, type ImportStatus, type ImportSummary } from './api';
import { formatBytes, formatCount, ImportStatusBadge } from './format';
import { useAnalyticsRights, useImports } from './hooks';
import { ImportSettingsCard } from './ImportSettings';
import { FacilitySelect, StatusSelect, useFacilityNames } from './ListFilters';
import { ANALYTICS_IMPORTS_PAGE, ANALYTICS_UPLOAD_PAGE, importPath } from './paths';

const PAGE_SIZE = 25;

const isStatus = (value: string | null): value is ImportStatus =>
  IMPORT_STATUSES.includes(value as ImportStatus);

function ImportRow({ row, facility }: { row: ImportSummary; facility: string }) {
  return (
    <tr data-testid={`import-row-${row.id}`} data-status={row.status}>
      <td>
        <Link to={importPath(row.id)} className="import-file">
          {row.fileName}
        </Link>
        <br />
        <span className="muted">
          {formatBytes(row.fileSize)}
          {row.duplicateOf ? ' · duplicate' : ''}
        </span>
      </td>
      <td>
        <ImportStatusBadge status={row.status} />
      </td>
      <td className="cell-number">{formatCount(row.rowsRead)}</td>
      <td className="cell-number">{formatCount(row.rowsAccepted)}</td>
      <td className="cell-number">{formatCount(row.rowsRejected)}</td>
      <td className="cell-number">{formatCount(row.workOrders)}</td>
      <td>{facility}</td>
      <td className="cell-nowrap">
        <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>
      </td>
    </tr>
  );
}

export function ImportsPage() {
  const rights = useAnalyticsRights();
  const facilityName = useFacilityNames();
  const statusParam = useSearchParam('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const facilityId = useSearchParam('facility') ?? undefined;
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const imports = useImports({
    limit: PAGE_SIZE,
    offset,
    ...(status ? { status } : {}),
    ...(facilityId ? { facilityId } : {}),
  });
  const show = (next: { status?: string; facility?: string; offset?: number }) => {
    const params = { status, facility: facilityId, offset: 0, ...next };
    navigate(withQuery(ANALYTICS_IMPORTS_PAGE.path, { ...params, offset: params.offset || undefined }), {
      replace: true,
    });
  };
  const items = imports.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={ANALYTICS_IMPORTS_PAGE.title}
        description={ANALYTICS_IMPORTS_PAGE.description}
        actions={
          rights.write ? (
            <Link to={ANALYTICS_UPLOAD_PAGE.path} className="button">
              Upload a file
            </Link>
          ) : null
        }
      />
      <section className="card" aria-labelledby="imports-heading">
        <h2 id="imports-heading">Imports</h2>
        <div className="toolbar">
          <StatusSelect
            id="imports-status"
            statuses={IMPORT_STATUSES}
            value={status}
            onChange={(s) => show({ status: s })}
          />
          <FacilitySelect
            id="imports-facility"
            value={facilityId}
            onChange={(f) => show({ facility: f })}
            none="All facilities"
          />
        </div>
        {imports.isPending ? <p className="state-message">Loading imports…</p> : null}
        {imports.isError ? <ErrorNotice error={imports.error} title="Could not load the imports" /> : null}
        {imports.data && items.length === 0 ? (
          <p className="state-message" data-testid="imports-empty">
            {status || facilityId ? (
              'No imports match these filters.'
            ) : rights.write ? (
              <>
                Nothing imported yet. <Link to={ANALYTICS_UPLOAD_PAGE.path}>Upload a work-order export</Link>{' '}
                from your ERP to begin.
              </>
            ) : (
              'Nothing imported yet. Analysts and administrators upload work-order exports.'
            )}
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={[
              'File',
              'Status',
              'Rows read',
              'Accepted',
              'Rejected',
              'Work orders',
              'Facility',
              'Uploaded',
            ]}
            dense
            busy={imports.isFetching && imports.isPlaceholderData}
            caption="Work-order imports, newest first"
            testId="imports-table"
          >
            {items.map((row) => (
              <ImportRow key={row.id} row={row} facility={facilityName(row.facilityId)} />
            ))}
          </DataTable>
        ) : null}
        <Pagination page={imports.data} onChange={(next) => show({ offset: next })} label="Imports" />
      </section>
      <ImportSettingsCard canEdit={rights.admin} />
    </>
  );
}
