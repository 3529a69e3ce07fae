// The mapping library: saved profiles with their use, searched by name, ERP or description.
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { useDebounced } from '../debounce';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { formatCount, GRANULARITY_SHORT } from './format';
import { useAnalyticsRights, useProfiles } from './hooks';
import { ANALYTICS_PROFILES_PAGE, newProfilePath, profilePath } from './paths';

const PAGE_SIZE = 25;

export function ProfilesPage() {
  const rights = useAnalyticsRights();
  const [text, setText] = useState('');
  const [active, setActive] = useState('');
  const { offset, setOffset, refilter } = useOffset();
  const q = useDebounced(text.trim(), 300);
  const profiles = useProfiles({
    limit: PAGE_SIZE,
    offset,
    ...(q ? { q } : {}),
    ...(active ? { active: active === 'true' } : {}),
  });
  const items = profiles.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={ANALYTICS_PROFILES_PAGE.title}
        description={ANALYTICS_PROFILES_PAGE.description}
        actions={
          rights.write ? (
            <Link to={newProfilePath} className="button">
              New profile
            </Link>
          ) : null
        }
      />
      <section className="card" aria-labelledby="profiles-heading">
        <h2 id="profiles-heading">Profiles</h2>
        <div className="toolbar">
          <InputField
            id="profiles-q"
            label="Search"
            type="search"
            placeholder="Name, ERP or description"
            value={text}
            onChange={refilter(setText)}
          />
          <SelectField id="profiles-active" label="Active" value={active} onChange={refilter(setActive)}>
            <option value="">Active or not</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </SelectField>
        </div>
        {profiles.isPending ? <p className="state-message">Loading profiles…</p> : null}
        {profiles.isError ? <ErrorNotice error={profiles.error} title="Could not load the profiles" /> : null}
        {profiles.data && items.length === 0 ? (
          <p className="state-message" data-testid="profiles-empty">
            {q || active
              ? 'No profiles match these filters.'
              : 'No profiles yet. Save one from the mapping step of an upload, or create one here.'}
          </p>
        ) : null}
        {items.length > 0 ? (
          <DataTable
            columns={['Name', 'ERP', 'Rows', 'Fields', 'Used', 'Last used', 'Version', 'Active']}
            dense
            busy={profiles.isFetching && profiles.isPlaceholderData}
            caption="Mapping profiles, by name"
            testId="profiles-table"
          >
            {items.map((p) => (
              <tr key={p.id} data-testid={`profile-row-${p.id}`}>
                <td>
                  <Link to={profilePath(p.id)}>{p.name}</Link>
                  {p.description ? (
                    <>
                      <br />
                      <span className="muted">{p.description}</span>
                    </>
                  ) : null}
                </td>
                <td>{p.erpSystem ?? <span className="muted">—</span>}</td>
                <td>{GRANULARITY_SHORT[p.dataGranularity]}</td>
                <td className="cell-number">{formatCount(p.mappings.length)}</td>
                <td className="cell-number" data-testid="profile-usage">
                  {formatCount(p.usageCount)}
                </td>
                <td className="cell-nowrap">{formatDateTime(p.lastUsed)}</td>
                <td className="cell-number">{p.version}</td>
                <td>
                  <span className={`badge ${p.isActive ? 'badge-ok' : 'badge-neutral'}`}>
                    {p.isActive ? 'Active' : 'Inactive'}
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Pagination page={profiles.data} onChange={setOffset} label="Profiles" />
      </section>
    </>
  );
}
