import Type from 'typebox';
import { ASSIGNMENT_STATUSES, ORDER_KINDS, ORDER_STATUSES } from '../../../platform/db/schema/index.ts';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { DateTime, Day, literals, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';
import { DEMAND_BUCKETS } from './buckets.ts';
import { Amount, Clock, optional, Priority, patchOf, Sku, Stamp } from './fields.ts';

// Orders, vehicle assignments and demand history: request and response schemas.

/** Lines of one order. */
export const MAX_ORDER_LINES = 500;

const OrderLine = Type.Object(
  { sku: Sku, quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9 }) },
  { additionalProperties: false },
);

const orderFields = {
  reference: Nullable(Text({ minLength: 1, maxLength: 100 })),
  clientId: Nullable(Uuid),
  warehouseId: Uuid,
  supplier: Nullable(Text({ maxLength: 200 })),
  lines: Type.Array(OrderLine, { minItems: 1, maxItems: MAX_ORDER_LINES }),
  requestedDate: Day,
  windowStart: Nullable(Clock),
  windowEnd: Nullable(Clock),
  priority: Priority,
  weightKg: Nullable(
    Amount("Load in kg for routing (null: the lines × their inventory rows' unit weights)", 1e7),
  ),
  volumeM3: Nullable(
    Amount("Load in m³ for routing (null: the lines × their inventory rows' unit volumes)", 1e5),
  ),
  requiredFeatures: Type.Array(Text({ minLength: 1, maxLength: 50 }), {
    maxItems: 20,
    description: 'Vehicle features the delivery needs (e.g. refrigerated)',
  }),
};
export const OrderCreate = Type.Object(
  {
    kind: Type.Optional(literals(ORDER_KINDS)),
    reference: Type.Optional(orderFields.reference),
    clientId: Type.Optional(orderFields.clientId),
    warehouseId: orderFields.warehouseId,
    supplier: Type.Optional(orderFields.supplier),
    lines: orderFields.lines,
    requestedDate: orderFields.requestedDate,
    windowStart: Type.Optional(orderFields.windowStart),
    windowEnd: Type.Optional(orderFields.windowEnd),
    status: Type.Optional(literals(['draft', 'confirmed'] as const)),
    priority: Type.Optional(orderFields.priority),
    weightKg: Type.Optional(orderFields.weightKg),
    volumeM3: Type.Optional(orderFields.volumeM3),
    requiredFeatures: Type.Optional(orderFields.requiredFeatures),
  },
  {
    additionalProperties: false,
    description:
      'A customer order needs a client; purchase and transfer orders need an inventory row for each line',
  },
);
export const OrderPatch = patchOf(
  {
    ...orderFields,
    status: literals(ORDER_STATUSES),
    deliveredAt: {
      ...DateTime,
      description: 'With `status: delivered`: when it arrived (default now; not in the future)',
    },
    deliveredQuantity: Type.Number({
      minimum: 0,
      maximum: 1e9,
      description: 'With `status: delivered`: units that arrived (default: all ordered)',
    }),
  },
  'Lines and warehouse change while the order holds no stock (a draft, or a confirmed customer order); `status` moves along the lifecycle',
);
export const OrderQuery = Type.Object(
  {
    kind: Type.Optional(literals(ORDER_KINDS)),
    status: Type.Optional(literals(ORDER_STATUSES)),
    clientId: Type.Optional(Uuid),
    warehouseId: Type.Optional(Uuid),
    sku: Type.Optional({ ...Sku, description: 'Orders with a line of this SKU' }),
    from: Type.Optional({ ...Day, description: 'Requested on or after' }),
    to: Type.Optional({ ...Day, description: 'Requested on or before' }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
const Order = Type.Object(
  {
    id: Uuid,
    kind: literals(ORDER_KINDS),
    ...orderFields,
    status: literals(ORDER_STATUSES),
    decisionId: Nullable(Uuid),
    deliveredAt: Nullable(DateTime),
    deliveredQuantity: Nullable(Type.Number()),
    createdAt: Stamp,
    updatedAt: Stamp,
  },
  { $id: 'SupplyOrder' },
);

const assignmentFields = {
  vehicleId: Uuid,
  orderId: Uuid,
  sequence: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Stop number on the route' }),
  plannedStart: Nullable(DateTime),
  plannedEnd: Nullable(DateTime),
  actualStart: Nullable(DateTime),
  actualEnd: Nullable(DateTime),
  status: literals(ASSIGNMENT_STATUSES),
};
const { vehicleId, orderId, ...assignmentOptional } = assignmentFields;
export const AssignmentCreate = Type.Object(
  { vehicleId, orderId, ...optional(assignmentOptional) },
  { additionalProperties: false },
);
export const AssignmentPatch = patchOf(assignmentFields);
export const AssignmentQuery = Type.Object(
  {
    vehicleId: Type.Optional(Uuid),
    orderId: Type.Optional(Uuid),
    status: Type.Optional(literals(ASSIGNMENT_STATUSES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
const Assignment = Type.Object(
  { id: Uuid, ...assignmentFields, createdAt: Stamp, updatedAt: Stamp },
  { $id: 'SupplyVehicleAssignment' },
);

export const DemandQuery = Type.Object(
  {
    bucket: Type.Union(
      DEMAND_BUCKETS.map((b) => Type.Literal(b)),
      { default: 'week', description: 'day, week (from Monday) or month' },
    ),
    from: Type.Optional({ ...Day, description: 'First day (default: the first day with demand)' }),
    to: Type.Optional({ ...Day, description: 'Last day (default: the last day with demand)' }),
  },
  { additionalProperties: false },
);
const DemandSeries = Type.Object(
  {
    inventoryId: Uuid,
    warehouseId: Uuid,
    sku: Type.String(),
    bucket: literals(DEMAND_BUCKETS),
    total: Type.Number(),
    points: Type.Array(
      Type.Object({
        start: Type.String({ format: 'date', description: 'First day of the bucket (weeks start Monday)' }),
        quantity: Type.Number(),
        promotion: Type.Boolean({ description: 'A day of the bucket had a promotion' }),
      }),
    ),
  },
  {
    $id: 'SupplyDemandSeries',
    description:
      'Imported demand history plus the lines of shipped and delivered customer orders on their requested date, summed per bucket; buckets without demand are 0',
  },
);

export const ORDER_SCHEMAS = [
  Order,
  Page(Type.Ref('SupplyOrder'), 'SupplyOrderPage'),
  Assignment,
  Page(Type.Ref('SupplyVehicleAssignment'), 'SupplyVehicleAssignmentPage'),
  DemandSeries,
];
