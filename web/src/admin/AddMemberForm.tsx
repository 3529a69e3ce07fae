import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TENANT_ROLES, type TenantRole } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { type MemberCreated, membersApi } from './api';

/** What each role may do, shown under a role choice. */
export const ROLE_HINTS: Record<TenantRole, string> = {
  admin: 'everything, including users and API keys',
  analyst: 'read and run analyses',
  operator: 'read and operate lines and batches',
  viewer: 'read only',
};

/**
 * Adds a member with a role as an invitation: the person accepts it with the PlantIntel account they
 * have, or by choosing a password if they are new. An admin never sets someone's credentials, as the
 * address may belong to an account of another organisation.
 */
export function AddMemberForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: MemberCreated) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TenantRole>('viewer');
  const create = useMutation({ mutationFn: membersApi.create, onSuccess: onCreated });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), email: email.trim(), role });
  };

  return (
    <section className="card" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add member</h2>
      {create.isError ? <ErrorNotice error={create.error} title="Could not add the member" /> : null}
      <form className="form" onSubmit={submit} aria-busy={create.isPending}>
        <div className="form-grid">
          <InputField
            id="member-name"
            label="Name"
            required
            maxLength={200}
            value={name}
            onChange={setName}
          />
          <InputField
            id="member-email"
            label="Email"
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={setEmail}
          />
          <SelectField
            id="member-role"
            label="Role"
            value={role}
            onChange={(value) => setRole(value as TenantRole)}
            aria-describedby="member-role-hint"
            hint={
              <p id="member-role-hint" className="field-hint">
                {ROLE_HINTS[role]}
              </p>
            }
          >
            {TENANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="field-hint" data-testid="member-invitation-hint">
          You get an invitation link to send them. They accept it with the PlantIntel account they already
          have, or by choosing a password if they are new.
        </p>
        <FormActions
          label="Add member"
          pendingLabel="Adding…"
          pending={create.isPending}
          onCancel={onCancel}
        />
      </form>
    </section>
  );
}
