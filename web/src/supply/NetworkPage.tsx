// The supply network, one kind at a time (kept in the address): warehouses and orders, which
// analysts edit here, and vehicles and clients as lists.
import { withQuery } from '../api';
import { usePermissions } from '../auth/hooks';
import { PageHeader } from '../components/PageHeader';
import { Pagination, useOffset } from '../components/Pagination';
import { Link, useSearchParam } from '../router';
import type { Client, Vehicle } from './api';
import { type EntityColumn, EntityTable } from './EntityTable';
import { formatMoney, formatQuantity } from './format';
import { useClients, useVehicles, useWarehouses } from './hooks';
import { OrdersSection } from './OrdersSection';
import { SUPPLY_NETWORK_PAGE } from './paths';
import { WarehousesSection } from './WarehousesSection';

const KINDS = [
  { kind: 'warehouses', label: 'Warehouses' },
  { kind: 'orders', label: 'Orders' },
  { kind: 'vehicles', label: 'Vehicles' },
  { kind: 'clients', label: 'Clients' },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

const VEHICLE_COLUMNS: EntityColumn<Vehicle>[] = [
  { label: 'Code', rowHeader: true, nowrap: true, cell: (v) => v.code },
  { label: 'Type', cell: (v) => v.type },
  { label: 'Status', cell: (v) => v.status.replaceAll('_', ' ') },
  {
    label: 'Capacity',
    cell: (v) => `${formatQuantity(v.capacityKg)} kg · ${formatQuantity(v.capacityM3)} m³`,
  },
  { label: 'Cost', cell: (v) => `${formatMoney(v.costPerKm)}/km · ${formatMoney(v.costPerHour)}/h` },
  { label: 'Shift', cell: (v) => `${v.shiftStart}–${v.shiftEnd}` },
  { label: 'Features', cell: (v) => v.features.join(', ') || '—' },
];

const CLIENT_COLUMNS: EntityColumn<Client>[] = [
  { label: 'Name', rowHeader: true, cell: (c) => c.name },
  { label: 'Address', cell: (c) => c.address ?? '—' },
  {
    label: 'Delivery windows',
    cell: (c) =>
      c.timeWindows.length > 0 ? c.timeWindows.map((w) => `${w.start}–${w.end}`).join(', ') : 'any time',
  },
  { label: 'Service', numeric: true, cell: (c) => `${formatQuantity(c.serviceMinutes)} min` },
  { label: 'Priority', numeric: true, cell: (c) => c.priority },
  {
    label: 'SLA',
    numeric: true,
    cell: (c) => (c.slaHours === null ? '—' : `${formatQuantity(c.slaHours)} h`),
  },
];

function VehiclesSection() {
  const { offset, setOffset } = useOffset();
  const vehicles = useVehicles(offset);
  return (
    <section className="card" aria-labelledby="vehicles-heading">
      <h2 id="vehicles-heading">Vehicles</h2>
      <EntityTable
        query={vehicles}
        columns={VEHICLE_COLUMNS}
        noun="vehicles"
        empty="No vehicles yet."
        testId="vehicles-table"
      />
      <Pagination page={vehicles.data} onChange={setOffset} label="Vehicles" />
    </section>
  );
}

function ClientsSection() {
  const { offset, setOffset } = useOffset();
  const clients = useClients(offset);
  return (
    <section className="card" aria-labelledby="clients-heading">
      <h2 id="clients-heading">Clients</h2>
      <EntityTable
        query={clients}
        columns={CLIENT_COLUMNS}
        noun="clients"
        empty="No clients yet."
        testId="clients-table"
      />
      <Pagination page={clients.data} onChange={setOffset} label="Clients" />
    </section>
  );
}

export function NetworkPage() {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const asked = useSearchParam('kind');
  const kind: Kind = KINDS.find((k) => k.kind === asked)?.kind ?? 'warehouses';
  return (
    <>
      <PageHeader title={SUPPLY_NETWORK_PAGE.title} description={SUPPLY_NETWORK_PAGE.description} />
      <nav className="supply-tabs" aria-label="Kinds">
        {KINDS.map((k) => (
          <Link
            key={k.kind}
            to={withQuery(SUPPLY_NETWORK_PAGE.path, { kind: k.kind })}
            className={k.kind === kind ? 'supply-tab is-active' : 'supply-tab'}
            aria-current={k.kind === kind ? 'page' : undefined}
          >
            {k.label}
          </Link>
        ))}
      </nav>
      {kind === 'warehouses' ? <WarehousesSection canEdit={permissions.planSupply} /> : null}
      {kind === 'orders' ? (
        <OrdersSection canEdit={permissions.planSupply} warehouses={warehouses.data?.items ?? []} />
      ) : null}
      {kind === 'vehicles' ? <VehiclesSection /> : null}
      {kind === 'clients' ? <ClientsSection /> : null}
    </>
  );
}
