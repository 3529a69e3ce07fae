// One import: its counts (live while it runs), the format detected, timings, the mapping it used,
// the rejected rows, its analyses; download the original, reprocess it with the same or another
// mapping, analyse it again, delete it.
import { useId, useState } from 'react';
import { useMe } from '../auth/hooks';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { formatDuration } from '../jobs/JobProgress';
import { Link, navigate } from '../router';
import {
  type CanonicalField,
  type ImportDetail,
  importFilePath,
  isFinished,
  type MappingChoice,
} from './api';
import { DownloadButton } from './DownloadButton';
import { formatBytes, GRANULARITY_LABEL, ImportStatusBadge, REJECT_POLICY_LABEL, reasonText } from './format';
import {
  useAnalyticsRights,
  useDeleteImport,
  useFields,
  useLiveImport,
  useProfile,
  useProfiles,
  useReprocessImport,
} from './hooks';
import { ImportAnalysesCard } from './ImportAnalyses';
import { ImportErrors } from './ImportErrors';
import { ImportCounts, ImportProgress } from './ImportProgress';
import { transformText } from './MappingTable';
import { ANALYTICS_IMPORTS_PAGE, importPath, profilePath } from './paths';

const SAME = '';
const AUTO = '\u0000auto';

function ImportActions({ row }: { row: ImportDetail }) {
  const id = useId();
  const reprocess = useReprocessImport(row.id);
  const remove = useDeleteImport();
  const profiles = useProfiles({ active: true, limit: 100, offset: 0 });
  const [using, setUsing] = useState(SAME);
  const running = !isFinished(row.status);
  const choice: MappingChoice =
    using === SAME ? {} : using === AUTO ? { autoMap: true } : { profileIds: [using] };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Reprocess or delete</h2>
      <p className="muted">
        Reprocessing reads the kept file again, with the same mapping or another one, and replaces this
        import’s work orders and rejected rows.
      </p>
      <div className="toolbar">
        <SelectField id={`${id}-using`} label="Mapping" value={using} onChange={setUsing} disabled={running}>
          <option value={SAME}>The same mapping</option>
          <option value={AUTO}>A new suggestion</option>
          {(profiles.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              Profile: {p.name} (version {p.version})
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          className="button"
          disabled={running || reprocess.isPending}
          onClick={() => reprocess.mutate(choice)}
        >
          {reprocess.isPending ? 'Starting…' : 'Reprocess'}
        </button>
        <ConfirmButton
          label="Delete import…"
          title={`Delete the import of ${row.fileName}?`}
          message="Its work orders and rejected rows are deleted with it; the file too, unless another import uses it."
          confirmLabel="Delete import"
          disabled={running || remove.isPending}
          onConfirm={() =>
            remove.mutate(row.id, {
              onSuccess: () => navigate(ANALYTICS_IMPORTS_PAGE.path, { replace: true }),
            })
          }
        />
      </div>
      {reprocess.isError ? (
        <ErrorNotice error={reprocess.error} title="Could not reprocess the import" />
      ) : null}
      {remove.isError ? <ErrorNotice error={remove.error} title="Could not delete the import" /> : null}
    </section>
  );
}

function MappingUsed({ row, fields }: { row: ImportDetail; fields: readonly CanonicalField[] }) {
  const id = useId();
  const profile = useProfile(row.profileId);
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="mapping-used">
      <h2 id={`${id}-heading`}>Mapping used</h2>
      <p>
        {row.profileId ? (
          <>
            Profile{' '}
            {profile.isError ? (
              'since deleted'
            ) : (
              <Link to={profilePath(row.profileId)}>{profile.data?.name ?? 'loading…'}</Link>
            )}
            , version <strong data-testid="profile-version">{row.profileVersion}</strong>
          </>
        ) : row.autoMapped ? (
          'The suggested mapping, as it was.'
        ) : (
          'A mapping edited for this upload.'
        )}{' '}
        <span className="muted">· {GRANULARITY_LABEL[row.granularity]}</span>
      </p>
      <DataTable columns={['Field', 'Read from', 'Transform']} dense caption="The mapping this import used">
        {row.mappings.map((m) => (
          <tr key={m.field}>
            <td>{labels.get(m.field) ?? m.field}</td>
            <td>{m.column !== undefined ? <code>{m.column}</code> : `constant ${String(m.constant)}`}</td>
            <td>{m.transform ? transformText(m.transform) : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Facts({ row, facility }: { row: ImportDetail; facility: string }) {
  const id = useId();
  const timings = Object.entries(row.timings);
  const detected = Object.entries(row.detected ?? {}).filter(([, v]) => typeof v !== 'object' || v === null);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import</h2>
      <dl className="facts">
        <Fact label="Status">
          <ImportStatusBadge status={row.status} testId="import-detail-status" />
        </Fact>
        <Fact label="File">
          {row.fileName} <span className="muted">{formatBytes(row.fileSize)}</span>
        </Fact>
        <Fact label="Facility">{facility}</Fact>
        <Fact label="Uploaded">{formatDateTime(row.createdAt)}</Fact>
        <Fact label="Completed">{formatDateTime(row.completedAt)}</Fact>
        <Fact label="When rows are rejected">{REJECT_POLICY_LABEL[row.rejectPolicy]}</Fact>
        {row.sheet ? <Fact label="Sheet">{row.sheet}</Fact> : null}
        {row.duplicateOf ? (
          <Fact label="Duplicate of">
            <Link to={importPath(row.duplicateOf)}>an earlier import of the same file</Link>
          </Fact>
        ) : null}
      </dl>
      {row.errorMessage ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Why it failed</p>
          <p>{row.errorMessage}</p>
        </div>
      ) : null}
      {detected.length > 0 ? (
        <>
          <h3 className="subheading">Detected format</h3>
          <dl className="facts" data-testid="import-detected">
            {detected.map(([key, value]) => (
              <Fact key={key} label={reasonText(key)}>
                {String(value)}
              </Fact>
            ))}
          </dl>
        </>
      ) : null}
      {timings.length > 0 ? (
        <>
          <h3 className="subheading">Timings</h3>
          <dl className="facts" data-testid="import-timings">
            {timings.map(([key, ms]) => (
              <Fact key={key} label={reasonText(key.replace(/Ms$/, ''))}>
                {formatDuration(ms)}
              </Fact>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

export function ImportDetailPage({ id }: { id: string }) {
  const rights = useAnalyticsRights();
  const facilities = useMe().data?.facilities ?? [];
  const fields = useFields();
  const { query } = useLiveImport(id);
  const row = query.data;
  const facility = facilities.find((f) => f.id === row?.facilityId)?.name ?? '—';
  return (
    <>
      <PageHeader
        title={row ? `Import of ${row.fileName}` : 'Import'}
        description="A work-order export as it was read: counts, detected format, the mapping used and the rows rejected."
        actions={
          row ? (
            <DownloadButton path={importFilePath(row.id)} fileName={row.fileName} label="Download original" />
          ) : null
        }
      />
      <p className="back-link">
        <Link to={ANALYTICS_IMPORTS_PAGE.path}>← All imports</Link>
      </p>
      {query.isPending ? <p className="state-message">Loading the import…</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the import" /> : null}
      {row ? (
        <>
          <section className="card" aria-label="Rows">
            {isFinished(row.status) ? (
              <ImportCounts row={row} />
            ) : (
              <ImportProgress importId={row.id} linkToPage={false} />
            )}
          </section>
          <Facts row={row} facility={facility} />
          <ImportAnalysesCard
            importId={row.id}
            completed={row.status === 'completed'}
            canAnalyse={rights.write}
          />
          {isFinished(row.status) ? <ImportErrors importId={row.id} rejected={row.rowsRejected} /> : null}
          <MappingUsed row={row} fields={fields.data ?? []} />
          {rights.write ? <ImportActions row={row} /> : null}
        </>
      ) : null}
    </>
  );
}
