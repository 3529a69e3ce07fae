// The analyzer settings (administrators): the organisation's configuration or a facility's, edited in
// ConfigEditor, and every change made to it — who, when, which variables from what to what.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { membersApi } from '../admin/api';
import { useMe } from '../auth/hooks';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import type { ConfigHistoryEntry } from './analysis-api';
import { keyText } from './analysis-format';
import { useConfigHistory } from './analysis-hooks';
import { ConfigEditor } from './ConfigEditor';
import { PRESET_LABEL, valueText } from './config-form';
import { FacilitySelect } from './ListFilters';
import { ANALYTICS_CONFIG_PAGE } from './paths';

/** Who made a change: "You", a member's name, or "someone no longer here". */
function useWhoChanged(): (userId: string | null) => string {
  const me = useMe().data;
  const members = useQuery({
    queryKey: ['analytics', 'config', 'members'],
    queryFn: ({ signal }) => membersApi.list({ limit: 100, offset: 0 }, signal),
    staleTime: 5 * 60_000,
  });
  const names = new Map((members.data?.items ?? []).map((m) => [m.id, m.name]));
  return (userId) => {
    if (userId === null) return 'The system';
    if (userId === me?.user.id) return 'You';
    return names.get(userId) ?? 'A former member';
  };
}

function Changes({ entry }: { entry: ConfigHistoryEntry }) {
  if (entry.diff.length === 0) return <span className="muted">No value changed</span>;
  return (
    <ul className="config-changes">
      {entry.diff.map((change) => (
        <li key={change.variable}>
          {keyText(change.variable)}: {valueText(change.from)} → <strong>{valueText(change.to)}</strong>
        </li>
      ))}
    </ul>
  );
}

function ConfigHistory({ facilityId }: { facilityId: string | null }) {
  const id = useId();
  const history = useConfigHistory(facilityId);
  const who = useWhoChanged();
  const entries = history.data ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="config-history">
      <h2 id={`${id}-heading`}>Changes</h2>
      {history.isPending ? <p className="state-message">Loading the changes…</p> : null}
      {history.isError ? <ErrorNotice error={history.error} title="Could not load the changes" /> : null}
      {history.data && entries.length === 0 ? (
        <p className="state-message" data-testid="config-history-empty">
          No change yet.
        </p>
      ) : null}
      {entries.length > 0 ? (
        <DataTable
          columns={['When', 'Who', 'Preset', 'Variables changed']}
          dense
          caption="Changes to this configuration, newest first"
          testId="config-history-table"
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="cell-nowrap">
                <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>
              </td>
              <td>{who(entry.changedBy)}</td>
              <td>{PRESET_LABEL[entry.presetType]}</td>
              <td>
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

export function ConfigPage() {
  const [facilityId, setFacilityId] = useState<string | undefined>();
  const scope = facilityId ?? null;
  return (
    <>
      <PageHeader title={ANALYTICS_CONFIG_PAGE.title} description={ANALYTICS_CONFIG_PAGE.description} />
      <section className="card" aria-labelledby="config-scope-heading">
        <h2 id="config-scope-heading">For</h2>
        <div className="toolbar config-toolbar">
          <FacilitySelect
            id="config-facility"
            value={facilityId}
            onChange={setFacilityId}
            none="The whole organisation"
            always
          />
        </div>
        <p className="field-hint">
          A facility without a configuration of its own uses the organisation’s. An analysis runs with the
          values in force when it starts; a mapping profile can still set variables for its imports.
        </p>
      </section>
      <ConfigEditor key={scope ?? 'organisation'} facilityId={scope} />
      <ConfigHistory facilityId={scope} />
    </>
  );
}
