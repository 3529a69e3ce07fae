import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime } from '../format';
import { CUSTOMERS_PAGE } from '../modules';
import { Link } from '../router';
import { AddAdministratorCard } from './AddAdministratorCard';
import { type Customer, type CustomerFields, customersApi } from './api';
import { CustomerForm } from './CustomerForm';
import { CUSTOMERS_KEY, STATUS_TONE } from './CustomersPage';
import { FacilitiesCard } from './FacilitiesCard';

function BackLink() {
  return (
    <p className="back-link">
      <Link to={CUSTOMERS_PAGE.path}>← All customers</Link>
    </p>
  );
}

function CustomerFacts({ customer }: { customer: Customer }) {
  const rows: [string, string][] = [
    ['Email', customer.email],
    ['Contact person', customer.contactName ?? '—'],
    ['Phone', customer.phone ?? '—'],
    ['Plan', customer.plan],
    ['Start date', formatDate(customer.startDate)],
    ['Last changed', formatDateTime(customer.updatedAt)],
  ];
  return (
    <>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge ${STATUS_TONE[customer.status]}`} data-testid="customer-status">
              {customer.status}
            </span>
          </dd>
        </div>
      </dl>
      {customer.address ? (
        <p className="prose">
          <span className="muted">Address: </span>
          {customer.address}
        </p>
      ) : null}
      {customer.notes ? (
        <p className="prose">
          <span className="muted">Notes: </span>
          {customer.notes}
        </p>
      ) : null}
    </>
  );
}

/** One customer: its details (edit, deactivate), adding its administrators, and its facilities. */
export function CustomerPage({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'detail', id],
    queryFn: ({ signal }) => customersApi.get(id, signal),
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
  const update = useMutation({
    mutationFn: (fields: CustomerFields) => customersApi.update(id, fields),
    onSuccess: () => {
      setEditing(false);
      return invalidate();
    },
  });
  const deactivate = useMutation({ mutationFn: () => customersApi.deactivate(id), onSettled: invalidate });

  if (!detail.data) {
    return (
      <>
        <PageHeader title="Customer" description="A customer of this platform and its facilities." />
        <BackLink />
        {detail.isError ? (
          <ErrorNotice error={detail.error} title="Could not load the customer" />
        ) : (
          <p className="state-message">Loading the customer…</p>
        )}
      </>
    );
  }

  const { customer, facilities } = detail.data;
  return (
    <>
      <PageHeader
        title={customer.name}
        description={`Customer since ${formatDate(customer.startDate)}, ${customer.plan} plan.`}
        actions={
          editing ? null : (
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  update.reset();
                  setEditing(true);
                }}
              >
                Edit
              </button>
              {customer.status === 'inactive' ? null : (
                <ConfirmButton
                  label="Deactivate"
                  className="button button-secondary"
                  title={`Deactivate ${customer.name}?`}
                  message={
                    <p>
                      Its users can no longer sign in and its API keys stop working. Its data is kept, and you
                      can set the status back to active later.
                    </p>
                  }
                  confirmLabel="Deactivate customer"
                  disabled={deactivate.isPending}
                  onConfirm={() => deactivate.mutate()}
                />
              )}
            </>
          )
        }
      />
      <BackLink />
      {deactivate.isError ? <ErrorNotice error={deactivate.error} title="Could not deactivate" /> : null}

      <section className="card" aria-labelledby="customer-details-heading">
        <h2 id="customer-details-heading">{editing ? 'Edit details' : 'Details'}</h2>
        {editing ? (
          <CustomerForm
            customer={customer}
            submitLabel="Save changes"
            pending={update.isPending}
            error={update.error}
            onSubmit={(fields) => update.mutate(fields)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <CustomerFacts customer={customer} />
        )}
      </section>

      <AddAdministratorCard customerId={customer.id} />

      <FacilitiesCard customerId={customer.id} facilities={facilities} />
    </>
  );
}
