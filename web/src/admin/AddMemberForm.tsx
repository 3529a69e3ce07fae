import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TENANT_ROLES, type TenantRole } from '../auth/types';
import { ErrorNotice } from '../components/ErrorNotice';
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
          <div className="field">
            <label htmlFor="member-name">Name</label>
            <input
              id="member-name"
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="member-email">Email</label>
            <input
              id="member-email"
              type="email"
              required
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="member-role">Role</label>
            <select
              id="member-role"
              value={role}
              onChange={(event) => setRole(event.target.value as TenantRole)}
              aria-describedby="member-role-hint"
            >
              {TENANT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <p id="member-role-hint" className="field-hint">
              {ROLE_HINTS[role]}
            </p>
          </div>
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
          <div className="field field-narrow">
            <label htmlFor="member-password">Password</label>
            <input
              id="member-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              maxLength={256}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p className="field-hint">At least 8 characters; tell them the password another way.</p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add member'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
