import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ME_QUERY_KEY, useMe } from '../auth/hooks';
import { TENANT_ROLES, type TenantRole } from '../auth/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { ACTIONS_COLUMN, QueryTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { SecretReveal, SecretValue } from '../components/SecretReveal';
import { useDebounced } from '../debounce';
import { formatDateTime } from '../format';
import { USERS_PAGE } from '../modules';
import { AddMemberForm } from './AddMemberForm';
import { type Member, type MemberCreated, type MemberStatus, membersApi } from './api';

const PAGE_SIZE = 20;
const MEMBERS_KEY = ['admin', 'members'] as const;

function invitationLink(token: string): string {
  return `${window.location.origin}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** What to tell the admin right after adding someone; the invitation token is never shown again. */
function AddedNotice({ created, onDismiss }: { created: MemberCreated; onDismiss: () => void }) {
  const { user, invitation } = created;
  if (invitation) {
    return (
      <SecretReveal
        title={`Invitation for ${user.name}`}
        warning="Send this link to them now: it will not be shown again. They open it to choose their password."
        onDismiss={onDismiss}
      >
        <SecretValue
          label="Invitation link"
          copyLabel="Copy link"
          value={invitationLink(invitation.token)}
          testId="invitation-link"
        />
        <SecretValue
          label="Invitation token"
          copyLabel="Copy token"
          value={invitation.token}
          testId="invitation-token"
        />
        <p className="muted">Valid until {formatDateTime(invitation.expiresAt)}.</p>
      </SecretReveal>
    );
  }
  return (
    <div className="notice notice-success" role="status">
      <p>
        {user.name} ({user.email}) was added as {user.role}.{' '}
        {user.passwordSet ? 'They sign in with their password.' : ''}
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

function MemberRow({
  member,
  isSelf,
  busy,
  pendingRole,
  onChange,
}: {
  member: Member;
  isSelf: boolean;
  busy: boolean;
  /** The role being saved, shown until the server has answered. */
  pendingRole: TenantRole | undefined;
  onChange: (patch: { role?: TenantRole; status?: MemberStatus }) => void;
}) {
  const active = member.status === 'active';
  return (
    <tr data-testid={`member-${member.email}`}>
      <td>
        {member.name}
        {isSelf ? <span className="badge badge-neutral badge-inline">you</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        <select
          className="select-compact"
          aria-label={`Role of ${member.name}`}
          value={pendingRole ?? member.role}
          disabled={busy}
          onChange={(event) => onChange({ role: event.target.value as TenantRole })}
        >
          {TENANT_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={`badge ${active ? 'badge-ok' : 'badge-bad'}`}>{member.status}</span>
        {member.passwordSet ? null : <span className="badge badge-warn badge-inline">invited</span>}
      </td>
      <td>{formatDateTime(member.lastLoginAt)}</td>
      <td>{formatDateTime(member.memberSince)}</td>
      <td className="cell-actions">
        {active ? (
          <ConfirmButton
            label="Deactivate"
            title={`Deactivate ${member.name}?`}
            message={
              <p>
                {member.name} is signed out everywhere and can no longer sign in to this organisation. You can
                reactivate them later.
              </p>
            }
            confirmLabel="Deactivate"
            disabled={busy}
            onConfirm={() => onChange({ status: 'inactive' })}
          />
        ) : (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => onChange({ status: 'active' })}
          >
            Reactivate
          </button>
        )}
      </td>
    </tr>
  );
}

export function UsersPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<TenantRole | ''>('');
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const { offset, setOffset, refilter } = useOffset();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<MemberCreated | null>(null);

  const filter = { search: useDebounced(search.trim()), role, status, limit: PAGE_SIZE, offset };
  const members = useQuery({
    queryKey: [...MEMBERS_KEY, filter],
    queryFn: ({ signal }) => membersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { role?: TenantRole; status?: MemberStatus } }) =>
      membersApi.update(id, patch),
    onSettled: (_member, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
        // Your own role decides what the navigation offers.
        id === me.data?.user.id ? queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }) : null,
      ]),
  });
  const failedMember = members.data?.items.find((m) => m.id === update.variables?.id);

  const onCreated = (result: MemberCreated) => {
    setCreated(result);
    setAdding(false);
    void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
  };

  return (
    <>
      <PageHeader
        title={USERS_PAGE.title}
        description={USERS_PAGE.description}
        actions={
          adding ? null : (
            <button
              type="button"
              className="button"
              onClick={() => {
                setAdding(true);
                setCreated(null);
              }}
            >
              Add member
            </button>
          )
        }
      />

      {created ? <AddedNotice created={created} onDismiss={() => setCreated(null)} /> : null}
      {adding ? <AddMemberForm onCreated={onCreated} onCancel={() => setAdding(false)} /> : null}

      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <div className="toolbar">
          <InputField
            id="members-search"
            label="Search"
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={refilter(setSearch)}
          />
          <SelectField
            id="members-role"
            label="Role"
            value={role}
            onChange={(value) => refilter(setRole)(value as TenantRole | '')}
          >
            <option value="">All roles</option>
            {TENANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="members-status"
            label="Status"
            value={status}
            onChange={(value) => refilter(setStatus)(value as MemberStatus | '')}
          >
            <option value="">Active and inactive</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </SelectField>
        </div>

        {update.isError ? (
          <ErrorNotice
            error={update.error}
            title={failedMember ? `Could not change ${failedMember.name}` : 'Could not change the member'}
          />
        ) : null}

        <QueryTable
          query={members}
          loading="Loading members…"
          errorTitle="Could not load the members"
          empty={search || role || status ? 'No members match these filters.' : 'No members yet.'}
          emptyTestId="members-empty"
          columns={['Name', 'Email', 'Role', 'Status', 'Last sign-in', 'Member since', ACTIONS_COLUMN]}
          row={(member) => {
            const busy = update.isPending && update.variables?.id === member.id;
            return (
              <MemberRow
                member={member}
                isSelf={member.id === me.data?.user.id}
                busy={busy}
                pendingRole={busy ? update.variables?.patch.role : undefined}
                onChange={(patch) => update.mutate({ id: member.id, patch })}
              />
            );
          }}
        />
        <Pagination page={members.data} onChange={setOffset} label="Members" />
      </section>
    </>
  );
}
