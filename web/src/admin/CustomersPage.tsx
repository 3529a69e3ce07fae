import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryTable } from '../components/DataTable';
import { InputField, SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { useDebounced } from '../debounce';
import { formatDate } from '../format';
import { CUSTOMERS_PAGE } from '../modules';
import { Link } from '../router';
import { type Customer, type CustomerPlan, type CustomerStatus, customersApi } from './api';
import { CustomerForm } from './CustomerForm';

const PAGE_SIZE = 20;
export const CUSTOMERS_KEY = ['admin', 'customers'] as const;

export const STATUS_TONE: Record<CustomerStatus, string> = {
  active: 'badge-ok',
  trial: 'badge-warn',
  inactive: 'badge-bad',
};

export const customerPath = (customer: Pick<Customer, 'id'>) =>
  `${CUSTOMERS_PAGE.path}/${encodeURIComponent(customer.id)}`;

export function CustomersPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CustomerStatus | ''>('');
  const [plan, setPlan] = useState<CustomerPlan | ''>('');
  const { offset, setOffset, refilter } = useOffset();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Customer | null>(null);

  const filter = { search: useDebounced(search.trim()), status, plan, limit: PAGE_SIZE, offset };
  const customers = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'list', filter],
    queryFn: ({ signal }) => customersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: customersApi.create,
    onSuccess: (customer) => {
      setCreated(customer);
      setCreating(false);
      return queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
    },
  });

  const filtered = search !== '' || status !== '' || plan !== '';
  return (
    <>
      <PageHeader
        title={CUSTOMERS_PAGE.title}
        description={CUSTOMERS_PAGE.description}
        actions={
          creating ? null : (
            <button
              type="button"
              className="button"
              onClick={() => {
                create.reset();
                setCreated(null);
                setCreating(true);
              }}
            >
              New customer
            </button>
          )
        }
      />

      {created ? (
        <div className="notice notice-success" role="status">
          <p>
            Customer <Link to={customerPath(created)}>{created.name}</Link> was created. Open it to add its
            facilities.
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setCreated(null)}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      {creating ? (
        <section className="card" aria-labelledby="new-customer-heading">
          <h2 id="new-customer-heading">New customer</h2>
          <CustomerForm
            submitLabel="Create customer"
            pending={create.isPending}
            error={create.error}
            onSubmit={(fields) => create.mutate({ name: '', email: '', ...fields })}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="customers-heading">
        <h2 id="customers-heading">All customers</h2>
        <div className="toolbar">
          <InputField
            id="customers-search"
            label="Search"
            type="search"
            placeholder="Name, email or contact"
            value={search}
            onChange={refilter(setSearch)}
          />
          <SelectField
            id="customers-status"
            label="Status"
            value={status}
            onChange={(value) => refilter(setStatus)(value as CustomerStatus | '')}
          >
            <option value="">Any status</option>
            <option value="trial">Trial</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </SelectField>
          <SelectField
            id="customers-plan"
            label="Plan"
            value={plan}
            onChange={(value) => refilter(setPlan)(value as CustomerPlan | '')}
          >
            <option value="">Any plan</option>
            <option value="pilot">Pilot</option>
            <option value="subscription">Subscription</option>
          </SelectField>
        </div>

        <QueryTable
          query={customers}
          loading="Loading customers…"
          errorTitle="Could not load the customers"
          empty={filtered ? 'No customers match these filters.' : 'No customers yet. Create the first one.'}
          columns={['Name', 'Email', 'Contact', 'Plan', 'Status', 'Since']}
          row={(customer) => (
            <tr data-testid={`customer-${customer.name}`}>
              <td>
                <Link to={customerPath(customer)}>{customer.name}</Link>
              </td>
              <td>{customer.email}</td>
              <td>{customer.contactName ?? '—'}</td>
              <td>{customer.plan}</td>
              <td>
                <span className={`badge ${STATUS_TONE[customer.status]}`}>{customer.status}</span>
              </td>
              <td>{formatDate(customer.startDate)}</td>
            </tr>
          )}
        />
        <Pagination page={customers.data} onChange={setOffset} label="Customers" />
      </section>
    </>
  );
}
