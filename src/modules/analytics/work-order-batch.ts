// The work orders of one insert, held as columns while the import job fills them: a row's values
// are copied in as soon as it is converted, so its object dies young instead of living (and being
// promoted to the old generation) until the batch is stored. Numbers are kept in typed arrays,
// which the insert encodes from and the frame snapshot keeps; texts in arrays; the unmapped columns
// as the JSON text the insert sends.
import { CANONICAL_FIELDS, type FieldType } from './canonical.ts';

/** A work order ready to store: canonical values by field key (dates as epoch ms), and the rest. */
export interface WorkOrderValues {
  rowNo: number;
  operations: number | null;
  values: Record<string, string | number | boolean | null>;
  extra: Record<string, string> | null;
}

const NUMBER_FIELDS = CANONICAL_FIELDS.filter((f) => f.type !== 'text');
const TEXT_FIELDS = CANONICAL_FIELDS.filter((f) => f.type === 'text');

export type NumberFieldType = Exclude<FieldType, 'text'>;

export class WorkOrderBatch {
  readonly capacity: number;
  length = 0;
  readonly rowNos: Int32Array;
  readonly operations: (number | null)[] = [];
  /** The unmapped columns of each row as JSON, or null. */
  readonly extras: (string | null)[] = [];
  /** Per non-text field: the values as numbers (dates as epoch ms, flags 0/1), NaN where empty. */
  readonly numbers: Record<string, Float64Array> = {};
  /** Per text field. */
  readonly texts: Record<string, (string | null)[]> = {};
  private readonly numberColumns: Float64Array[];
  private readonly textColumns: (string | null)[][];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.rowNos = new Int32Array(capacity);
    this.numberColumns = NUMBER_FIELDS.map((f) => {
      const column = new Float64Array(capacity);
      this.numbers[f.key] = column;
      return column;
    });
    this.textColumns = TEXT_FIELDS.map((f) => {
      const column: (string | null)[] = [];
      this.texts[f.key] = column;
      return column;
    });
  }

  static of(rows: readonly WorkOrderValues[]): WorkOrderBatch {
    const batch = new WorkOrderBatch(rows.length);
    for (const row of rows) batch.add(row);
    return batch;
  }

  add(row: WorkOrderValues): void {
    const at = this.length;
    if (at === this.capacity) throw new Error(`the batch is full (${this.capacity} work orders)`);
    const { values } = row;
    this.rowNos[at] = row.rowNo;
    this.operations.push(row.operations);
    this.extras.push(row.extra ? JSON.stringify(row.extra) : null);
    for (let k = 0; k < NUMBER_FIELDS.length; k++) {
      const v = values[(NUMBER_FIELDS[k] as (typeof NUMBER_FIELDS)[number]).key];
      (this.numberColumns[k] as Float64Array)[at] =
        v === null || v === undefined ? Number.NaN : typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
    }
    for (let k = 0; k < TEXT_FIELDS.length; k++) {
      const v = values[(TEXT_FIELDS[k] as (typeof TEXT_FIELDS)[number]).key];
      (this.textColumns[k] as (string | null)[]).push(v === null || v === undefined ? null : String(v));
    }
    this.length = at + 1;
  }

  /** A field's numbers, as long as the batch. */
  numbersOf(key: string): Float64Array {
    const column = this.numbers[key];
    if (!column) throw new Error(`${key} is not a number field`);
    return column.subarray(0, this.length);
  }
}
