// The signed-in user's notifications (newest first, live) and their preferences: which kinds,
// quiet hours (emails wait until they end) and a daily digest instead of single emails.
import { type FormEvent, useEffect, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { Pagination, useOffset } from '../../components/Pagination';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { AUTOMATION_INBOX_PAGE } from '../pages';
import {
  EVENT_KINDS,
  type EventKind,
  kindLabel,
  type Preferences,
  useInbox,
  useInboxActions,
  usePreferences,
  useSavePreferences,
  useUnread,
} from './api';

const PAGE_SIZE = 25;

export function InboxPage() {
  const { offset, setOffset } = useOffset();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnread(true);
  const inbox = useInbox(unreadOnly, offset, PAGE_SIZE);
  const actions = useInboxActions();
  const items = inbox.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={AUTOMATION_INBOX_PAGE.title}
        description={AUTOMATION_INBOX_PAGE.description}
        actions={
          <button
            type="button"
            className="button button-secondary"
            disabled={unread === 0 || actions.readAll.isPending}
            onClick={() => actions.readAll.mutate()}
          >
            Mark all read
          </button>
        }
      />
      <section className="card" aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">
          Inbox{' '}
          <span className="muted" data-testid="inbox-unread">
            ({unread} unread)
          </span>
        </h2>
        <div className="checkbox-row">
          <label>
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(e) => {
                setUnreadOnly(e.target.checked);
                setOffset(0);
              }}
            />
            Unread only
          </label>
        </div>
        {inbox.isPending ? <p className="state-message">Loading notifications…</p> : null}
        {inbox.isError ? <ErrorNotice error={inbox.error} title="Could not load your notifications" /> : null}
        {actions.read.isError ? (
          <ErrorNotice error={actions.read.error} title="Could not mark it read" />
        ) : null}
        {inbox.data && items.length === 0 ? (
          <p className="state-message" data-testid="inbox-empty">
            {unreadOnly
              ? 'Nothing unread.'
              : 'No notifications yet. Rules send them here through an in-app channel.'}
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={['Notification', 'Kind', 'When', '']}
            dense
            caption="Your notifications, newest first"
            testId="inbox-table"
          >
            {items.map((item) => (
              <tr key={item.id} className={item.readAt ? undefined : 'inbox-item-unread'}>
                <td>
                  {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                  <br />
                  <span className="muted">{item.body.split('\n')[0]}</span>
                </td>
                <td>
                  <span className="badge badge-neutral">{kindLabel(item.eventKind)}</span>
                </td>
                <td className="cell-nowrap">{formatDateTime(item.createdAt)}</td>
                <td>
                  {item.readAt ? (
                    <span className="muted">Read</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={actions.read.isPending}
                      onClick={() => actions.read.mutate([item.id])}
                    >
                      Mark read
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination page={inbox.data} onChange={setOffset} label="Notifications" />
      </section>
      <PreferencesCard />
    </>
  );
}

function PreferencesCard() {
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [form, setForm] = useState<Preferences | null>(null);
  useEffect(() => {
    if (prefs.data && form === null) setForm(prefs.data);
  }, [prefs.data, form]);
  if (prefs.isError) return <ErrorNotice error={prefs.error} title="Could not load your preferences" />;
  if (!form) return null;
  const all = form.eventKinds === null;
  const chosen = new Set<EventKind>(form.eventKinds ?? EVENT_KINDS.map((k) => k.kind));
  const toggle = (kind: EventKind, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(kind);
    else next.delete(kind);
    setForm({ ...form, eventKinds: next.size === EVENT_KINDS.length ? null : [...next] });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { effectiveTimezone: _zone, ...body } = form;
    save.mutate({
      ...body,
      quietStart: body.quietStart || null,
      quietEnd: body.quietEnd || null,
      timezone: body.timezone || null,
    });
  };
  return (
    <section className="card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Your preferences</h2>
      <form onSubmit={submit}>
        <p className="field-hint">
          Tell me about ({all ? 'everything' : `${chosen.size} of ${EVENT_KINDS.length} kinds`}):
        </p>
        <div className="checkbox-row">
          {EVENT_KINDS.map(({ kind, label }) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={chosen.has(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              {label}
            </label>
          ))}
        </div>
        <div className="form-grid">
          <InputField
            id="quiet-start"
            label="Quiet hours from"
            type="time"
            narrow
            value={form.quietStart ?? ''}
            onChange={(v) => setForm({ ...form, quietStart: v || null })}
          />
          <InputField
            id="quiet-end"
            label="until"
            type="time"
            narrow
            value={form.quietEnd ?? ''}
            onChange={(v) => setForm({ ...form, quietEnd: v || null })}
          />
          <InputField
            id="prefs-timezone"
            label="Time zone"
            placeholder={form.effectiveTimezone}
            maxLength={64}
            value={form.timezone ?? ''}
            onChange={(v) => setForm({ ...form, timezone: v || null })}
            hint={<p className="field-hint">Empty: the first facility’s ({form.effectiveTimezone}).</p>}
          />
          <SelectField
            id="prefs-digest"
            label="Emails"
            value={form.digest ? 'digest' : 'single'}
            onChange={(v) => setForm({ ...form, digest: v === 'digest' })}
          >
            <option value="single">One email per notification</option>
            <option value="digest">A daily digest</option>
          </SelectField>
          {form.digest ? (
            <InputField
              id="prefs-digest-hour"
              label="Digest at (hour)"
              type="number"
              min={0}
              max={23}
              narrow
              value={String(form.digestHour)}
              onChange={(v) => setForm({ ...form, digestHour: Math.min(23, Math.max(0, Number(v) || 0)) })}
            />
          ) : null}
        </div>
        {save.isError ? <ErrorNotice error={save.error} title="Could not save your preferences" /> : null}
        {save.isSuccess ? <p className="state-message">Saved.</p> : null}
        <FormActions label="Save preferences" pendingLabel="Saving…" pending={save.isPending} />
      </form>
    </section>
  );
}
