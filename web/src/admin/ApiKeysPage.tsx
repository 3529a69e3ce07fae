import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../auth/hooks';
import { ConfirmButton } from '../components/ConfirmButton';
import { ACTIONS_COLUMN, QueryTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { SecretReveal, SecretValue } from '../components/SecretReveal';
import { formatDateTime } from '../format';
import { API_KEYS_PAGE } from '../modules';
import { type ApiKey, type ApiKeyCreated, apiKeysApi } from './api';
import { CreateApiKeyForm } from './CreateApiKeyForm';

const PAGE_SIZE = 20;
const KEYS_KEY = ['admin', 'api-keys'] as const;

function keyState(key: ApiKey): { label: string; tone: string } {
  if (key.revokedAt) return { label: 'revoked', tone: 'badge-bad' };
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())
    return { label: 'expired', tone: 'badge-warn' };
  return { label: 'active', tone: 'badge-ok' };
}

export function ApiKeysPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const { offset, setOffset, refilter } = useOffset();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const isAdmin = me.data?.scopes.includes('admin') ?? false;

  const filter = { includeRevoked, limit: PAGE_SIZE, offset };
  const keys = useQuery({
    queryKey: [...KEYS_KEY, filter],
    queryFn: ({ signal }) => apiKeysApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => apiKeysApi.revoke(key.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS_KEY }),
  });

  const onCreated = (result: ApiKeyCreated) => {
    setCreated(result);
    setCreating(false);
    void queryClient.invalidateQueries({ queryKey: KEYS_KEY });
  };

  return (
    <>
      <PageHeader
        title={API_KEYS_PAGE.title}
        description={API_KEYS_PAGE.description}
        actions={
          creating ? null : (
            <button
              type="button"
              className="button"
              onClick={() => {
                setCreating(true);
                setCreated(null);
              }}
            >
              Create API key
            </button>
          )
        }
      />

      {created ? (
        <SecretReveal
          title={`New API key “${created.apiKey.name}”`}
          warning="Copy the key now and store it somewhere safe: PlantIntel keeps only a fingerprint and cannot show it again. Send it in the X-API-Key header."
          onDismiss={() => setCreated(null)}
        >
          <SecretValue label="API key" copyLabel="Copy key" value={created.key} testId="new-api-key" />
        </SecretReveal>
      ) : null}
      {creating && me.data ? (
        <CreateApiKeyForm scopes={me.data.scopes} onCreated={onCreated} onCancel={() => setCreating(false)} />
      ) : null}

      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">{isAdmin ? 'Keys of your organisation' : 'Your keys'}</h2>
        <div className="toolbar">
          <label className="choice">
            <input
              type="checkbox"
              checked={includeRevoked}
              onChange={(event) => refilter(setIncludeRevoked)(event.target.checked)}
            />
            Show revoked keys
          </label>
        </div>

        {revoke.isError ? (
          <ErrorNotice error={revoke.error} title={`Could not revoke “${revoke.variables?.name ?? ''}”`} />
        ) : null}
        <QueryTable
          query={keys}
          loading="Loading API keys…"
          errorTitle="Could not load the API keys"
          empty="No API keys yet. Create one for each script or machine that calls the API."
          columns={[
            'Name',
            'Key',
            'Scopes',
            ...(isAdmin ? ['Created by'] : []),
            'Created',
            'Expires',
            'Last used',
            'Status',
            ACTIONS_COLUMN,
          ]}
          row={(key) => {
            const state = keyState(key);
            return (
              <tr data-testid={`api-key-${key.name}`}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>
                  {key.scopes.map((scope) => (
                    <span key={scope} className="badge badge-neutral badge-inline">
                      {scope}
                    </span>
                  ))}
                </td>
                {isAdmin ? <td>{key.createdBy.email ?? '—'}</td> : null}
                <td>{formatDateTime(key.createdAt)}</td>
                <td>{key.expiresAt ? formatDateTime(key.expiresAt) : 'Never'}</td>
                <td>{formatDateTime(key.lastUsedAt)}</td>
                <td>
                  <span className={`badge ${state.tone}`}>{state.label}</span>
                </td>
                <td className="cell-actions">
                  {key.revokedAt ? null : (
                    <ConfirmButton
                      label="Revoke"
                      title={`Revoke “${key.name}”?`}
                      message={
                        <p>
                          Anything still using the key <code>{key.prefix}…</code> is refused from now on. This
                          cannot be undone.
                        </p>
                      }
                      confirmLabel="Revoke key"
                      disabled={revoke.isPending && revoke.variables?.id === key.id}
                      onConfirm={() => revoke.mutate(key)}
                    />
                  )}
                </td>
              </tr>
            );
          }}
        />
        <Pagination page={keys.data} onChange={setOffset} label="API keys" />
      </section>
    </>
  );
}
