// The supply network, one kind at a time (kept in the address): warehouses, orders, vehicles and
// clients, which analysts create and edit here, and (analysts only) imports from CSV or XLSX files.
import { withQuery } from '../api';
import { usePermissions } from '../auth/hooks';
import { PageHeader } from '../components/PageHeader';
import { Link, useSearchParam } from '../router';
import { ClientsSection } from './ClientsSection';
import { useWarehouses } from './hooks';
import { ImportSection } from './ImportSection';
import { OrdersSection } from './OrdersSection';
import { SUPPLY_NETWORK_PAGE } from './paths';
import { VehiclesSection } from './VehiclesSection';
import { WarehousesSection } from './WarehousesSection';

const KINDS = [
  { kind: 'warehouses', label: 'Warehouses' },
  { kind: 'orders', label: 'Orders' },
  { kind: 'vehicles', label: 'Vehicles' },
  { kind: 'clients', label: 'Clients' },
  { kind: 'import', label: 'Import' },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

export function NetworkPage() {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const asked = useSearchParam('kind');
  // Importing writes: the tab is offered (and opened) to analysts only.
  const kinds = KINDS.filter((k) => k.kind !== 'import' || permissions.planSupply);
  const kind: Kind = kinds.find((k) => k.kind === asked)?.kind ?? 'warehouses';
  return (
    <>
      <PageHeader title={SUPPLY_NETWORK_PAGE.title} description={SUPPLY_NETWORK_PAGE.description} />
      <nav className="supply-tabs" aria-label="Kinds">
        {kinds.map((k) => (
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
      {kind === 'vehicles' ? (
        <VehiclesSection canEdit={permissions.planSupply} warehouses={warehouses.data?.items ?? []} />
      ) : null}
      {kind === 'clients' ? <ClientsSection canEdit={permissions.planSupply} /> : null}
      {kind === 'import' ? <ImportSection /> : null}
    </>
  );
}
