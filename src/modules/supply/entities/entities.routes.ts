import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { kindRoutes, tags } from './crud.routes.ts';
import {
  ClientCreate,
  ClientPatch,
  ClientQuery,
  InventoryCreate,
  InventoryDeleteQuery,
  InventoryPatch,
  InventoryQuery,
  VehicleCreate,
  VehiclePatch,
  VehicleQuery,
  WarehouseCreate,
  WarehousePatch,
  WarehouseQuery,
} from './entities.schemas.ts';
import type { EntitiesService } from './entities.service.ts';
import { importsRoutes } from './imports.routes.ts';
import {
  AssignmentCreate,
  AssignmentPatch,
  AssignmentQuery,
  DemandQuery,
  OrderCreate,
  OrderPatch,
  OrderQuery,
} from './orders.schemas.ts';

// The supply entities under /supply/entities/<kind> (the seed's paths), the demand history of an
// inventory row, and the CSV imports under /supply/imports/<kind>.

export function entitiesRoutes(app: App, { entities }: { entities: EntitiesService }) {
  kindRoutes(app, {
    kind: 'warehouses',
    one: 'SupplyWarehouse',
    many: 'SupplyWarehouses',
    create: WarehouseCreate,
    patch: WarehousePatch,
    query: WarehouseQuery,
    service: entities.warehouses,
    summary: {
      list: 'Warehouses (search by code or name)',
      create: 'Create a warehouse (code unique)',
      get: 'A warehouse',
      update: 'Change a warehouse',
      remove: 'Delete a warehouse (409 while inventory, orders, vehicles or demand history refer to it)',
    },
  });

  const { remove: removeInventory, demand, ...inventory } = entities.inventory;
  kindRoutes(app, {
    kind: 'inventory',
    one: 'SupplyInventory',
    many: 'SupplyInventoryRows',
    create: InventoryCreate,
    patch: InventoryPatch,
    query: InventoryQuery,
    service: inventory,
    summary: {
      list: 'Inventory rows: a SKU at a warehouse with its stock and replenishment parameters',
      create: 'Add a SKU to a warehouse (one row per SKU and warehouse)',
      get: 'An inventory row',
      update: 'Change stock figures or replenishment parameters',
    },
  });
  app.delete(
    '/supply/entities/inventory/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteSupplyInventory',
        summary:
          'Delete an inventory row (409 while it has demand history, unless an admin passes ?purge=true)',
        params: IdParams,
        querystring: InventoryDeleteQuery,
        response: { 204: Type.Null(), ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeInventory(principalOf(request), request.params.id, request.query.purge ?? false);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/supply/entities/inventory/:id/demand',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyDemandHistory',
        summary: "The SKU's demand at its warehouse per day, week (from Monday) or month, with promotions",
        description:
          'Imported demand history plus the lines of shipped and delivered customer orders on their requested date. Buckets without demand are 0; without `from`/`to` the series runs from the first to the last bucket with demand.',
        params: IdParams,
        querystring: DemandQuery,
        response: { 200: Type.Ref('SupplyDemandSeries'), ...errorResponses(400, 404) },
      },
    },
    async (request) => demand(principalOf(request), request.params.id, request.query),
  );

  kindRoutes(app, {
    kind: 'vehicles',
    one: 'SupplyVehicle',
    many: 'SupplyVehicles',
    create: VehicleCreate,
    patch: VehiclePatch,
    query: VehicleQuery,
    service: entities.vehicles,
    summary: {
      list: 'Vehicles (filter by status, depot; search by code or type)',
      create: 'Register a vehicle (code unique)',
      get: 'A vehicle',
      update: 'Change a vehicle',
      remove: 'Delete a vehicle (409 while it has assignments)',
    },
  });

  kindRoutes(app, {
    kind: 'clients',
    one: 'SupplyClient',
    many: 'SupplyClients',
    create: ClientCreate,
    patch: ClientPatch,
    query: ClientQuery,
    service: entities.clients,
    summary: {
      list: 'Clients (search by name or address)',
      create: 'Create a client (name unique) with its delivery windows',
      get: 'A client',
      update: 'Change a client',
      remove: 'Delete a client (409 while it has orders)',
    },
  });

  kindRoutes(app, {
    kind: 'orders',
    one: 'SupplyOrder',
    many: 'SupplyOrders',
    create: OrderCreate,
    patch: OrderPatch,
    query: OrderQuery,
    service: entities.orders,
    summary: {
      list: 'Orders (filter by kind, status, client, warehouse, SKU, requested date)',
      create: 'Create a customer, purchase or transfer order (a confirmed purchase goes on order)',
      get: 'An order',
      update:
        'Change an order or move it along its lifecycle (allocating reserves stock, shipping takes it out, receiving a purchase puts it on hand)',
      remove: 'Delete a draft or cancelled order (409 otherwise, or while it has vehicle assignments)',
    },
  });

  kindRoutes(app, {
    kind: 'vehicle-assignments',
    one: 'SupplyVehicleAssignment',
    many: 'SupplyVehicleAssignments',
    create: AssignmentCreate,
    patch: AssignmentPatch,
    query: AssignmentQuery,
    service: entities.assignments,
    summary: {
      list: 'Vehicle assignments (filter by vehicle, order, status)',
      create: 'Assign an order to a vehicle',
      get: 'A vehicle assignment',
      update: 'Change an assignment (times, sequence, status)',
      remove: 'Delete an assignment',
    },
  });

  importsRoutes(app, { imports: entities.imports });
}
