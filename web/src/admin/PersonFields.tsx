import { TENANT_ROLES, type TenantRole } from '../auth/types';
import { InputField, SelectField } from '../components/Field';

/** What each role may do, shown under a role choice. */
export const ROLE_HINTS: Record<TenantRole, string> = {
  admin: 'everything, including users and API keys',
  analyst: 'read and run analyses',
  operator: 'read and operate lines and batches',
  viewer: 'read only',
};

export interface Person {
  name: string;
  email: string;
  role: TenantRole;
}

/** Name, email and role of a person being added to an organisation (ids start with `idPrefix`). */
export function PersonFields({
  idPrefix,
  person,
  onChange,
}: {
  idPrefix: string;
  person: Person;
  onChange: (person: Person) => void;
}) {
  const hintId = `${idPrefix}-role-hint`;
  return (
    <>
      <InputField
        id={`${idPrefix}-name`}
        label="Name"
        required
        maxLength={200}
        value={person.name}
        onChange={(name) => onChange({ ...person, name })}
      />
      <InputField
        id={`${idPrefix}-email`}
        label="Email"
        type="email"
        required
        maxLength={254}
        value={person.email}
        onChange={(email) => onChange({ ...person, email })}
      />
      <SelectField
        id={`${idPrefix}-role`}
        label="Role"
        value={person.role}
        onChange={(value) => onChange({ ...person, role: value as TenantRole })}
        aria-describedby={hintId}
        hint={
          <p id={hintId} className="field-hint">
            {ROLE_HINTS[person.role]}
          </p>
        }
      >
        {TENANT_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </SelectField>
    </>
  );
}
