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
import { useDebounced } from '../debounce';
import { formatDateTime } from '../format';
import { USERS_PAGE } from '../modules';
import { AddMemberForm } from './AddMemberForm';
import {
  type Invitation,
  type Member,
  type MemberCreated,
  type MemberPatch,
  type MemberStatus,
  membersApi,
} from './api';
import { InvitationReveal } from './InvitationReveal';

const PAGE_SIZE = 20;
const MEMBERS_KEY = ['admin', 'members'] as const;

const STATUS_BADGE: Record<MemberStatus, { label: string; tone: string }> = {
  active: { label: 'active', tone: 'badge-ok' },
  invited: { label: 'Invitation pending', tone: 'badge-warn' },
  inactive: { label: 'inactive', tone: 'badge-bad' },
};

/** An invitation link on show: right after adding someone, or a new one for an invited member. */
interface ShownInvitation {
  title: string;
  invitation: Invitation;
  note?: string;
}

/** A fresh invitation link for someone who has not accepted (older links stop working). */
function NewLinkButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  return (
    <button type="button" className="button button-secondary button-small" disabled={busy} onClick={onClick}>
      New link
    </button>
  );
}

function MemberActions({
  member,
  busy,
  onChange,
  onNewLink,
}: {
  member: Member;
  busy: boolean;
  onChange: (patch: MemberPatch) => void;
  onNewLink: () => void;
}) {
  if (member.status === 'invited') {
    // An invited member becomes active by accepting, never by an admin's click.
    return (
      <>
        <NewLinkButton busy={busy} onClick={onNewLink} />
        <ConfirmButton
          label="Cancel invitation"
          title={`Cancel the invitation of ${member.name}?`}
          message={<p>Their invitation links stop working and they do not join this organisation.</p>}
          confirmLabel="Cancel invitation"
          disabled={busy}
          onConfirm={() => onChange({ status: 'inactive' })}
        />
      </>
    );
  }
  if (member.status === 'active') {
    return (
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
    );
  }
  // A withdrawn invitation (never accepted): only a new link revives it; reactivating would need
  // the person's consent.
  const neverJoined = !member.accepted;
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => onChange({ status: 'active' })}
      >
        Reactivate
      </button>
      {neverJoined ? <NewLinkButton busy={busy} onClick={onNewLink} /> : null}
    </>
  );
}

function MemberRow({
  member,
  isSelf,
  busy,
  pendingRole,
  onChange,
  onNewLink,
}: {
  member: Member;
  isSelf: boolean;
  busy: boolean;
  /** The role being saved, shown until the server has answered. */
  pendingRole: TenantRole | undefined;
  onChange: (patch: MemberPatch) => void;
  onNewLink: () => void;
}) {
  const badge = STATUS_BADGE[member.status];
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
        <span className={`badge ${badge.tone}`} data-testid="member-status">
          {badge.label}
        </span>
      </td>
      <td>{formatDateTime(member.lastLoginAt)}</td>
      <td>{formatDateTime(member.memberSince)}</td>
      <td className="cell-actions">
        <MemberActions member={member} busy={busy} onChange={onChange} onNewLink={onNewLink} />
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
  const [shown, setShown] = useState<ShownInvitation | null>(null);

  const filter = { search: useDebounced(search.trim()), role, status, limit: PAGE_SIZE, offset };
  const members = useQuery({
    queryKey: [...MEMBERS_KEY, filter],
    queryFn: ({ signal }) => membersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: MemberPatch }) => membersApi.update(id, patch),
    onSettled: (_member, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
        // Your own role decides what the navigation and the user menu show (from the next request on).
        id === me.data?.user.id ? queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }) : null,
      ]),
  });
  const renew = useMutation({
    mutationFn: (member: Member) => membersApi.renewInvitation(member.id),
    onSuccess: (invitation, member) =>
      setShown({
        title: `New invitation link for ${member.name}`,
        invitation,
        note: 'Links sent to them before no longer work.',
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
  const failedMember = members.data?.items.find((m) => m.id === update.variables?.id);

  const onCreated = ({ user, invitation }: MemberCreated) => {
    // A tenant admin's new member always gets an invitation; the schema shares the superadmin's shape.
    if (invitation) setShown({ title: `Invitation for ${user.name}`, invitation });
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
                setShown(null);
              }}
            >
              Add member
            </button>
          )
        }
      />

      {shown ? (
        <InvitationReveal
          title={shown.title}
          invitation={shown.invitation}
          note={shown.note}
          onDismiss={() => setShown(null)}
        />
      ) : null}
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
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="invited">Invitation pending</option>
            <option value="inactive">Inactive</option>
          </SelectField>
        </div>

        {update.isError ? (
          <ErrorNotice
            error={update.error}
            title={failedMember ? `Could not change ${failedMember.name}` : 'Could not change the member'}
          />
        ) : null}
        {renew.isError ? (
          <ErrorNotice error={renew.error} title={`Could not make a new link for ${renew.variables.name}`} />
        ) : null}

        <QueryTable
          query={members}
          loading="Loading members…"
          errorTitle="Could not load the members"
          empty={search || role || status ? 'No members match these filters.' : 'No members yet.'}
          emptyTestId="members-empty"
          columns={['Name', 'Email', 'Role', 'Status', 'Last sign-in', 'Member since', ACTIONS_COLUMN]}
          row={(member) => {
            const saving = update.isPending && update.variables?.id === member.id;
            const renewing = renew.isPending && renew.variables?.id === member.id;
            return (
              <MemberRow
                member={member}
                isSelf={member.id === me.data?.user.id}
                busy={saving || renewing}
                pendingRole={saving ? update.variables?.patch.role : undefined}
                onChange={(patch) => update.mutate({ id: member.id, patch })}
                onNewLink={() => renew.mutate(member)}
              />
            );
          }}
        />
        <Pagination page={members.data} onChange={setOffset} label="Members" />
      </section>
    </>
  );
}
