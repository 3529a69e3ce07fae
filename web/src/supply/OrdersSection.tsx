// Orders (customer, purchase, transfer): filtered by kind, status and warehouse; analysts create one
// and move it along its lifecycle (confirm, receive, ship…, which moves stock on the server).
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField, SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { Pagination, useOffset } from '../components/Pagination';
import { formatDate } from '../format';
import {
  nextStatuses,
  ORDER_KINDS,
  type Order,
  type OrderInput,
  type OrderKind,
  type OrderStatus,
  supplyApi,
  type Warehouse,
} from './api';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatQuantity } from './format';
import { useEntityChange, useOrders } from './hooks';

interface Line {
  sku: string;
  quantity: string;
}

function OrderForm({ warehouses, onDone }: { warehouses: readonly Warehouse[]; onDone: () => void }) {
  const [kind, setKind] = useState<OrderKind>('purchase');
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? '');
  const [supplier, setSupplier] = useState('');
  const [requestedDate, setRequestedDate] = useState(new Date().toISOString().slice(0, 10));
  const [lines, setLines] = useState<Line[]>([{ sku: '', quantity: '' }]);
  const create = useEntityChange((input: OrderInput) => supplyApi.createOrder(input));
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((all) => all.map((line, j) => (j === i ? { ...line, ...patch } : line)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      {
        kind,
        warehouseId: warehouseId || (warehouses[0]?.id ?? ''),
        requestedDate,
        ...(supplier.trim() ? { supplier: supplier.trim() } : {}),
        lines: lines.map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity) })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <section className="card" aria-labelledby="order-form-heading">
      <h2 id="order-form-heading">New order</h2>
      <p className="muted">Customer orders need a client: create them through the API or a CSV import.</p>
      {create.isError ? <ErrorNotice error={create.error} title="Could not create the order" /> : null}
      <form className="form" onSubmit={submit} aria-busy={create.isPending}>
        <div className="form-grid">
          <SelectField id="order-kind" label="Kind" value={kind} onChange={(v) => setKind(v as OrderKind)}>
            <option value="purchase">purchase</option>
            <option value="transfer">transfer</option>
          </SelectField>
          <SelectField
            id="order-warehouse"
            label="Warehouse"
            required
            value={warehouseId}
            onChange={setWarehouseId}
          >
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </SelectField>
          <InputField
            id="order-supplier"
            label="Supplier (optional)"
            maxLength={200}
            value={supplier}
            onChange={setSupplier}
          />
          <InputField
            id="order-date"
            label="Requested date"
            type="date"
            required
            value={requestedDate}
            onChange={setRequestedDate}
          />
        </div>
        <fieldset className="order-lines">
          <legend>Lines</legend>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
            <div className="form-grid" key={i}>
              <InputField
                id={`order-line-${i}-sku`}
                label={`SKU of line ${i + 1}`}
                required
                maxLength={100}
                value={line.sku}
                onChange={(sku) => setLine(i, { sku })}
              />
              <InputField
                id={`order-line-${i}-quantity`}
                label={`Quantity of line ${i + 1}`}
                type="number"
                required
                min={0.000001}
                step="any"
                value={line.quantity}
                onChange={(quantity) => setLine(i, { quantity })}
              />
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setLines([...lines, { sku: '', quantity: '' }])}
          >
            Add a line
          </button>
        </fieldset>
        <FormActions
          label="Create order"
          pendingLabel="Creating…"
          pending={create.isPending}
          onCancel={onDone}
        />
      </form>
    </section>
  );
}

function StatusChange({ order }: { order: Order }) {
  const change = useEntityChange((status: OrderStatus) => supplyApi.updateOrder(order.id, { status }));
  const next = nextStatuses(order);
  if (next.length === 0) return null;
  return (
    <span className="order-status-change">
      {next.map((status) => (
        <button
          key={status}
          type="button"
          className="button button-secondary button-small"
          disabled={change.isPending}
          onClick={() => change.mutate(status)}
        >
          {status === 'cancelled' ? 'Cancel' : `Mark ${status}`}
          <span className="visually-hidden"> order {order.reference ?? order.id.slice(0, 8)}</span>
        </button>
      ))}
      {change.isError ? <ErrorNotice error={change.error} title="Could not change the order" /> : null}
    </span>
  );
}

function columns(warehouses: ReadonlyMap<string, Warehouse>): EntityColumn<Order>[] {
  return [
    { label: 'Reference', rowHeader: true, nowrap: true, cell: (o) => o.reference ?? o.id.slice(0, 8) },
    { label: 'Kind', cell: (o) => o.kind },
    { label: 'Status', cell: (o) => <span className="badge badge-neutral">{o.status}</span> },
    { label: 'Warehouse', cell: (o) => warehouses.get(o.warehouseId)?.code ?? '—' },
    { label: 'Supplier', cell: (o) => o.supplier ?? '—' },
    { label: 'Requested', cell: (o) => formatDate(o.requestedDate) },
    {
      label: 'Lines',
      cell: (o) => (
        <span className="cell-details">
          {o.lines
            .slice(0, 3)
            .map((l) => `${l.sku} × ${formatQuantity(l.quantity)}`)
            .join(', ')}
          {o.lines.length > 3 ? ` and ${o.lines.length - 3} more` : ''}
        </span>
      ),
    },
    { label: 'From decision', cell: (o) => (o.decisionId ? 'yes' : '') },
  ];
}

export function OrdersSection({
  canEdit,
  warehouses,
}: {
  canEdit: boolean;
  warehouses: readonly Warehouse[];
}) {
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<OrderKind | ''>('');
  const [warehouseId, setWarehouseId] = useState('');
  const { offset, setOffset, refilter } = useOffset();
  const orders = useOrders({
    limit: 50,
    offset,
    ...(kind ? { kind } : {}),
    ...(warehouseId ? { warehouseId } : {}),
  });
  const byId = new Map(warehouses.map((w) => [w.id, w]));
  return (
    <>
      {creating ? <OrderForm warehouses={warehouses} onDone={() => setCreating(false)} /> : null}
      <section className="card" aria-labelledby="orders-heading">
        <div className="card-heading">
          <h2 id="orders-heading">Orders</h2>
          {canEdit && !creating ? (
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              New order
            </button>
          ) : null}
        </div>
        <div className="toolbar">
          <SelectField
            id="orders-kind"
            label="Kind"
            value={kind}
            onChange={refilter((v: string) => setKind(v as OrderKind | ''))}
          >
            <option value="">Any kind</option>
            {ORDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="orders-warehouse"
            label="Warehouse"
            value={warehouseId}
            onChange={refilter(setWarehouseId)}
          >
            <option value="">All warehouses</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code}
              </option>
            ))}
          </SelectField>
        </div>
        <EntityTable
          query={orders}
          columns={columns(byId)}
          noun="orders"
          empty="No orders match."
          testId="orders-table"
          actions={canEdit ? (o) => <StatusChange order={o} /> : undefined}
        />
        <Pagination page={orders.data} onChange={setOffset} label="Orders" />
      </section>
    </>
  );
}
