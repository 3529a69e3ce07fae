// The delivery log: every email and webhook delivery, newest first, with its attempts (response
// code, error, duration); a sent or failed one can be sent again.
import { useState } from 'react';
import { usePermissions } from '../../auth/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Pagination, useOffset } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { AUTOMATION_DELIVERIES_PAGE } from '../pages';
import { type Delivery, type DeliveryQuery, kindLabel, useChannels, useDeliveries, useReplay } from './api';

const PAGE_SIZE = 25;
const STATUSES: NonNullable<DeliveryQuery['status']>[] = [
  'pending',
  'retrying',
  'held',
  'digest',
  'sent',
  'failed',
  'digested',
];
const BADGE: Record<Delivery['status'], string> = {
  pending: 'badge-neutral',
  retrying: 'badge-warn',
  held: 'badge-neutral',
  digest: 'badge-neutral',
  sent: 'badge-ok',
  failed: 'badge-bad',
  digested: 'badge-ok',
};

export function DeliveriesPage() {
  if (!usePermissions().users)
    return (
      <>
        <PageHeader
          title={AUTOMATION_DELIVERIES_PAGE.title}
          description={AUTOMATION_DELIVERIES_PAGE.description}
        />
        <p className="state-message">The delivery log is for administrators.</p>
      </>
    );
  return <DeliveryLog />;
}

function DeliveryLog() {
  const { offset, setOffset } = useOffset();
  const [status, setStatus] = useState('');
  const [channelId, setChannelId] = useState('');
  const channels = useChannels();
  const query: DeliveryQuery = {
    limit: PAGE_SIZE,
    offset,
    ...(status ? { status: status as DeliveryQuery['status'] } : {}),
    ...(channelId ? { channelId } : {}),
  };
  const deliveries = useDeliveries(query);
  const replay = useReplay();
  const [open, setOpen] = useState<string | null>(null);
  const items = deliveries.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={AUTOMATION_DELIVERIES_PAGE.title}
        description={AUTOMATION_DELIVERIES_PAGE.description}
      />
      <section className="card" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries</h2>
        <div className="form-grid">
          <SelectField
            id="delivery-status"
            label="Status"
            narrow
            value={status}
            onChange={(v) => {
              setStatus(v);
              setOffset(0);
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="delivery-channel"
            label="Channel"
            value={channelId}
            onChange={(v) => {
              setChannelId(v);
              setOffset(0);
            }}
          >
            <option value="">Any</option>
            {(channels.data ?? [])
              .filter((c) => c.kind !== 'in_app')
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </SelectField>
        </div>
        {deliveries.isPending ? <p className="state-message">Loading deliveries…</p> : null}
        {deliveries.isError ? (
          <ErrorNotice error={deliveries.error} title="Could not load the deliveries" />
        ) : null}
        {replay.isError ? <ErrorNotice error={replay.error} title="Could not replay the delivery" /> : null}
        {deliveries.data && items.length === 0 ? (
          <p className="state-message" data-testid="deliveries-empty">
            No deliveries{status || channelId ? ' match these filters' : ' yet'}.
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={['When', 'Notification', 'Channel', 'To', 'Status', 'Attempts', '']}
            dense
            busy={deliveries.isFetching && deliveries.isPlaceholderData}
            caption="Deliveries, newest first"
            testId="deliveries-table"
          >
            {items.map((d) => (
              <tr key={d.id} data-testid={`delivery-row-${d.id}`}>
                <td className="cell-nowrap">{formatDateTime(d.createdAt)}</td>
                <td>
                  {d.title}
                  <br />
                  <span className="muted">{d.isTest ? 'Test' : kindLabel(d.eventKind)}</span>
                </td>
                <td>{d.channelName}</td>
                <td className="muted">{d.recipient ?? d.kind}</td>
                <td>
                  <span className={`badge ${BADGE[d.status]}`}>{d.status}</span>
                  {d.status === 'held' && d.holdUntil ? (
                    <span className="muted"> until {formatDateTime(d.holdUntil)}</span>
                  ) : null}
                  {d.status === 'retrying' && d.nextAttemptAt ? (
                    <span className="muted"> next {formatDateTime(d.nextAttemptAt)}</span>
                  ) : null}
                  {d.lastError ? (
                    <>
                      <br />
                      <span className="muted">{d.lastError}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-expanded={open === d.id}
                    disabled={d.attemptLog.length === 0}
                    onClick={() => setOpen(open === d.id ? null : d.id)}
                  >
                    {d.attempts}
                  </button>
                  {open === d.id ? (
                    <ol className="attempt-log">
                      {d.attemptLog.map((a) => (
                        <li key={a.attempt}>
                          {formatDateTime(a.at)} — {a.ok ? 'ok' : 'failed'}
                          {a.statusCode !== null ? ` (${a.statusCode})` : ''}, {a.durationMs} ms
                          {a.error ? `: ${a.error}` : ''}
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td>
                  {d.status === 'failed' || d.status === 'sent' ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate(d.id)}
                    >
                      Replay
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination page={deliveries.data} onChange={setOffset} label="Deliveries" />
      </section>
    </>
  );
}
