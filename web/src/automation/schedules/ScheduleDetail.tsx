// One schedule: what it does, run now / pause / resume / edit / delete, and its run history with
// links to each run's import and analysis and what changed since the run before.
import { analysisPath, importPath } from '../../analytics/paths';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { Pagination, useOffset } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { Link, navigate } from '../../router';
import {
  comparisonText,
  editSchedulePath,
  RUN_STATUS_BADGE,
  SCHEDULES_HOME,
  type ScheduleRun,
  useRuns,
  useSchedule,
  useScheduleActions,
  useScheduleRights,
} from './api';
import { sourceLabel } from './SchedulesPages';

const PAGE_SIZE = 20;

function duration(run: ScheduleRun): string {
  if (!run.startedAt || !run.completedAt) return '—';
  const s = Math.max(0, (Date.parse(run.completedAt) - Date.parse(run.startedAt)) / 1000);
  return s < 90 ? `${s.toFixed(1)} s` : `${Math.round(s / 60)} min`;
}

function Changes({ run }: { run: ScheduleRun }) {
  const c = run.comparison;
  if (!c) return null;
  const groups = [
    ['New', c.new],
    ['Worse', c.worse],
    ['Resolved', c.resolved],
  ] as const;
  return (
    <details>
      <summary>{comparisonText(run)}</summary>
      {c.previousAnalysisId ? (
        <p className="muted">
          Compared with <Link to={analysisPath(c.previousAnalysisId)}>the previous run's analysis</Link>
        </p>
      ) : (
        <p className="muted">The first successful run: everything is new.</p>
      )}
      {groups.map(([label, list]) =>
        list.length > 0 ? (
          <div key={label}>
            <strong>{label}</strong>
            <ul>
              {list.map((i) => (
                <li key={i.match}>
                  {i.title}{' '}
                  <span className="muted">
                    ({i.severity}
                    {i.previousSeverity && i.previousSeverity !== i.severity
                      ? `, was ${i.previousSeverity}`
                      : ''}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </details>
  );
}

export function ScheduleDetail({ id }: { id: string }) {
  const rights = useScheduleRights();
  const schedule = useSchedule(id);
  const { offset, setOffset } = useOffset();
  const runs = useRuns(id, offset, PAGE_SIZE);
  const actions = useScheduleActions();
  if (schedule.isPending) return <p className="state-message">Loading the schedule…</p>;
  if (schedule.isError) return <ErrorNotice error={schedule.error} title="Could not load the schedule" />;
  const s = schedule.data;
  const error = actions.runNow.error ?? actions.pause.error ?? actions.resume.error ?? actions.remove.error;
  return (
    <>
      <PageHeader
        title={s.name}
        description={`Scheduled analysis of ${s.facility.name}`}
        actions={
          rights.write ? (
            <>
              <button
                type="button"
                className="button"
                disabled={actions.runNow.isPending}
                onClick={() => actions.runNow.mutate(s.id)}
              >
                Run now
              </button>
              {s.status === 'active' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => actions.pause.mutate(s.id)}
                >
                  Pause
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => actions.resume.mutate(s.id)}
                >
                  Resume
                </button>
              )}
              <Link to={editSchedulePath(s.id)} className="button button-secondary">
                Edit
              </Link>
              <ConfirmButton
                label="Delete"
                title={`Delete ${s.name}?`}
                message="The schedule and its run history go; the imports and analyses it made stay."
                confirmLabel="Delete"
                className="button button-danger"
                onConfirm={() => actions.remove.mutate(s.id, { onSuccess: () => navigate(SCHEDULES_HOME) })}
              />
            </>
          ) : null
        }
      />
      {error ? <ErrorNotice error={error} title="That did not work" /> : null}
      <section className="card" aria-label="Schedule">
        <dl className="facts">
          <Fact label="Status">
            <span className={`badge ${s.status === 'active' ? 'badge-ok' : 'badge-neutral'}`}>
              {s.status === 'active' ? 'Active' : 'Paused'}
            </span>
          </Fact>
          <Fact label="When">
            <code>{s.cron}</code> ({s.facility.timezone})
          </Fact>
          <Fact label="Next run" testId="schedule-next-run">
            {s.nextRunLocal ? `${s.nextRunLocal} ${s.facility.timezone}` : '—'}
          </Fact>
          <Fact label="Source">{sourceLabel(s)}</Fact>
          {Object.keys(s.source.headers).length > 0 ? (
            <Fact label="Headers">
              {Object.entries(s.source.headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')}
            </Fact>
          ) : null}
          <Fact label="Mapping profile">
            {s.profileId ? <Link to={`/analytics/profiles/${s.profileId}`}>Open</Link> : 'Deleted'}
          </Fact>
        </dl>
      </section>
      <section className="card" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        {runs.isError ? <ErrorNotice error={runs.error} title="Could not load the runs" /> : null}
        {runs.data && runs.data.items.length === 0 ? <p className="state-message">No runs yet.</p> : null}
        {runs.data && runs.data.items.length > 0 ? (
          <DataTable
            columns={['Slot', 'Trigger', 'Status', 'File', 'Import', 'Analysis', 'Took', 'Changes']}
            dense
            caption="Runs, newest first"
            testId="schedule-runs"
          >
            {runs.data.items.map((r) => (
              <tr key={r.id} data-testid={`run-row-${r.id}`}>
                <td className="cell-nowrap">{formatDateTime(r.slot)}</td>
                <td>{r.trigger === 'manual' ? 'Run now' : 'Schedule'}</td>
                <td>
                  <span className={`badge ${RUN_STATUS_BADGE[r.status]}`}>{r.status}</span>
                  {r.error ? (
                    <>
                      <br />
                      <span className="muted" data-testid="run-error">
                        {r.error}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{r.fileName ?? <span className="muted">—</span>}</td>
                <td>
                  {r.importId ? (
                    <Link to={importPath(r.importId)}>Import</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {r.analysisId ? (
                    <Link to={analysisPath(r.analysisId)}>Analysis</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="cell-nowrap">{duration(r)}</td>
                <td>
                  <Changes run={r} />
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination page={runs.data} onChange={setOffset} label="Runs" />
      </section>
    </>
  );
}
