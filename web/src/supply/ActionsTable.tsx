// A decision's purchase-order lines; each row opens to why it proposes its quantity: the factors as
// a waterfall with their sentences (they add up to the quantity), and the policy figures behind it.
import { Fragment, useState } from 'react';
import { type Column, DataTable } from '../components/DataTable';
import { formatDate } from '../format';
import { Link } from '../router';
import type { ExplainedItem, Explanation, Warehouse } from './api';
import { FactorWaterfall } from './FactorWaterfall';
import { formatMoney, formatQuantity } from './format';
import { useReadable } from './hooks';
import { PolicyFacts } from './PolicyFacts';
import { skuPath } from './paths';

const COLUMNS: readonly Column[] = [
  { label: 'Details', hidden: true },
  'SKU',
  'Warehouse',
  'Quantity',
  'Amount',
  'Order on',
  'Arrives',
  'Reason',
];

function ActionRow({
  item,
  index,
  warehouse,
}: {
  item: ExplainedItem;
  index: number;
  warehouse: Warehouse | undefined;
}) {
  const [open, setOpen] = useState(false);
  const readable = useReadable();
  const detailsId = `action-why-${index}`;
  return (
    <Fragment>
      <tr data-testid={`action-${item.sku}`} className={open ? 'row-open' : undefined}>
        <td>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide why' : 'Why?'}
            <span className="visually-hidden"> {item.sku}</span>
          </button>
        </td>
        <th scope="row" className="cell-nowrap">
          <Link to={skuPath(item.inventoryId)}>{item.sku}</Link>
        </th>
        <td>{warehouse?.code ?? '—'}</td>
        <td className="cell-number" data-testid="action-quantity">
          {formatQuantity(item.quantity)}
        </td>
        <td className="cell-number">{formatMoney(item.amount)}</td>
        <td className="cell-nowrap">{formatDate(item.orderDate)}</td>
        <td className="cell-nowrap">{formatDate(item.expectedArrival)}</td>
        <td className="cell-details">{readable(item.reason)}</td>
      </tr>
      {open ? (
        <tr id={detailsId} className="row-details">
          <td colSpan={COLUMNS.length}>
            <div className="action-why" data-testid={`action-why-${item.sku}`}>
              <h3 className="subheading">
                Why {formatQuantity(item.quantity)} units of {item.sku}
              </h3>
              <FactorWaterfall factors={item.factors} quantity={item.quantity} testId="action-factors" />
              {item.notes.length > 0 ? (
                <ul className="notice-list">
                  {item.notes.map((note) => (
                    <li key={note}>{readable(note)}</li>
                  ))}
                </ul>
              ) : null}
              <details className="chart-data">
                <summary>Policy figures</summary>
                <PolicyFacts item={item} testPrefix={`action-${index}`} />
              </details>
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

export function ActionsTable({
  explanation,
  warehouses,
}: {
  explanation: Explanation;
  warehouses: ReadonlyMap<string, Warehouse>;
}) {
  const items = explanation.items;
  return (
    <section className="card" aria-labelledby="decision-actions-heading">
      <h2 id="decision-actions-heading">Purchase-order lines</h2>
      {items.length === 0 ? (
        <p className="state-message" data-testid="actions-empty">
          Nothing to order: every SKU in scope is covered.
        </p>
      ) : (
        <>
          {explanation.actionCount > items.length ? (
            <p className="muted">
              The first {items.length} of {explanation.actionCount} lines with their reasons.
            </p>
          ) : null}
          <DataTable columns={COLUMNS} dense caption="Purchase-order lines" testId="actions-table">
            {items.map((item, i) => (
              <ActionRow
                key={item.actionId ?? i}
                item={item}
                index={i}
                warehouse={warehouses.get(item.warehouseId)}
              />
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
