import Type from 'typebox';
import { REVIEW_POLICIES, SERVICE_KINDS, VEHICLE_STATUSES } from '../../../platform/db/schema/index.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { literals, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { Amount, Clock, Code, Name, optional, Priority, patchOf, Sku, Stamp, TimeWindow } from './fields.ts';
import { ORDER_SCHEMAS } from './orders.schemas.ts';

// Request and response schemas of the supply entities (seed 002, issue 16): warehouses, inventory,
// vehicles and clients here; orders, vehicle assignments and demand in orders.schemas.ts.
// Responses are registered by $id (ENTITY_SCHEMAS) and referenced from the routes.

const Address = Nullable(Text({ maxLength: 500 }));
const Latitude = Nullable(Type.Number({ minimum: -90, maximum: 90 }));
const Longitude = Nullable(Type.Number({ minimum: -180, maximum: 180 }));
const Days = (description: string) => Type.Number({ minimum: 0, maximum: 3650, description });
const Windows = (description: string) => Type.Array(TimeWindow, { maxItems: 24, description });
const Search = Type.Optional(Text({ minLength: 1, maxLength: 100, description: 'Part of the code or name' }));

// Warehouses ----------------------------------------------------------------------------------

const warehouseFields = {
  code: Code,
  name: Name,
  address: Address,
  latitude: Latitude,
  longitude: Longitude,
  capacity: Nullable(Amount('Storage capacity in units (null: unlimited)')),
  operatingHours: Windows('Opening windows of a day'),
};
export const WarehouseCreate = Type.Object(
  {
    code: warehouseFields.code,
    name: warehouseFields.name,
    address: Type.Optional(warehouseFields.address),
    latitude: Type.Optional(warehouseFields.latitude),
    longitude: Type.Optional(warehouseFields.longitude),
    capacity: Type.Optional(warehouseFields.capacity),
    operatingHours: Type.Optional(warehouseFields.operatingHours),
  },
  { additionalProperties: false },
);
export const WarehousePatch = patchOf(warehouseFields);
export const WarehouseQuery = Type.Object({ search: Search, ...PageQuery }, { additionalProperties: false });
const Warehouse = Type.Object(
  {
    id: Uuid,
    ...warehouseFields,
    code: Type.String(),
    name: Type.String(),
    createdAt: Stamp,
    updatedAt: Stamp,
  },
  { $id: 'SupplyWarehouse' },
);

// Inventory -------------------------------------------------------------------------------------

const inventoryFields = {
  description: Nullable(Text({ maxLength: 500 })),
  category: Nullable(Text({ minLength: 1, maxLength: 100 })),
  onHand: Amount('Units in stock'),
  reserved: Amount('Units promised to allocated customer orders'),
  onOrder: Amount('Units on open purchase orders'),
  unitCost: Amount('Cost of one unit'),
  holdingCostRate: Amount('Holding cost per year as a fraction of the unit cost', 10),
  orderingCost: Amount('Fixed cost of placing one order'),
  leadTimeDays: Days('Mean supplier lead time in days'),
  leadTimeSdDays: Days('Standard deviation of the lead time in days'),
  serviceLevel: Type.Number({
    exclusiveMinimum: 0,
    exclusiveMaximum: 1,
    description: 'Target service level, strictly between 0 and 1',
  }),
  serviceKind: literals(SERVICE_KINDS),
  moq: Amount('Minimum order quantity', 1e9),
  lotSize: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'Orders are multiples of it' }),
  policy: literals(REVIEW_POLICIES),
  reviewPeriodDays: Days('Review period of the (R, S) policy in days'),
  supplier: Nullable(Text({ maxLength: 200 })),
  unitWeightKg: Amount('Weight of one unit in kg (an order line weighs quantity × this)', 1e5),
  unitVolumeM3: Amount('Volume of one unit in m³ (an order line takes quantity × this)', 1e3),
};
export const InventoryCreate = Type.Object(
  { warehouseId: Uuid, sku: Sku, ...optional(inventoryFields) },
  { additionalProperties: false },
);
export const InventoryPatch = patchOf(
  inventoryFields,
  'The warehouse and SKU of a row are its identity and do not change',
);
export const InventoryQuery = Type.Object(
  {
    warehouseId: Type.Optional(Uuid),
    sku: Type.Optional(Text({ minLength: 1, maxLength: 100, description: 'SKUs starting with this' })),
    search: Type.Optional(
      Text({ minLength: 1, maxLength: 100, description: 'Part of the SKU or description' }),
    ),
    category: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const InventoryDeleteQuery = Type.Object(
  {
    purge: Type.Optional(
      Type.Boolean({ default: false, description: 'Delete its demand history too (admins only)' }),
    ),
  },
  { additionalProperties: false },
);
const Inventory = Type.Object(
  {
    id: Uuid,
    warehouseId: Uuid,
    sku: Type.String(),
    ...inventoryFields,
    category: Nullable(Type.String()),
    createdAt: Stamp,
    updatedAt: Stamp,
  },
  { $id: 'SupplyInventory' },
);

// Vehicles --------------------------------------------------------------------------------------

const vehicleFields = {
  code: Code,
  type: Text({ minLength: 1, maxLength: 50 }),
  capacityKg: Amount('Load capacity in kg', 1e7),
  capacityM3: Amount('Load capacity in m³', 1e5),
  costPerKm: Amount('Cost per km driven', 1e6),
  costPerHour: Amount('Cost per hour on the road', 1e6),
  co2PerKm: Amount('kg of CO2 per km', 1e4),
  depotId: Nullable(Uuid),
  shiftStart: Clock,
  shiftEnd: Clock,
  maxDrivingHours: Type.Number({ minimum: 0, maximum: 24 }),
  status: literals(VEHICLE_STATUSES),
  features: Type.Array(Text({ minLength: 1, maxLength: 50 }), {
    maxItems: 20,
    description: 'E.g. refrigerated, tail-lift',
  }),
};
const { code: vehicleCode, type: vehicleType, capacityKg, capacityM3, ...vehicleOptional } = vehicleFields;
export const VehicleCreate = Type.Object(
  { code: vehicleCode, type: vehicleType, capacityKg, capacityM3, ...optional(vehicleOptional) },
  { additionalProperties: false },
);
export const VehiclePatch = patchOf(vehicleFields);
export const VehicleQuery = Type.Object(
  {
    status: Type.Optional(literals(VEHICLE_STATUSES)),
    depotId: Type.Optional(Uuid),
    search: Search,
    ...PageQuery,
  },
  { additionalProperties: false },
);
const Vehicle = Type.Object(
  {
    id: Uuid,
    ...vehicleFields,
    code: Type.String(),
    type: Type.String(),
    createdAt: Stamp,
    updatedAt: Stamp,
  },
  { $id: 'SupplyVehicle' },
);

// Clients ---------------------------------------------------------------------------------------

const clientFields = {
  name: Name,
  address: Address,
  latitude: Latitude,
  longitude: Longitude,
  timeWindows: Windows('Delivery windows of a day (several allowed, not overlapping)'),
  serviceMinutes: Amount('Minutes spent at the client per delivery', 1440),
  priority: Priority,
  slaHours: Nullable(Amount('Promised delivery time in hours', 8760)),
};
const { name: clientName, ...clientOptional } = clientFields;
export const ClientCreate = Type.Object(
  { name: clientName, ...optional(clientOptional) },
  { additionalProperties: false },
);
export const ClientPatch = patchOf(clientFields);
export const ClientQuery = Type.Object({ search: Search, ...PageQuery }, { additionalProperties: false });
const Client = Type.Object(
  { id: Uuid, ...clientFields, name: Type.String(), createdAt: Stamp, updatedAt: Stamp },
  { $id: 'SupplyClient' },
);

export const ENTITY_SCHEMAS = [
  Warehouse,
  Page(Type.Ref('SupplyWarehouse'), 'SupplyWarehousePage'),
  Inventory,
  Page(Type.Ref('SupplyInventory'), 'SupplyInventoryPage'),
  Vehicle,
  Page(Type.Ref('SupplyVehicle'), 'SupplyVehiclePage'),
  Client,
  Page(Type.Ref('SupplyClient'), 'SupplyClientPage'),
  ...ORDER_SCHEMAS,
];
