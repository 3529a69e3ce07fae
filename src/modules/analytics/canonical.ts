// The canonical work-order schema (issue 13): every field an ERP export can be mapped onto, with
// its type, unit and default aggregation when operation-level rows are rolled up to work orders.
// Columns a mapping leaves out are kept per row as JSON (`extra`): nothing the customer sent is lost.

/** How a value is read: text ids, numbers (locale-aware), dates (format decided per column), flags. */
export type FieldType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

/** How operation-level rows of one work order combine into the work order's value. */
export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'first', 'last'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const FIELD_GROUPS = [
  'identifiers',
  'quantities',
  'dates',
  'hours',
  'costs',
  'quality',
  'equipment',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface CanonicalField {
  key: string;
  label: string;
  group: FieldGroup;
  type: FieldType;
  /** Stored unit: hours, minutes, currency (the tenant's), pieces, kelvin, rpm, newton metres. */
  unit?: 'h' | 'min' | 'currency' | 'pcs' | 'K' | 'rpm' | 'Nm' | '°C';
  /** An import is refused unless these are mapped; a row without them is rejected. */
  required?: boolean;
  /** Quantities, hours and costs cannot be negative. */
  nonNegative?: boolean;
  /** Roll-up of operation rows (granularity `operation`). */
  aggregation: Aggregation;
  description: string;
}

const f = (
  key: string,
  label: string,
  group: FieldGroup,
  type: FieldType,
  aggregation: Aggregation,
  description: string,
  extra: Partial<CanonicalField> = {},
): CanonicalField => ({ key, label, group, type, aggregation, description, ...extra });

const money = { unit: 'currency', nonNegative: true } as const;
const hours = { unit: 'h', nonNegative: true } as const;
const pieces = { unit: 'pcs', nonNegative: true } as const;

export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  // identifiers
  f('workOrder', 'Work order', 'identifiers', 'text', 'first', 'Work (production) order number', {
    required: true,
  }),
  f('operationSeq', 'Operation', 'identifiers', 'text', 'first', 'Operation / routing step number'),
  f('partNumber', 'Part number', 'identifiers', 'text', 'first', 'Material / item / product made', {
    required: true,
  }),
  f('partFamily', 'Part family', 'identifiers', 'text', 'first', 'Product group or family'),
  f('workCenter', 'Work center', 'identifiers', 'text', 'last', 'Work center, cell or line'),
  f('machine', 'Machine', 'identifiers', 'text', 'last', 'Machine or resource'),
  f('operator', 'Operator', 'identifiers', 'text', 'last', 'Operator or employee'),
  f('shift', 'Shift', 'identifiers', 'text', 'first', 'Shift name or number'),
  f('supplier', 'Supplier', 'identifiers', 'text', 'first', 'Supplier / vendor of the material'),
  f('materialLot', 'Material lot', 'identifiers', 'text', 'first', 'Material lot or batch'),
  f('customer', 'Customer', 'identifiers', 'text', 'first', 'Customer the order is made for'),
  f('facility', 'Facility', 'identifiers', 'text', 'first', 'Plant or site code as the ERP names it'),
  // quantities
  f('qtyPlanned', 'Planned quantity', 'quantities', 'number', 'max', 'Quantity ordered / planned', pieces),
  f('qtyCompleted', 'Good quantity', 'quantities', 'number', 'last', 'Good (yield) quantity completed', {
    ...pieces,
    required: true,
  }),
  f('qtyScrap', 'Scrap quantity', 'quantities', 'number', 'sum', 'Quantity scrapped', pieces),
  f('qtyRework', 'Rework quantity', 'quantities', 'number', 'sum', 'Quantity reworked', pieces),
  // dates
  f('plannedStart', 'Planned start', 'dates', 'date', 'min', 'Scheduled start'),
  f('plannedEnd', 'Planned end', 'dates', 'date', 'max', 'Scheduled finish / due date'),
  f('actualStart', 'Actual start', 'dates', 'date', 'min', 'Actual start'),
  f('actualEnd', 'Actual end', 'dates', 'date', 'max', 'Actual finish'),
  // hours
  f('laborHoursPlanned', 'Planned labour hours', 'hours', 'number', 'sum', 'Standard labour hours', hours),
  f('laborHoursActual', 'Actual labour hours', 'hours', 'number', 'sum', 'Labour hours booked', hours),
  f('setupHours', 'Setup hours', 'hours', 'number', 'sum', 'Setup / changeover hours', hours),
  f('runHours', 'Run hours', 'hours', 'number', 'sum', 'Machine run hours', hours),
  f('downtimeMinutes', 'Downtime', 'hours', 'number', 'sum', 'Unplanned downtime in minutes', {
    unit: 'min',
    nonNegative: true,
  }),
  f('downtimeReason', 'Downtime reason', 'hours', 'text', 'first', 'Main downtime reason'),
  // costs
  f(
    'materialCostPlanned',
    'Planned material cost',
    'costs',
    'number',
    'sum',
    'Standard material cost',
    money,
  ),
  f('materialCostActual', 'Actual material cost', 'costs', 'number', 'sum', 'Actual material cost', money),
  f('laborCostPlanned', 'Planned labour cost', 'costs', 'number', 'sum', 'Standard labour cost', money),
  f('laborCostActual', 'Actual labour cost', 'costs', 'number', 'sum', 'Actual labour cost', money),
  f('overheadCostPlanned', 'Planned overhead', 'costs', 'number', 'sum', 'Standard overhead cost', money),
  f('overheadCostActual', 'Actual overhead', 'costs', 'number', 'sum', 'Actual overhead cost', money),
  f('standardCostTotal', 'Standard cost (total)', 'costs', 'number', 'sum', 'Total standard cost', money),
  f('actualCostTotal', 'Actual cost (total)', 'costs', 'number', 'sum', 'Total actual cost', money),
  // quality
  f('defectCount', 'Defects', 'quality', 'number', 'sum', 'Defects found', pieces),
  f('defectType', 'Defect type', 'quality', 'text', 'first', 'Main defect type / code'),
  // equipment and process
  f('machineFailure', 'Machine failure', 'equipment', 'boolean', 'max', 'A machine failure occurred'),
  f('toolWearMinutes', 'Tool wear', 'equipment', 'number', 'max', 'Tool wear in minutes of use', {
    unit: 'min',
    nonNegative: true,
  }),
  f('processTemperature', 'Process temperature', 'equipment', 'number', 'avg', 'Process temperature', {
    unit: '°C',
  }),
  f('ambientTemperature', 'Ambient temperature', 'equipment', 'number', 'avg', 'Air / ambient temperature', {
    unit: '°C',
  }),
  f('spindleSpeed', 'Speed', 'equipment', 'number', 'avg', 'Rotational or line speed', { unit: 'rpm' }),
  f('torque', 'Torque', 'equipment', 'number', 'avg', 'Torque', { unit: 'Nm' }),
];

export type CanonicalKey = string;

export const FIELD_BY_KEY: ReadonlyMap<string, CanonicalField> = new Map(
  CANONICAL_FIELDS.map((field) => [field.key, field]),
);
export const CANONICAL_KEYS: readonly string[] = CANONICAL_FIELDS.map((field) => field.key);
export const REQUIRED_KEYS: readonly string[] = CANONICAL_FIELDS.filter((field) => field.required).map(
  (field) => field.key,
);

/** The database column of a canonical field (snake case). */
export const columnOf = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
