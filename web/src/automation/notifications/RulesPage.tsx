// Notification channels (email, webhook, in-app) with "Send a test", and the rules that decide
// what goes where. A webhook's signing secret is shown once, right after its creation.
import { type FormEvent, useState } from 'react';
import { usePermissions } from '../../auth/hooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField, SelectField, TextareaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { SecretReveal, SecretValue } from '../../components/SecretReveal';
import { Link } from '../../router';
import { AUTOMATION_DELIVERIES_PAGE, AUTOMATION_NOTIFICATIONS_PAGE } from '../pages';
import {
  type Channel,
  type ChannelInput,
  kindLabel,
  type Rule,
  useChannelActions,
  useChannels,
  useRuleActions,
  useRules,
} from './api';
import { NewRule } from './NewRule';

const KIND_LABEL: Record<Channel['kind'], string> = {
  email: 'Email',
  webhook: 'Webhook',
  in_app: 'In-app (bell)',
};

export function RulesPage() {
  const admin = usePermissions().users;
  return (
    <>
      <PageHeader
        title={AUTOMATION_NOTIFICATIONS_PAGE.title}
        description={AUTOMATION_NOTIFICATIONS_PAGE.description}
        actions={
          admin ? (
            <Link to={AUTOMATION_DELIVERIES_PAGE.path} className="button button-secondary">
              Delivery log
            </Link>
          ) : null
        }
      />
      {admin ? (
        <>
          <ChannelsCard />
          <RulesCard />
        </>
      ) : (
        <p className="state-message">
          Channels and rules are set by administrators. Choose what you receive in your{' '}
          <Link to="/automation/inbox">inbox preferences</Link>.
        </p>
      )}
    </>
  );
}

function describeChannel(c: Channel): string {
  if (c.kind === 'email') return c.recipients.join(', ');
  if (c.kind === 'webhook') return c.url ?? '';
  return c.userIds.length === 0 ? 'Every member' : `${c.userIds.length} member(s)`;
}

function ChannelsCard() {
  const channels = useChannels();
  const actions = useChannelActions();
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Channels</h2>
      {secret ? (
        <SecretReveal
          title="Webhook signing secret"
          warning="Verify each request's PlantIntel-Signature header (t=<unix>,v1=<HMAC-SHA256 of “<t>.<body>”>) with it."
          onDismiss={() => setSecret(null)}
        >
          <SecretValue value={secret} label="Signing secret" copyLabel="Copy secret" />
        </SecretReveal>
      ) : null}
      {channels.isPending ? <p className="state-message">Loading channels…</p> : null}
      {channels.isError ? <ErrorNotice error={channels.error} title="Could not load the channels" /> : null}
      {actions.test.isError ? (
        <ErrorNotice error={actions.test.error} title="Could not send the test" />
      ) : null}
      {actions.setEnabled.isError ? (
        <ErrorNotice error={actions.setEnabled.error} title="Could not change the channel" />
      ) : null}
      {tested ? (
        <p className="state-message" role="status">
          Test queued for “{tested}”. Follow it in the{' '}
          <Link to={AUTOMATION_DELIVERIES_PAGE.path}>delivery log</Link> (in-app: your inbox).
        </p>
      ) : null}
      {channels.data && channels.data.length === 0 ? (
        <p className="state-message">
          No channels yet: add an email list, a webhook or the in-app bell below.
        </p>
      ) : null}
      {channels.data && channels.data.length > 0 ? (
        <DataTable
          columns={['Name', 'Kind', 'Goes to', 'Status', '']}
          dense
          caption="Notification channels"
          testId="channels-table"
        >
          {channels.data.map((c) => (
            <tr key={c.id} data-testid={`channel-row-${c.id}`}>
              <td>{c.name}</td>
              <td>{KIND_LABEL[c.kind]}</td>
              <td className="muted">{describeChannel(c)}</td>
              <td>
                <span className={`badge ${c.enabled ? 'badge-ok' : 'badge-bad'}`}>
                  {c.enabled ? 'Enabled' : 'Disabled'}
                </span>
                {c.disabledReason ? (
                  <>
                    <br />
                    <span className="muted">{c.disabledReason}</span>
                  </>
                ) : null}
              </td>
              <td className="cell-nowrap">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={!c.enabled || actions.test.isPending}
                  onClick={() => actions.test.mutate(c.id, { onSuccess: () => setTested(c.name) })}
                >
                  Send a test
                </button>{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={actions.setEnabled.isPending}
                  onClick={() => actions.setEnabled.mutate({ id: c.id, enabled: !c.enabled })}
                >
                  {c.enabled ? 'Disable' : 'Enable'}
                </button>{' '}
                <ConfirmButton
                  label="Delete"
                  title={`Delete the channel “${c.name}”?`}
                  message="Its delivery log goes with it; rules stop sending to it."
                  confirmLabel="Delete channel"
                  onConfirm={() => actions.remove.mutate(c.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <NewChannel onSecret={setSecret} />
    </section>
  );
}

function NewChannel({ onSecret }: { onSecret: (secret: string) => void }) {
  const { create } = useChannelActions();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Channel['kind']>('email');
  const [recipients, setRecipients] = useState('');
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ChannelInput = { name: name.trim(), kind };
    if (kind === 'email') body.recipients = recipients.split(/[\s,;]+/).filter(Boolean);
    if (kind === 'webhook') {
      body.url = url.trim();
      const pairs = headers
        .split('\n')
        .map((line) => line.split(':'))
        .filter(([k, ...v]) => k?.trim() && v.join(':').trim());
      if (pairs.length > 0)
        body.headers = Object.fromEntries(pairs.map(([k, ...v]) => [k?.trim() ?? '', v.join(':').trim()]));
    }
    create.mutate(body, {
      onSuccess: (created) => {
        setName('');
        setRecipients('');
        setUrl('');
        setHeaders('');
        if (created.secret) onSecret(created.secret);
      },
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-channel-heading">
      <h3 id="new-channel-heading">New channel</h3>
      <div className="form-grid">
        <InputField id="channel-name" label="Name" required maxLength={100} value={name} onChange={setName} />
        <SelectField
          id="channel-kind"
          label="Kind"
          value={kind}
          onChange={(v) => setKind(v as Channel['kind'])}
        >
          <option value="email">Email</option>
          <option value="webhook">Webhook</option>
          <option value="in_app">In-app (the bell, every member)</option>
        </SelectField>
        {kind === 'email' ? (
          <TextareaField
            id="channel-recipients"
            label="Recipients"
            required
            rows={2}
            maxLength={5000}
            placeholder="ops@example.com, manager@example.com"
            value={recipients}
            onChange={setRecipients}
          />
        ) : null}
        {kind === 'webhook' ? (
          <>
            <InputField
              id="channel-url"
              label="URL"
              type="url"
              required
              maxLength={2000}
              value={url}
              onChange={setUrl}
            />
            <TextareaField
              id="channel-headers"
              label="Extra headers (one “Name: value” a line)"
              rows={2}
              maxLength={5000}
              value={headers}
              onChange={setHeaders}
            />
          </>
        ) : null}
      </div>
      {create.isError ? <ErrorNotice error={create.error} title="Could not create the channel" /> : null}
      <FormActions label="Add channel" pendingLabel="Adding…" pending={create.isPending} small />
    </form>
  );
}

function describeRule(r: Rule): string {
  const p = r.params as Record<string, unknown>;
  const parts: string[] = [];
  if (p.minSeverity) parts.push(`severity ≥ ${String(p.minSeverity)}`);
  if (p.afterMinutes) parts.push(`after ${String(p.afterMinutes)} min`);
  if (p.escalateAfterMinutes) parts.push(`escalate after ${String(p.escalateAfterMinutes)} more min`);
  if (p.thresholdPercent !== undefined)
    parts.push(`> ${String(p.thresholdPercent)} % over ${String(p.windowMinutes ?? 60)} min`);
  if (p.jobName) parts.push(`job ${String(p.jobName)}`);
  return parts.join(', ');
}

function RulesCard() {
  const rules = useRules();
  const channels = useChannels();
  const actions = useRuleActions();
  const nameOf = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? 'deleted channel';
  return (
    <section className="card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      {rules.isError ? <ErrorNotice error={rules.error} title="Could not load the rules" /> : null}
      {rules.data && rules.data.length === 0 ? <p className="state-message">No rules yet.</p> : null}
      {rules.data && rules.data.length > 0 ? (
        <DataTable
          columns={['Name', 'When', 'Conditions', 'Channels', '']}
          dense
          caption="Notification rules"
          testId="rules-table"
        >
          {rules.data.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name}
                {r.enabled ? null : <span className="badge badge-neutral"> off</span>}
              </td>
              <td>{kindLabel(r.eventKind)}</td>
              <td className="muted">{describeRule(r)}</td>
              <td>
                {r.channelIds.map(nameOf).join(', ')}
                {r.escalationChannelIds.length > 0 ? (
                  <span className="muted"> → {r.escalationChannelIds.map(nameOf).join(', ')}</span>
                ) : null}
              </td>
              <td className="cell-nowrap">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => actions.setEnabled.mutate({ id: r.id, enabled: !r.enabled })}
                >
                  {r.enabled ? 'Turn off' : 'Turn on'}
                </button>{' '}
                <ConfirmButton
                  label="Delete"
                  title={`Delete the rule “${r.name}”?`}
                  message="Notifications it already sent stay."
                  confirmLabel="Delete rule"
                  onConfirm={() => actions.remove.mutate(r.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {channels.data && channels.data.length > 0 ? <NewRule channels={channels.data} /> : null}
    </section>
  );
}
