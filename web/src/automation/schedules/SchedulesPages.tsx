// Scheduled analyses: the list (status, next run in the facility's time, last run), and the
// addresses under /automation/schedules/ — new, a schedule with its run history, its edit form.
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { Pagination, useOffset } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { AUTOMATION_SCHEDULES_PAGE } from '../pages';
import {
  comparisonText,
  NEW_SCHEDULE,
  RUN_STATUS_BADGE,
  SCHEDULES_HOME,
  type Schedule,
  schedulePath,
  useScheduleActions,
  useScheduleRights,
  useSchedules,
} from './api';
import { ScheduleDetail } from './ScheduleDetail';
import { ScheduleForm } from './ScheduleForm';

const PAGE_SIZE = 25;

export function SchedulesPages({ path }: { path: string }) {
  if (path === NEW_SCHEDULE) return <ScheduleForm />;
  const rest = path.startsWith(`${SCHEDULES_HOME}/`) ? path.slice(SCHEDULES_HOME.length + 1) : '';
  const [id, sub] = rest.split('/');
  if (id && sub === 'edit') return <ScheduleForm id={decodeURIComponent(id)} />;
  if (id) return <ScheduleDetail id={decodeURIComponent(id)} />;
  return <SchedulesList />;
}

export function sourceLabel(schedule: Schedule): string {
  return schedule.source.kind === 'folder'
    ? `Folder ${schedule.source.folder ?? ''}`
    : `URL ${schedule.source.url ?? ''}`;
}

function SchedulesList() {
  const rights = useScheduleRights();
  const { offset, setOffset } = useOffset();
  const schedules = useSchedules(offset, PAGE_SIZE);
  const actions = useScheduleActions();
  const items = schedules.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={AUTOMATION_SCHEDULES_PAGE.title}
        description={AUTOMATION_SCHEDULES_PAGE.description}
        actions={
          rights.write ? (
            <Link to={NEW_SCHEDULE} className="button">
              New schedule
            </Link>
          ) : null
        }
      />
      <section className="card" aria-labelledby="schedules-heading">
        <h2 id="schedules-heading">Schedules</h2>
        {schedules.isPending ? <p className="state-message">Loading schedules…</p> : null}
        {schedules.isError ? (
          <ErrorNotice error={schedules.error} title="Could not load the schedules" />
        ) : null}
        {actions.runNow.isError ? (
          <ErrorNotice error={actions.runNow.error} title="Could not start the run" />
        ) : null}
        {schedules.data && items.length === 0 ? (
          <p className="state-message" data-testid="schedules-empty">
            No schedules yet. A schedule imports a file from a watched folder or a URL on a cron expression,
            analyses it and compares it with the previous run.
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={['Name', 'Facility', 'Source', 'When', 'Status', 'Next run', 'Last run', '']}
            dense
            busy={schedules.isFetching && schedules.isPlaceholderData}
            caption="Scheduled analyses, by name"
            testId="schedules-table"
          >
            {items.map((s) => (
              <tr key={s.id} data-testid={`schedule-row-${s.id}`}>
                <td>
                  <Link to={schedulePath(s.id)}>{s.name}</Link>
                </td>
                <td>{s.facility.name}</td>
                <td className="muted">{sourceLabel(s)}</td>
                <td>
                  <code>{s.cron}</code>
                </td>
                <td>
                  <span className={`badge ${s.status === 'active' ? 'badge-ok' : 'badge-neutral'}`}>
                    {s.status === 'active' ? 'Active' : 'Paused'}
                  </span>
                </td>
                <td className="cell-nowrap" title={s.nextRunAt ? formatDateTime(s.nextRunAt) : undefined}>
                  {s.nextRunLocal ? (
                    `${s.nextRunLocal} (${s.facility.timezone})`
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-testid="schedule-last-run">
                  {s.lastRun ? (
                    <>
                      <span className={`badge ${RUN_STATUS_BADGE[s.lastRun.status]}`}>
                        {s.lastRun.status}
                      </span>{' '}
                      <span className="muted">
                        {formatDateTime(s.lastRun.completedAt ?? s.lastRun.createdAt)}
                      </span>
                      {comparisonText(s.lastRun) ? (
                        <>
                          <br />
                          <span className="muted">{comparisonText(s.lastRun)}</span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">Never run</span>
                  )}
                </td>
                <td>
                  {rights.write ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={actions.runNow.isPending}
                      onClick={() => actions.runNow.mutate(s.id)}
                    >
                      Run now
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination page={schedules.data} onChange={setOffset} label="Schedules" />
      </section>
    </>
  );
}
