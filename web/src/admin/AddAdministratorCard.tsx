import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { type CustomerMemberCreated, type CustomerMemberFields, customersApi } from './api';
import { InvitationReveal } from './InvitationReveal';
import { type Person, PersonFields } from './PersonFields';

const EMPTY: Person = { name: '', email: '', role: 'admin' };

const MIN_PASSWORD_LENGTH = 8;

function AddedNotice({ created, onDismiss }: { created: CustomerMemberCreated; onDismiss: () => void }) {
  const { user, invitation } = created;
  if (invitation) {
    return (
      <InvitationReveal title={`Invitation for ${user.name}`} invitation={invitation} onDismiss={onDismiss} />
    );
  }
  return (
    <div className="notice notice-success" role="status">
      <p>
        {user.name} ({user.email}) was added as {user.role}. They sign in with the password you chose.
      </p>
      <button type="button" className="button button-secondary button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The superadmin adds a person to a customer's organisation, typically its first administrator, who
 * then adds everyone else. A password can be chosen only for a person new to PlantIntel; without one,
 * or for an existing account, the answer is an invitation link.
 */
export function AddAdministratorCard({ customerId }: { customerId: string }) {
  const [person, setPerson] = useState<Person>(EMPTY);
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<CustomerMemberCreated | null>(null);
  const add = useMutation({
    mutationFn: (fields: CustomerMemberFields) => customersApi.addMember(customerId, fields),
    onSuccess: (result) => {
      setCreated(result);
      setPerson(EMPTY);
      setPassword('');
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const { name, email, role } = person;
    add.mutate({ name: name.trim(), email: email.trim(), role, ...(password ? { password } : {}) });
  };

  return (
    <>
      {created ? <AddedNotice created={created} onDismiss={() => setCreated(null)} /> : null}
      <section className="card" aria-labelledby="add-administrator-heading">
        <h2 id="add-administrator-heading">Add an administrator</h2>
        <p className="muted">The customer's administrators add everyone else from their Users page.</p>
        {add.isError ? <ErrorNotice error={add.error} title="Could not add the person" /> : null}
        <form className="form" onSubmit={submit} aria-label="Add an administrator" aria-busy={add.isPending}>
          <div className="form-grid">
            <PersonFields idPrefix="customer-member" person={person} onChange={setPerson} />
            <InputField
              id="customer-member-password"
              label="Password (optional)"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              maxLength={256}
              value={password}
              onChange={setPassword}
              aria-describedby="customer-member-password-hint"
              hint={
                <p id="customer-member-password-hint" className="field-hint">
                  Only for someone new to PlantIntel. Leave it empty to get an invitation link; an existing
                  account always gets one.
                </p>
              }
            />
          </div>
          <FormActions label="Add administrator" pendingLabel="Adding…" pending={add.isPending} />
        </form>
      </section>
    </>
  );
}
