// Every SKU at every warehouse: search by SKU or description, filter by warehouse (kept in the
// address), stock on hand and on order, each row leading to the SKU's page. Analysts add rows here.
import { useState } from 'react';
import { withQuery } from '../api';
import { usePermissions } from '../auth/hooks';
import { InputField, SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { useDebounced } from '../debounce';
import { Link, navigate, useSearchParam } from '../router';
import type { InventoryRow, Warehouse } from './api';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatLevel, formatMoney, formatQuantity } from './format';
import { useInventoryList, useWarehouses } from './hooks';
import { InventoryForm } from './InventoryForm';
import { SUPPLY_INVENTORY_PAGE, skuPath } from './paths';

const PAGE_SIZE = 50;

function columns(warehouses: ReadonlyMap<string, Warehouse>): EntityColumn<InventoryRow>[] {
  return [
    {
      label: 'SKU',
      rowHeader: true,
      nowrap: true,
      cell: (row) => (
        <Link to={skuPath(row.id)} data-testid={`sku-link-${row.sku}`}>
          {row.sku}
        </Link>
      ),
    },
    { label: 'Description', cell: (row) => row.description ?? '—' },
    { label: 'Warehouse', cell: (row) => warehouses.get(row.warehouseId)?.code ?? '—' },
    { label: 'Category', cell: (row) => row.category ?? '—' },
    { label: 'On hand', numeric: true, cell: (row) => formatQuantity(row.onHand) },
    { label: 'Reserved', numeric: true, cell: (row) => formatQuantity(row.reserved) },
    { label: 'On order', numeric: true, cell: (row) => formatQuantity(row.onOrder) },
    { label: 'Unit cost', numeric: true, cell: (row) => formatMoney(row.unitCost) },
    { label: 'Lead time', numeric: true, cell: (row) => `${formatQuantity(row.leadTimeDays)} d` },
    { label: 'Service', numeric: true, cell: (row) => formatLevel(row.serviceLevel) },
  ];
}

export function InventoryPage() {
  const permissions = usePermissions();
  const [creating, setCreating] = useState(false);
  const warehouses = useWarehouses();
  const warehouseId = useSearchParam('warehouse') ?? '';
  const offset = Math.max(0, Number(useSearchParam('offset')) || 0);
  const [search, setSearch] = useState(useSearchParam('search') ?? '');
  const settled = useDebounced(search.trim());

  const list = useInventoryList({
    limit: PAGE_SIZE,
    offset,
    ...(warehouseId ? { warehouseId } : {}),
    ...(settled ? { search: settled } : {}),
  });
  const byId = new Map((warehouses.data?.items ?? []).map((w) => [w.id, w]));

  const show = (next: { warehouse?: string; offset?: number; search?: string }) => {
    const params = { warehouse: warehouseId, search: settled, offset: 0, ...next };
    navigate(
      withQuery(SUPPLY_INVENTORY_PAGE.path, {
        warehouse: params.warehouse || undefined,
        search: params.search || undefined,
        offset: params.offset || undefined,
      }),
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader title={SUPPLY_INVENTORY_PAGE.title} description={SUPPLY_INVENTORY_PAGE.description} />
      {creating ? (
        <InventoryForm
          editing={null}
          warehouses={warehouses.data?.items ?? []}
          onDone={() => setCreating(false)}
        />
      ) : null}
      <section className="card" aria-labelledby="inventory-heading">
        <div className="card-heading">
          <h2 id="inventory-heading">Stock points</h2>
          {permissions.planSupply && !creating && (warehouses.data?.items.length ?? 0) > 0 ? (
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              New stock point
            </button>
          ) : null}
        </div>
        <div className="toolbar">
          <InputField
            id="inventory-search"
            label="Search SKU or description"
            type="search"
            value={search}
            onChange={(value) => {
              setSearch(value);
              if (offset) show({ offset: 0, search: value.trim() });
            }}
          />
          <SelectField
            id="inventory-warehouse"
            label="Warehouse"
            value={warehouseId}
            onChange={(warehouse) => show({ warehouse })}
          >
            <option value="">All warehouses</option>
            {(warehouses.data?.items ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </SelectField>
        </div>
        <EntityTable
          query={list}
          columns={columns(byId)}
          noun="stock points"
          empty={
            settled || warehouseId
              ? 'No SKU matches these filters.'
              : 'No inventory yet: add warehouses and SKUs, or import them from a CSV file.'
          }
          testId="inventory-table"
          rowTestId={(row) => `inventory-${row.sku}`}
        />
        <Pagination page={list.data} onChange={(next) => show({ offset: next })} label="Stock points" />
      </section>
    </>
  );
}
