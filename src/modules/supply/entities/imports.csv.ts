import { compileDateFormat, isoOfMs, parseBoolean, parseNumber } from '../../analytics/parse/index.ts';

// What the columns of a supply CSV file mean: each kind's fields with the header names that map to
// them (compared without case, spaces or punctuation: `Warehouse Code`, `warehouse_code` and
// `warehouseCode` are one name), and each cell read as its field's type. Pure: no database.
// A cell that cannot be read is a row error naming its column; an empty cell leaves the field out.

export const IMPORT_KINDS = ['warehouses', 'inventory', 'vehicles', 'clients', 'orders', 'demand'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type EntityImportKind = Exclude<ImportKind, 'demand'>;

type CellType = 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'clock' | 'windows' | 'list';

export interface ColumnSpec {
  field: string;
  type: CellType;
  /** Header names that map to the field (the first is the one documented). */
  names: string[];
  required?: boolean;
}

const col = (field: string, type: CellType, names: string[], required = false): ColumnSpec => ({
  field,
  type,
  names,
  required,
});

const WAREHOUSE_REF = [
  'warehouse',
  'warehouse_code',
  'location',
  'location_code',
  'site',
  'store',
  'plant',
  'loc',
];
const SKU = [
  'sku',
  'item',
  'item_code',
  'item_id',
  'product',
  'product_code',
  'article',
  'material',
  'part_number',
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  warehouses: [
    col('code', 'text', ['code', 'warehouse_code', 'warehouse', 'location', 'site'], true),
    col('name', 'text', ['name', 'warehouse_name', 'description'], true),
    col('address', 'text', ['address']),
    col('latitude', 'number', ['latitude', 'lat']),
    col('longitude', 'number', ['longitude', 'lon', 'lng', 'long']),
    col('capacity', 'number', ['capacity', 'capacity_units']),
    col('operatingHours', 'windows', ['operating_hours', 'opening_hours', 'hours']),
  ],
  inventory: [
    col('warehouse', 'text', WAREHOUSE_REF, true),
    col('sku', 'text', SKU, true),
    col('description', 'text', ['description', 'name', 'item_name', 'product_name']),
    col('category', 'text', ['category', 'product_group', 'family']),
    col('onHand', 'number', ['on_hand', 'stock', 'quantity_on_hand', 'qty_on_hand']),
    col('reserved', 'number', ['reserved', 'allocated']),
    col('onOrder', 'number', ['on_order', 'open_po', 'qty_on_order']),
    col('unitCost', 'number', ['unit_cost', 'cost', 'price']),
    col('holdingCostRate', 'number', ['holding_cost_rate', 'holding_rate', 'carrying_cost_rate']),
    col('orderingCost', 'number', ['ordering_cost', 'order_cost', 'setup_cost']),
    col('leadTimeDays', 'number', ['lead_time_days', 'lead_time', 'leadtime']),
    col('leadTimeSdDays', 'number', ['lead_time_sd_days', 'lead_time_sd', 'lead_time_std']),
    col('serviceLevel', 'number', ['service_level', 'target_service_level']),
    col('serviceKind', 'text', ['service_kind']),
    col('moq', 'number', ['moq', 'minimum_order_quantity', 'min_order_qty']),
    col('lotSize', 'number', ['lot_size', 'order_multiple', 'pack_size']),
    col('policy', 'text', ['policy', 'review_policy']),
    col('reviewPeriodDays', 'number', ['review_period_days', 'review_period']),
    col('supplier', 'text', ['supplier', 'vendor']),
    col('unitWeightKg', 'number', ['unit_weight_kg', 'unit_weight', 'weight_kg', 'weight']),
    col('unitVolumeM3', 'number', ['unit_volume_m3', 'unit_volume', 'volume_m3', 'volume']),
  ],
  vehicles: [
    col('code', 'text', ['code', 'vehicle_code', 'vehicle', 'plate', 'registration'], true),
    col('type', 'text', ['type', 'vehicle_type'], true),
    col('capacityKg', 'number', ['capacity_kg', 'weight_capacity', 'payload_kg'], true),
    col('capacityM3', 'number', ['capacity_m3', 'volume_capacity', 'volume_m3'], true),
    col('costPerKm', 'number', ['cost_per_km']),
    col('costPerHour', 'number', ['cost_per_hour']),
    col('co2PerKm', 'number', ['co2_per_km', 'co2_kg_per_km', 'emissions_per_km']),
    col('depot', 'text', ['depot', 'depot_code', 'home_warehouse', 'warehouse']),
    col('shiftStart', 'clock', ['shift_start']),
    col('shiftEnd', 'clock', ['shift_end']),
    col('maxDrivingHours', 'number', ['max_driving_hours', 'driving_hours']),
    col('status', 'text', ['status']),
    col('features', 'list', ['features', 'equipment']),
  ],
  clients: [
    col('name', 'text', ['name', 'client', 'client_name', 'customer', 'customer_name'], true),
    col('address', 'text', ['address']),
    col('latitude', 'number', ['latitude', 'lat']),
    col('longitude', 'number', ['longitude', 'lon', 'lng', 'long']),
    col('timeWindows', 'windows', ['time_windows', 'delivery_windows', 'windows']),
    col('serviceMinutes', 'number', ['service_minutes', 'service_time', 'stop_minutes']),
    col('priority', 'integer', ['priority']),
    col('slaHours', 'number', ['sla_hours', 'sla']),
  ],
  orders: [
    col(
      'reference',
      'text',
      ['reference', 'order', 'order_number', 'order_id', 'order_no', 'po_number'],
      true,
    ),
    col('kind', 'text', ['kind', 'order_type', 'type']),
    col('client', 'text', ['client', 'client_name', 'customer', 'customer_name']),
    col('warehouse', 'text', WAREHOUSE_REF, true),
    col('supplier', 'text', ['supplier', 'vendor']),
    col('sku', 'text', SKU, true),
    col('quantity', 'number', ['quantity', 'qty', 'units'], true),
    col('requestedDate', 'date', ['requested_date', 'date', 'due_date', 'delivery_date'], true),
    col('windowStart', 'clock', ['window_start']),
    col('windowEnd', 'clock', ['window_end']),
    col('status', 'text', ['status']),
    col('priority', 'integer', ['priority']),
    col('weightKg', 'number', ['weight_kg', 'weight', 'order_weight']),
    col('volumeM3', 'number', ['volume_m3', 'volume', 'order_volume']),
    col('requiredFeatures', 'list', ['required_features', 'features', 'vehicle_features']),
  ],
  demand: [
    col('sku', 'text', SKU, true),
    col('warehouse', 'text', WAREHOUSE_REF, true),
    col('day', 'date', ['date', 'day', 'ds', 'demand_date', 'order_date', 'period'], true),
    col('quantity', 'number', ['quantity', 'qty', 'demand', 'units', 'sales', 'value', 'y'], true),
    col('promotion', 'boolean', ['promotion', 'promo', 'on_promotion', 'event']),
  ],
};

/** A header name as it is compared: lower case, letters and digits only. */
export const normalName = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export class ColumnsError extends Error {
  override name = 'ColumnsError';
}

export interface ColumnMapping {
  /** Field → its column's index in the row. */
  index: Map<string, number>;
  /** Field → its column's header, for row errors. */
  header: Map<string, string>;
  /** Headers that map to no field (left out of the import). */
  ignored: string[];
}

/** Which column holds each field; a ColumnsError when a required field has none. */
export function mapColumns(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    const name = normalName(h);
    if (!byName.has(name)) byName.set(name, i);
  });
  const index = new Map<string, number>();
  const header = new Map<string, string>();
  const used = new Set<number>();
  for (const spec of COLUMNS[kind]) {
    const at = [spec.field, ...spec.names]
      .map((n) => byName.get(normalName(n)))
      .find((i) => i !== undefined && !used.has(i));
    if (at === undefined) continue;
    used.add(at);
    index.set(spec.field, at);
    header.set(spec.field, headers[at] ?? spec.field);
  }
  const missing = COLUMNS[kind].filter((c) => c.required && !index.has(c.field));
  if (missing.length > 0)
    throw new ColumnsError(
      `The file has no column for ${missing.map((c) => c.names[0]).join(', ')} ` +
        `(its columns: ${headers.slice(0, 30).join(', ')}). Expected columns: ${COLUMNS[kind].map((c) => c.names[0]).join(', ')}`,
    );
  return { index, header, ignored: headers.filter((_, i) => !used.has(i)) };
}

export interface CellFormats {
  decimal: '.' | ',';
  /** A date pattern of analytics/parse/dates.ts, e.g. `YYYY-MM-DD` or `DD.MM.YYYY`. */
  dateFormat: string;
}

export interface CellError {
  column: string;
  message: string;
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const clockOf = (text: string): string | null => {
  const m = CLOCK.exec(text);
  return m ? `${(m[1] as string).padStart(2, '0')}:${m[2]}` : null;
};

/** A cell reader per type; each returns the value, or a string saying why the cell is not one. */
function readers(formats: CellFormats) {
  const number = { decimal: formats.decimal, thousands: '' } as const;
  const date = compileDateFormat(formats.dateFormat);
  if (!date) throw new ColumnsError(`Unknown date format ${formats.dateFormat}`);
  const numeric = (text: string) => {
    const n = parseNumber(text, number);
    return typeof n === 'number' && Number.isFinite(n) ? n : { error: 'not a number' };
  };
  return {
    text: (text: string) => text,
    number: numeric,
    integer: (text: string) => {
      const n = numeric(text);
      return typeof n === 'number' && !Number.isInteger(n) ? { error: 'not a whole number' } : n;
    },
    boolean: (text: string) => parseBoolean(text) ?? { error: 'not a yes/no value' },
    date: (text: string) => {
      const ms = date(text);
      return typeof ms === 'number'
        ? isoOfMs(ms).slice(0, 10)
        : { error: `${ms} (expected ${formats.dateFormat})` };
    },
    clock: (text: string) => clockOf(text) ?? { error: 'not a time HH:MM' },
    windows: (text: string) => {
      const windows = [];
      for (const part of text
        .split(/[;,|]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [start, end] = part.split(/\s*[-–]\s*/).map(clockOf);
        if (!start || !end) return { error: `"${part}" is not a window HH:MM-HH:MM` };
        windows.push({ start, end });
      }
      return windows;
    },
    list: (text: string) =>
      text
        .split(/[;,|]/)
        .map((p) => p.trim())
        .filter(Boolean),
  } satisfies Record<CellType, (text: string) => unknown>;
}

export type RowReader = (cells: readonly string[]) => {
  values: Record<string, unknown>;
  errors: CellError[];
};

/** Reads the mapped cells of a row into field values; empty cells are left out. */
export function rowReader(kind: ImportKind, mapping: ColumnMapping, formats: CellFormats): RowReader {
  const read = readers(formats);
  const specs = COLUMNS[kind].filter((c) => mapping.index.has(c.field));
  return (cells) => {
    const values: Record<string, unknown> = {};
    const errors: CellError[] = [];
    for (const spec of specs) {
      const text = (cells[mapping.index.get(spec.field) as number] ?? '').trim();
      const column = mapping.header.get(spec.field) ?? spec.field;
      if (text === '') {
        if (spec.required) errors.push({ column, message: 'is empty' });
        continue;
      }
      const value = read[spec.type](text);
      if (value !== null && typeof value === 'object' && 'error' in value)
        errors.push({ column, message: value.error });
      else values[spec.field] = value;
    }
    return { values, errors };
  };
}
