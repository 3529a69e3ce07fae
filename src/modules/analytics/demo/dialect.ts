// How one ERP writes a work-order export: its column headers, which canonical field each carries, and
// its conventions (encoding, delimiter, decimal mark, date pattern, flags). `compileDialect` turns a
// spec into one cell formatter per column, with every entity's text and every date prepared up front.
import { csvField, dateFormatter, fixed, type TextEncoding } from './format.ts';
import { DAYS, DAYS_MARGIN, DEFECT_TYPES, DOWNTIME_REASONS, type OpRow } from './orders.ts';
import type { Plant } from './plant.ts';

export const ERPS = ['sap', 'sap-de', 'oracle', 'odoo', 'generic'] as const;
export type Erp = (typeof ERPS)[number];
export const GRANULARITIES = ['header', 'operation'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The text each entity has in this ERP's export (unquoted). */
export interface Labels {
  part: string[];
  family: string[];
  workCenter: string[];
  machine: string[];
  operator: string[];
  shift: string[];
  supplier: string[];
  customer: string[];
  reason: string[];
  defect: string[];
  facility: string;
  workOrder: (order: number) => string;
  lot: (lot: number) => string;
}

type NumericKey = {
  [K in keyof OpRow]: OpRow[K] extends number ? K : never;
}[keyof OpRow];
type DateKey = 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd';
type LabelKey = 'part' | 'family' | 'workCenter' | 'machine' | 'operator' | 'shift' | 'supplier' | 'customer';

export type Value =
  | { kind: 'number'; key: NumericKey; digits: number; grouped?: boolean }
  | { kind: 'label'; key: LabelKey }
  | { kind: 'date'; key: DateKey; format?: string }
  | { kind: 'flag'; yes: string; no: string }
  /** Text computed per row; `quote`: it may hold the delimiter or quotes (free text). */
  | { kind: 'derived'; text: (row: OpRow, labels: Labels) => string; quote?: boolean };

export interface ColumnSpec {
  header: string;
  /** Canonical field key, or null for a column that maps to nothing (kept as `extra`). */
  field: string | null;
  value: Value;
  /** Only in operation-level exports. */
  operationOnly?: boolean;
  /** The column is in minutes while its field is stored in hours (a scale of 1/60 maps it). */
  unit?: 'min';
}

export interface DialectSpec {
  erp: Erp;
  system: string;
  encoding: TextEncoding;
  delimiter: string;
  decimal: '.' | ',';
  thousands: '' | ',' | '.';
  lineEnding: '\r\n' | '\n';
  /** The usual date pattern; a column may use another (`ColumnSpec.value.format`). */
  dateFormat: string;
  labels(plant: Plant): Labels;
  columns: ColumnSpec[];
}

export const num = (key: NumericKey, digits = 0, grouped = false): Value => ({
  kind: 'number',
  key,
  digits,
  grouped,
});
export const label = (key: LabelKey): Value => ({ kind: 'label', key });
export const date = (key: DateKey, format?: string): Value => ({
  kind: 'date',
  key,
  ...(format ? { format } : {}),
});
export const flag = (yes: string, no: string): Value => ({ kind: 'flag', yes, no });
export const derived = (text: (row: OpRow, labels: Labels) => string, quote = false): Value => ({
  kind: 'derived',
  text,
  quote,
});
export const col = (header: string, field: string | null, value: Value, more: Partial<ColumnSpec> = {}) => ({
  header,
  field,
  value,
  ...more,
});

export const reasonsIn = (lang: 'en' | 'de') => DOWNTIME_REASONS.map((r) => r[lang]);
export const defectCodes = () => [...DEFECT_TYPES];

// Readers per numeric field, each its own function so every property load stays monomorphic.
const READ: Record<NumericKey, (r: OpRow) => number> = {
  order: (r) => r.order,
  opSeq: (r) => r.opSeq,
  part: (r) => r.part,
  supplier: (r) => r.supplier,
  customer: (r) => r.customer,
  operator: (r) => r.operator,
  shift: (r) => r.shift,
  workCenter: (r) => r.workCenter,
  machine: (r) => r.machine,
  lot: (r) => r.lot,
  qtyPlanned: (r) => r.qtyPlanned,
  qtyCompleted: (r) => r.qtyCompleted,
  qtyScrap: (r) => r.qtyScrap,
  qtyRework: (r) => r.qtyRework,
  plannedStart: (r) => r.plannedStart,
  plannedEnd: (r) => r.plannedEnd,
  actualStart: (r) => r.actualStart,
  actualEnd: (r) => r.actualEnd,
  laborHoursPlanned: (r) => r.laborHoursPlanned,
  laborHoursActual: (r) => r.laborHoursActual,
  setupHours: (r) => r.setupHours,
  runHours: (r) => r.runHours,
  downtimeMinutes: (r) => r.downtimeMinutes,
  downtimeReason: (r) => r.downtimeReason,
  materialCostPlanned: (r) => r.materialCostPlanned,
  materialCostActual: (r) => r.materialCostActual,
  laborCostPlanned: (r) => r.laborCostPlanned,
  laborCostActual: (r) => r.laborCostActual,
  overheadCostPlanned: (r) => r.overheadCostPlanned,
  overheadCostActual: (r) => r.overheadCostActual,
  standardCostTotal: (r) => r.standardCostTotal,
  actualCostTotal: (r) => r.actualCostTotal,
  defectCount: (r) => r.defectCount,
  defectType: (r) => r.defectType,
  toolWearMinutes: (r) => r.toolWearMinutes,
  processTemperature: (r) => r.processTemperature,
  ambientTemperature: (r) => r.ambientTemperature,
  spindleSpeed: (r) => r.spindleSpeed,
  torque: (r) => r.torque,
};

export interface CompiledDialect {
  spec: DialectSpec;
  columns: ColumnSpec[];
  header: string[];
  labels: Labels;
  cells: ((row: OpRow) => string)[];
  /** Date pattern per date column header. */
  dateFormats: Record<string, string>;
}

export function compileDialect(spec: DialectSpec, plant: Plant, granularity: Granularity): CompiledDialect {
  const labels = spec.labels(plant);
  const columns = spec.columns.filter((c) => granularity === 'operation' || !c.operationOnly);
  const d = spec.delimiter;
  const quoted = (texts: string[]) => texts.map((t) => csvField(t, d));
  const tables: Record<LabelKey, string[]> = {
    part: quoted(labels.part),
    family: quoted(labels.family),
    workCenter: quoted(labels.workCenter),
    machine: quoted(labels.machine),
    operator: quoted(labels.operator),
    shift: quoted(labels.shift),
    supplier: quoted(labels.supplier),
    customer: quoted(labels.customer),
  };
  const familyOf = plant.parts.map((p) => p.family);
  const dateFormats: Record<string, string> = {};
  const formatters = new Map<string, (minutes: number) => string>();
  const cells = columns.map((column): ((row: OpRow) => string) => {
    const v = column.value;
    switch (v.kind) {
      case 'number': {
        const thousands = v.grouped ? spec.thousands : '';
        const quote = thousands === d || spec.decimal === d;
        const { digits } = v;
        const get = READ[v.key];
        if (!quote && digits === 0 && !thousands) {
          return (r) => {
            const x = get(r);
            return Number.isNaN(x) ? '' : String(x);
          };
        }
        return (r) => {
          const text = fixed(get(r), digits, spec.decimal, thousands);
          return quote && text.includes(d) ? `"${text}"` : text;
        };
      }
      case 'label':
        return labelCell(v.key, tables[v.key], familyOf);
      case 'date': {
        const pattern = v.format ?? spec.dateFormat;
        dateFormats[column.header] = pattern;
        let format = formatters.get(pattern);
        if (!format) {
          format = dateFormatter(pattern, DAYS + DAYS_MARGIN);
          formatters.set(pattern, format);
        }
        const f = format;
        const get = READ[v.key];
        return (r) => f(get(r));
      }
      case 'flag': {
        const yes = csvField(v.yes, d);
        const no = csvField(v.no, d);
        return (r) => (r.machineFailure ? yes : no);
      }
      default: {
        // 'derived'
        const text = v.text;
        return v.quote ? (r) => csvField(text(r, labels), d) : (r) => text(r, labels);
      }
    }
  });
  return { spec, columns, header: columns.map((c) => c.header), labels, cells, dateFormats };
}

// One closure per key: a shared `r[key]` would turn the hot property loads megamorphic.
function labelCell(key: LabelKey, table: string[], familyOf: number[]): (r: OpRow) => string {
  switch (key) {
    case 'family':
      return (r) => table[familyOf[r.part] as number] as string;
    case 'part':
      return (r) => table[r.part] as string;
    case 'workCenter':
      return (r) => table[r.workCenter] as string;
    case 'machine':
      return (r) => table[r.machine] as string;
    case 'operator':
      return (r) => table[r.operator] as string;
    case 'shift':
      return (r) => table[r.shift] as string;
    case 'supplier':
      return (r) => table[r.supplier] as string;
    case 'customer':
      return (r) => table[r.customer] as string;
  }
}

/** Entity text by the OpRow's index for a canonical field, as written in the file. */
export function entityText(labels: Labels, plant: Plant, field: string, row: OpRow): string {
  switch (field) {
    case 'machine':
      return labels.machine[row.machine] as string;
    case 'workCenter':
      return labels.workCenter[row.workCenter] as string;
    case 'supplier':
      return labels.supplier[row.supplier] as string;
    case 'partNumber':
      return labels.part[row.part] as string;
    case 'shift':
      return labels.shift[row.shift] as string;
    case 'operator':
      return labels.operator[row.operator] as string;
    case 'partFamily':
      return labels.family[plant.parts[row.part]?.family as number] as string;
    default:
      throw new Error(`no entity text for ${field}`);
  }
}
