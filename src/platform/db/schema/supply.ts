import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { tenantRef } from './identity.ts';

// Supply chain entities (seed 002, issue 16): warehouses with their inventory (one row per SKU
// and warehouse, with the replenishment parameters), vehicles, clients, orders and vehicle
// assignments. Rows refer to each other by id; a referenced row cannot be deleted (409).

const at = (name: string) => timestamp(name, { withTimezone: true });
export const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;

export const SERVICE_KINDS = ['cycle', 'fill_rate'] as const;
export const REVIEW_POLICIES = ['sQ', 'RS'] as const;
export const VEHICLE_STATUSES = ['available', 'in_service', 'maintenance', 'retired'] as const;
export const ORDER_KINDS = ['customer', 'purchase', 'transfer'] as const;
export const ORDER_STATUSES = [
  'draft',
  'confirmed',
  'allocated',
  'shipped',
  'delivered',
  'received',
  'cancelled',
] as const;
export const ASSIGNMENT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;

/** A delivery or opening window within a day, `HH:MM` local time. */
export interface TimeWindow {
  start: string;
  end: string;
}

export interface OrderLine {
  sku: string;
  quantity: number;
}

export const supplyWarehouses = pgTable(
  'supply_warehouses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Storage capacity in units (null: unlimited). */
    capacity: doublePrecision('capacity'),
    operatingHours: jsonb('operating_hours').$type<TimeWindow[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('supply_warehouses_code_key').on(t.tenantId, t.code)],
);

export const supplyInventory = pgTable(
  'supply_inventory',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => supplyWarehouses.id, { onDelete: 'restrict' }),
    sku: text('sku').notNull(),
    description: text('description'),
    category: text('category'),
    onHand: doublePrecision('on_hand').notNull().default(0),
    reserved: doublePrecision('reserved').notNull().default(0),
    onOrder: doublePrecision('on_order').notNull().default(0),
    unitCost: doublePrecision('unit_cost').notNull().default(0),
    /** Holding cost per year as a fraction of the unit cost. */
    holdingCostRate: doublePrecision('holding_cost_rate').notNull().default(0.2),
    orderingCost: doublePrecision('ordering_cost').notNull().default(0),
    leadTimeDays: doublePrecision('lead_time_days').notNull().default(7),
    leadTimeSdDays: doublePrecision('lead_time_sd_days').notNull().default(0),
    serviceLevel: doublePrecision('service_level').notNull().default(0.95),
    serviceKind: text('service_kind').notNull().default('cycle'),
    moq: doublePrecision('moq').notNull().default(0),
    lotSize: doublePrecision('lot_size').notNull().default(1),
    policy: text('policy').notNull().default('sQ'),
    reviewPeriodDays: doublePrecision('review_period_days').notNull().default(7),
    supplier: text('supplier'),
    /** Weight and volume of one unit: an order's load for routing is the sum over its lines. */
    unitWeightKg: doublePrecision('unit_weight_kg').notNull().default(1),
    unitVolumeM3: doublePrecision('unit_volume_m3').notNull().default(0.001),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('supply_inventory_sku_key').on(t.tenantId, t.warehouseId, t.sku),
    index('supply_inventory_sku_idx').on(t.tenantId, t.sku),
    check('supply_inventory_service_kind_check', inList(t.serviceKind, SERVICE_KINDS)),
    check('supply_inventory_policy_check', inList(t.policy, REVIEW_POLICIES)),
  ],
);

export const supplyVehicles = pgTable(
  'supply_vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    capacityKg: doublePrecision('capacity_kg').notNull(),
    capacityM3: doublePrecision('capacity_m3').notNull(),
    costPerKm: doublePrecision('cost_per_km').notNull().default(0),
    costPerHour: doublePrecision('cost_per_hour').notNull().default(0),
    co2PerKm: doublePrecision('co2_per_km').notNull().default(0),
    depotId: uuid('depot_id').references(() => supplyWarehouses.id, { onDelete: 'restrict' }),
    shiftStart: text('shift_start').notNull().default('06:00'),
    shiftEnd: text('shift_end').notNull().default('18:00'),
    maxDrivingHours: doublePrecision('max_driving_hours').notNull().default(9),
    status: text('status').notNull().default('available'),
    features: text('features').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('supply_vehicles_code_key').on(t.tenantId, t.code),
    check('supply_vehicles_status_check', inList(t.status, VEHICLE_STATUSES)),
  ],
);

export const supplyClients = pgTable(
  'supply_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    name: text('name').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    timeWindows: jsonb('time_windows').$type<TimeWindow[]>().notNull().default([]),
    serviceMinutes: doublePrecision('service_minutes').notNull().default(10),
    /** 1 (highest) … 5. */
    priority: integer('priority').notNull().default(3),
    slaHours: doublePrecision('sla_hours'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('supply_clients_name_key').on(t.tenantId, t.name)],
);

export const supplyOrders = pgTable(
  'supply_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    /** `customer` (to a client), `purchase` (from a supplier), `transfer` (between warehouses). */
    kind: text('kind').notNull().default('customer'),
    reference: text('reference'),
    clientId: uuid('client_id').references(() => supplyClients.id, { onDelete: 'restrict' }),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => supplyWarehouses.id, { onDelete: 'restrict' }),
    supplier: text('supplier'),
    lines: jsonb('lines').$type<OrderLine[]>().notNull(),
    requestedDate: date('requested_date').notNull(),
    windowStart: text('window_start'),
    windowEnd: text('window_end'),
    status: text('status').notNull().default('confirmed'),
    priority: integer('priority').notNull().default(3),
    /** The decision whose execution created this order. */
    decisionId: uuid('decision_id'),
    /** Load for routing; null: the sum of the lines' unit weights and volumes. */
    weightKg: doublePrecision('weight_kg'),
    volumeM3: doublePrecision('volume_m3'),
    /** Vehicle features the delivery needs (e.g. `refrigerated`). */
    requiredFeatures: text('required_features').array().notNull().default(sql`'{}'::text[]`),
    /** When it was delivered and how many units arrived (fill rate and OTIF come from these). */
    deliveredAt: at('delivered_at'),
    deliveredQuantity: doublePrecision('delivered_quantity'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('supply_orders_requested_idx').on(t.tenantId, t.requestedDate),
    index('supply_orders_client_idx').on(t.clientId),
    index('supply_orders_warehouse_idx').on(t.warehouseId),
    check('supply_orders_kind_check', inList(t.kind, ORDER_KINDS)),
    check('supply_orders_status_check', inList(t.status, ORDER_STATUSES)),
  ],
);

export const supplyVehicleAssignments = pgTable(
  'supply_vehicle_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantRef(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => supplyVehicles.id, { onDelete: 'restrict' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => supplyOrders.id, { onDelete: 'restrict' }),
    sequence: integer('sequence').notNull().default(1),
    plannedStart: at('planned_start'),
    plannedEnd: at('planned_end'),
    actualStart: at('actual_start'),
    actualEnd: at('actual_end'),
    status: text('status').notNull().default('planned'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('supply_assignments_vehicle_idx').on(t.vehicleId, t.sequence),
    index('supply_assignments_order_idx').on(t.orderId),
    check('supply_assignments_status_check', inList(t.status, ASSIGNMENT_STATUSES)),
  ],
);
