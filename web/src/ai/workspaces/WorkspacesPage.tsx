// Workspaces (/ai/workspaces): each with its sector, budgets and figures; analysts create, change and
// delete them, administrators give them API keys (the secret is shown once).
import { type FormEvent, useId, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fact } from '../../components/Fact';
import { InputField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { SecretReveal, SecretValue } from '../../components/SecretReveal';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import type { CreatedKey, Workspace, WorkspaceSummary } from '../api';
import { formatCount, formatTokens, formatUsd, sectorLabel } from '../format';
import {
  useAiPermissions,
  useCreateKey,
  useDeleteWorkspace,
  useRevokeKey,
  useWorkspaceKeys,
  useWorkspaceSummary,
  useWorkspaces,
} from '../hooks';
import { AI_PIPELINES_PAGE, AI_WORKSPACES_PAGE } from '../pages';
import { sectorPath } from '../paths';
import { WorkspaceForm } from './WorkspaceForm';

function Keys({ workspace, canCreate }: { workspace: Workspace; canCreate: boolean }) {
  const id = useId();
  const keys = useWorkspaceKeys(workspace.id);
  const create = useCreateKey();
  const revoke = useRevokeKey();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { workspaceId: workspace.id, name: name.trim() },
      {
        onSuccess: (result) => {
          setCreated(result);
          setName('');
        },
      },
    );
  };
  const items = keys.data?.items ?? [];
  return (
    <div className="ai-keys" data-testid="workspace-keys">
      <h4>API keys</h4>
      {created ? (
        <SecretReveal
          title={`New key “${created.apiKey.name}” for ${workspace.name}`}
          warning="Copy the key now: PlantIntel keeps only a fingerprint and cannot show it again. It reaches only this workspace’s pipelines; send it as the SDK’s API key (Authorization: Bearer) or in X-API-Key."
          onDismiss={() => setCreated(null)}
        >
          <SecretValue
            label="Workspace API key"
            copyLabel="Copy key"
            value={created.key}
            testId="new-workspace-key"
          />
        </SecretReveal>
      ) : null}
      {keys.isPending ? <p className="state-message">Loading the keys…</p> : null}
      {keys.error ? <ErrorNotice error={keys.error} title="Could not load the keys" /> : null}
      {keys.data && items.length === 0 ? <p className="muted">No key for this workspace yet.</p> : null}
      {items.length > 0 ? (
        <DataTable
          columns={['Name', 'Key', 'Created', 'Last used', { label: 'Actions', hidden: true }]}
          dense
          caption={`API keys of ${workspace.name}`}
        >
          {items.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{k.prefix ? <code>{k.prefix}…</code> : '—'}</td>
              <td className="cell-nowrap">{formatDateTime(k.createdAt)}</td>
              <td className="cell-nowrap">{formatDateTime(k.lastUsedAt)}</td>
              <td>
                {canCreate ? (
                  <ConfirmButton
                    label={
                      <>
                        Revoke<span className="visually-hidden"> {k.name}</span>
                      </>
                    }
                    title={`Revoke the key “${k.name}”?`}
                    message={<p>Requests with this key are refused from now on.</p>}
                    confirmLabel="Revoke"
                    disabled={revoke.isPending}
                    onConfirm={() => revoke.mutate({ workspaceId: workspace.id, keyId: k.id })}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {revoke.error ? <ErrorNotice error={revoke.error} title="The key was not revoked" /> : null}
      {canCreate ? (
        <form className="toolbar" onSubmit={submit} aria-label={`New API key for ${workspace.name}`}>
          <InputField
            id={`${id}-key-name`}
            label="Key name"
            value={name}
            required
            maxLength={100}
            onChange={setName}
          />
          <SubmitButton
            label="Create key"
            pendingLabel="Creating…"
            pending={create.isPending}
            className="button button-small"
          />
        </form>
      ) : (
        <p className="muted">Administrators create the workspace’s keys.</p>
      )}
      {create.error ? <ErrorNotice error={create.error} title="The key was not created" /> : null}
    </div>
  );
}

function WorkspaceCard({
  workspace,
  summary,
  canChange,
  isAdmin,
}: {
  workspace: Workspace;
  summary: WorkspaceSummary | undefined;
  canChange: boolean;
  isAdmin: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const remove = useDeleteWorkspace();
  const headingId = useId();
  if (editing)
    return (
      <WorkspaceForm
        workspace={workspace}
        onDone={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  return (
    <section
      className="card"
      aria-labelledby={headingId}
      data-testid="workspace-card"
      data-name={workspace.name}
    >
      <div className="card-heading">
        <h3 id={headingId}>{workspace.name}</h3>
        {canChange ? (
          <div className="cell-actions">
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setEditing(true)}
            >
              Change<span className="visually-hidden"> {workspace.name}</span>
            </button>
            <ConfirmButton
              label={
                <>
                  Delete<span className="visually-hidden"> {workspace.name}</span>
                </>
              }
              title={`Delete ${workspace.name}?`}
              message={
                <p>Its pipelines, their metrics and cached answers and its API keys are deleted with it.</p>
              }
              confirmLabel="Delete"
              disabled={remove.isPending}
              onConfirm={() => remove.mutate(workspace.id)}
            />
          </div>
        ) : null}
      </div>
      {workspace.description ? <p>{workspace.description}</p> : null}
      <dl className="facts">
        <Fact label="Sector">
          <Link to={sectorPath(workspace.sector)}>{sectorLabel(workspace.sector)}</Link>
        </Fact>
        <Fact label="Monthly budget">
          {workspace.monthlyBudgetUsd === null && workspace.monthlyBudgetTokens === null
            ? 'none'
            : [
                workspace.monthlyBudgetUsd !== null ? formatUsd(workspace.monthlyBudgetUsd) : null,
                workspace.monthlyBudgetTokens !== null
                  ? `${formatTokens(workspace.monthlyBudgetTokens)} tokens`
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
        </Fact>
        <Fact label="Pipelines">
          <Link to={`${AI_PIPELINES_PAGE.path}?workspace=${encodeURIComponent(workspace.id)}`}>
            {formatCount(workspace.pipelines)}
          </Link>
        </Fact>
        {summary ? <Fact label="Requests 24 h">{formatCount(summary.requests24h)}</Fact> : null}
        {summary ? <Fact label="Cost saved 24 h">{formatUsd(summary.costSaved24h)}</Fact> : null}
      </dl>
      {remove.error ? <ErrorNotice error={remove.error} title="The workspace was not deleted" /> : null}
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={showKeys}
        onClick={() => setShowKeys(!showKeys)}
      >
        {showKeys ? 'Hide the API keys' : 'API keys'}
        <span className="visually-hidden"> of {workspace.name}</span>
      </button>
      {showKeys ? <Keys workspace={workspace} canCreate={isAdmin} /> : null}
    </section>
  );
}

export function WorkspacesPage() {
  const permissions = useAiPermissions();
  const workspaces = useWorkspaces();
  const summary = useWorkspaceSummary();
  const [creating, setCreating] = useState(false);
  const byId = new Map((summary.data?.items ?? []).map((s) => [s.workspaceId, s]));
  const items = workspaces.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={AI_WORKSPACES_PAGE.title}
        description={AI_WORKSPACES_PAGE.description}
        actions={
          permissions.admin && !creating ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New workspace
            </button>
          ) : null
        }
      />
      {creating ? (
        <WorkspaceForm onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />
      ) : null}
      {workspaces.isPending ? <p className="state-message">Loading the workspaces…</p> : null}
      {workspaces.error ? (
        <ErrorNotice error={workspaces.error} title="Could not load the workspaces" />
      ) : null}
      {workspaces.data && items.length === 0 ? (
        <p className="state-message" data-testid="workspaces-empty">
          No workspace yet.{' '}
          {permissions.admin
            ? 'Create one to group pipelines and give them keys and budgets.'
            : 'An administrator of your organisation creates them.'}
        </p>
      ) : null}
      <div className="ai-workspace-grid">
        {items.map((w) => (
          <WorkspaceCard
            key={w.id}
            workspace={w}
            summary={byId.get(w.id)}
            canChange={permissions.admin}
            isAdmin={permissions.admin}
          />
        ))}
      </div>
    </>
  );
}
