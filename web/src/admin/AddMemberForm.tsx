import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { type MemberCreated, membersApi } from './api';
import { type Person, PersonFields } from './PersonFields';

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
  const [person, setPerson] = useState<Person>({ name: '', email: '', role: 'viewer' });
  const create = useMutation({ mutationFn: membersApi.create, onSuccess: onCreated });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: person.name.trim(), email: person.email.trim(), role: person.role });
  };

  return (
    <section className="card" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add member</h2>
      {create.isError ? <ErrorNotice error={create.error} title="Could not add the member" /> : null}
      <form className="form" onSubmit={submit} aria-busy={create.isPending}>
        <div className="form-grid">
          <PersonFields idPrefix="member" person={person} onChange={setPerson} />
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
