// What if this SKU's figures were different: change the stock, the lead time or the service level
// and see the policy and the proposal the engine would make (POST /supply/explain; nothing stored).
import { type FormEvent, useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { InputField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { type ExplainedItem, type InventoryRow, type Overrides, policyOf } from './api';
import { FactorWaterfall } from './FactorWaterfall';
import { formatLevel, formatQuantity } from './format';
import { useExplain, useReadable } from './hooks';

interface Fields {
  onHand: string;
  onOrder: string;
  leadTimeDays: string;
  leadTimeSdDays: string;
  servicePercent: string;
}

const fieldsOf = (row: InventoryRow): Fields => ({
  onHand: String(row.onHand),
  onOrder: String(row.onOrder),
  leadTimeDays: String(row.leadTimeDays),
  leadTimeSdDays: String(row.leadTimeSdDays),
  servicePercent: String(Math.round(row.serviceLevel * 1000) / 10),
});

/** Only what differs from the row is sent. */
function overridesOf(row: InventoryRow, f: Fields): Overrides {
  const changed: Overrides = {};
  const number = (text: string) => Number(text);
  if (number(f.onHand) !== row.onHand) changed.onHand = number(f.onHand);
  if (number(f.onOrder) !== row.onOrder) changed.onOrder = number(f.onOrder);
  if (number(f.leadTimeDays) !== row.leadTimeDays) changed.leadTimeDays = number(f.leadTimeDays);
  if (number(f.leadTimeSdDays) !== row.leadTimeSdDays) changed.leadTimeSdDays = number(f.leadTimeSdDays);
  const level = number(f.servicePercent) / 100;
  if (Math.abs(level - row.serviceLevel) > 1e-9) changed.serviceLevel = level;
  return changed;
}

function Comparison({ now, then }: { now: ExplainedItem; then: ExplainedItem }) {
  const a = policyOf(now);
  const b = policyOf(then);
  const rows: [string, string, string][] = [
    ['Quantity to order', formatQuantity(now.quantity), formatQuantity(then.quantity)],
    [
      a.trigger.kind === 'reorder_point' ? 'Reorder point' : 'Order-up-to level',
      formatQuantity(a.trigger.level),
      formatQuantity(b.trigger.level),
    ],
    ['Safety stock', formatQuantity(a.safetyStock), formatQuantity(b.safetyStock)],
    ['Service level', formatLevel(a.service.level), formatLevel(b.service.level)],
    ['Economic order quantity', formatQuantity(a.eoq), formatQuantity(b.eoq)],
    ['Inventory position', formatQuantity(a.inventoryPosition), formatQuantity(b.inventoryPosition)],
  ];
  return (
    <DataTable columns={['Figure', 'Now', 'What if']} dense caption="The proposal now and with the changes">
      {rows.map(([name, before, after]) => (
        <tr key={name} className={before !== after ? 'row-changed' : undefined}>
          <th scope="row">{name}</th>
          <td className="cell-number">{before}</td>
          <td className="cell-number" data-testid={`what-if-${name.toLowerCase().replaceAll(' ', '-')}`}>
            {after}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function WhatIfPanel({ row, baseline }: { row: InventoryRow; baseline: ExplainedItem | undefined }) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(row));
  const [overrides, setOverrides] = useState<Overrides | null>(null);
  const readable = useReadable();
  const what = useExplain({ inventoryId: row.id, overrides: overrides ?? {} }, overrides !== null);
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOverrides(overridesOf(row, fields));
  };
  const number = (name: keyof Fields, label: string, max?: number) => (
    <InputField
      id={`what-if-${name}`}
      label={label}
      type="number"
      min={name === 'servicePercent' ? 50 : 0}
      max={max}
      step="any"
      required
      narrow
      value={fields[name]}
      onChange={set(name)}
    />
  );
  const item = overrides ? what.data?.item : undefined;

  return (
    <section className="card" aria-labelledby="what-if-heading">
      <h2 id="what-if-heading">What if</h2>
      <p className="muted">
        Change the figures and see what the engine would propose with the same forecast. Nothing is saved.
      </p>
      <form className="form" onSubmit={submit} aria-label="What-if figures" aria-busy={what.isFetching}>
        <div className="form-grid">
          {number('onHand', 'On hand')}
          {number('onOrder', 'On order')}
          {number('leadTimeDays', 'Lead time (days)', 3650)}
          {number('leadTimeSdDays', 'Lead-time deviation (days)', 3650)}
          {number('servicePercent', 'Service level (%)', 99.9)}
        </div>
        <FormActions
          label="Recompute"
          pendingLabel="Computing…"
          pending={overrides !== null && what.isFetching}
          onCancel={
            overrides
              ? () => {
                  setFields(fieldsOf(row));
                  setOverrides(null);
                }
              : undefined
          }
        />
      </form>
      {what.isError ? <ErrorNotice error={what.error} title="Could not compute the what-if" /> : null}
      {item && baseline ? (
        <div data-testid="what-if-result">
          <Comparison now={baseline} then={item} />
          <p className="prose" data-testid="what-if-reason">
            {readable(item.reason)}
          </p>
          <FactorWaterfall factors={item.factors} quantity={item.quantity} />
        </div>
      ) : null}
    </section>
  );
}
