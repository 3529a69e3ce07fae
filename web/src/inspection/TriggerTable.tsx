// Parts as the station judged them, newest first: when, which part, the verdict with its reasons, the
// defects found and the part's disposition; each opens its inspection.
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Link } from '../router';
import type { Trigger } from './api';
import { formatTime, PART_DISPOSITION_LABEL } from './format';
import { useTriggers } from './hooks';
import { triggerPath } from './paths';
import { VerdictBadge } from './VerdictBadge';

/** Reasons shown per part; the part's page lists them all. */
const REASONS_SHOWN = 3;

function TriggerRow({ trigger, current }: { trigger: Trigger; current: boolean }) {
  const more = trigger.reasons.length - REASONS_SHOWN;
  return (
    <tr data-testid={`trigger-row-${trigger.id}`} aria-current={current ? 'true' : undefined}>
      <td className="cell-nowrap">
        <Link to={triggerPath(trigger.id)}>
          <time dateTime={trigger.ts}>{formatTime(trigger.ts)}</time>
        </Link>
      </td>
      <td className="cell-nowrap">
        {trigger.partSerial}
        <br />
        <span className="muted">{trigger.partNumber}</span>
      </td>
      <td>
        <VerdictBadge verdict={trigger.verdict} size="small" />
      </td>
      <td className="cell-number">{trigger.defectCount}</td>
      <td>
        {trigger.reasons.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="reason-list">
            {trigger.reasons.slice(0, REASONS_SHOWN).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
            {more > 0 ? <li className="muted">and {more} more</li> : null}
          </ul>
        )}
      </td>
      <td>
        {trigger.disposition ? PART_DISPOSITION_LABEL[trigger.disposition] : <span className="muted">—</span>}
      </td>
    </tr>
  );
}

export function TriggerTable({
  query,
  caption,
  empty,
  currentId,
  testId,
}: {
  query: { stationId?: string; partSerial?: string; limit: number };
  caption: string;
  empty: string;
  /** The part being looked at, marked in the list. */
  currentId?: string;
  testId?: string;
}) {
  const triggers = useTriggers(query);
  const items = triggers.data?.items ?? [];
  return (
    <>
      {triggers.isPending ? <p className="state-message">Loading parts…</p> : null}
      {triggers.isError ? <ErrorNotice error={triggers.error} title="Could not load the parts" /> : null}
      {triggers.data && items.length === 0 ? <p className="state-message">{empty}</p> : null}
      {items.length > 0 ? (
        <DataTable
          columns={['Time', 'Part', 'Verdict', 'Defects', 'Reasons', 'Disposition']}
          dense
          caption={caption}
          testId={testId}
        >
          {items.map((trigger) => (
            <TriggerRow key={trigger.id} trigger={trigger} current={trigger.id === currentId} />
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
