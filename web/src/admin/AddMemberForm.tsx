import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TENANT_ROLES, type TenantRole } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { type MemberCreated, membersApi } from './api';

const ROLE_HINTS: Record<TenantRole, string> = {
  admin: 'everything, including users and API keys',
  analyst: 'read and run analyses',
  operator: 'read and operate lines and batches',
  viewer: 'read only',
};

type SignInMethod = 'invitation' | 'password';

/** Adds a member with a role, either with a password chosen now or with an invitation to choose one. */
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
  const [method, setMethod] = useState<SignInMethod>('invitation');
  const [password, setPassword] = useState('');
  const create = useMutation({ mutationFn: membersApi.create, onSuccess: onCreated });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({
      name: name.trim(),
      email: email.trim(),
      role,
      ...(method === 'password' ? { password } : {}),
    });
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
        <fieldset className="field choice-group">
          <legend>How they sign in</legend>
          <label className="choice">
            <input
              type="radio"
              name="member-sign-in"
              value="invitation"
              checked={method === 'invitation'}
              onChange={() => setMethod('invitation')}
            />
            Send an invitation link; they choose their password (valid 7 days)
          </label>
          <label className="choice">
            <input
              type="radio"
              name="member-sign-in"
              value="password"
              checked={method === 'password'}
              onChange={() => setMethod('password')}
            />
            Set a password now
          </label>
        </fieldset>
        {method === 'password' ? (
          <InputField
            id="member-password"
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={256}
            value={password}
            onChange={setPassword}
            narrow
            hint={<p className="field-hint">At least 8 characters; tell them the password another way.</p>}
          />
        ) : null}
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
