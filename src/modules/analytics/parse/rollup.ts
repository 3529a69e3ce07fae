// Operation-level rows → work orders. Each field combines by its aggregation (the mapping's, else
// the canonical default): sum, avg, min, max, or the first / last non-empty value in file order.
// Empty values (null) are left out, so a field empty on every operation stays empty. A sum or avg
// of a text field takes its first value; of a flag, `any` (max); a sum of dates, the first.
// Sums are compensated (Neumaier), so many small values add up as written.
//
// Memory: one small state per field per work order, held until results() — proportional to the
// number of work orders, not of rows.
import { type Aggregation, type CanonicalField, FIELD_BY_KEY } from '../canonical.ts';
import type { FieldMapping } from '../mapping/types.ts';
import type { FieldValue } from './convert.ts';

export interface WorkOrderRollup {
  workOrder: string;
  values: Record<string, FieldValue>;
  /** Operation rows rolled into this work order. */
  operations: number;
  /** Row number of its first operation (for error reports). */
  firstRow?: number;
}

export interface Rollup {
  /** Adds one converted row; rows without a work order are ignored (the converter rejects them). */
  add(values: Record<string, FieldValue>, rowNo?: number): void;
  /** Work orders in order of first appearance. */
  results(): IterableIterator<WorkOrderRollup>;
  readonly size: number;
}

/** The aggregation actually applied to a field of this type. */
export function effectiveAggregation(field: CanonicalField, wanted: Aggregation): Aggregation {
  if (field.type === 'text' && (wanted === 'sum' || wanted === 'avg')) return 'first';
  if (field.type === 'boolean' && (wanted === 'sum' || wanted === 'avg')) return 'max';
  if (field.type === 'date' && wanted === 'sum') return 'first';
  return wanted;
}

interface Slot {
  key: string;
  how: Aggregation;
  date: boolean;
}

// Per work order and field: [value, compensation, count].
type State = {
  values: (FieldValue | undefined)[];
  comp: number[];
  counts: number[];
  operations: number;
  firstRow?: number;
};

export function createRollup(mappings: FieldMapping[]): Rollup {
  const slots: Slot[] = [];
  for (const m of mappings) {
    const field = FIELD_BY_KEY.get(m.field);
    if (!field || m.field === 'workOrder') continue;
    slots.push({
      key: m.field,
      how: effectiveAggregation(field, m.aggregation ?? field.aggregation),
      date: field.type === 'date',
    });
  }
  const orders = new Map<string, State>();
  return {
    get size() {
      return orders.size;
    },
    add(values, rowNo) {
      const workOrder = values.workOrder;
      if (workOrder === null || workOrder === undefined || workOrder === '') return;
      const key = String(workOrder);
      let state = orders.get(key);
      if (!state) {
        state = {
          values: new Array(slots.length).fill(undefined),
          comp: new Array(slots.length).fill(0),
          counts: new Array(slots.length).fill(0),
          operations: 0,
          firstRow: rowNo,
        };
        orders.set(key, state);
      }
      state.operations++;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as Slot;
        const v = values[slot.key];
        if (v === null || v === undefined) continue;
        const current = state.values[i];
        state.counts[i] = (state.counts[i] as number) + 1;
        switch (slot.how) {
          case 'first':
            if (current === undefined) state.values[i] = v;
            break;
          case 'last':
            state.values[i] = v;
            break;
          case 'min':
            if (current === undefined || (v as number) < (current as number)) state.values[i] = v;
            break;
          case 'max':
            if (current === undefined || (v as number) > (current as number)) state.values[i] = v;
            break;
          default: {
            // sum and avg: Neumaier's compensated sum.
            const sum = (current as number | undefined) ?? 0;
            const x = v as number;
            const t = sum + x;
            state.comp[i] =
              (state.comp[i] as number) + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
            state.values[i] = t;
          }
        }
      }
    },
    *results() {
      for (const [workOrder, state] of orders) {
        const values: Record<string, FieldValue> = { workOrder };
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] as Slot;
          const v = state.values[i];
          if (v === undefined) values[slot.key] = null;
          else if (slot.how === 'sum') values[slot.key] = (v as number) + (state.comp[i] as number);
          else if (slot.how === 'avg') {
            const avg = ((v as number) + (state.comp[i] as number)) / (state.counts[i] as number);
            values[slot.key] = slot.date ? Math.round(avg) : avg;
          } else values[slot.key] = v;
        }
        yield { workOrder, values, operations: state.operations, firstRow: state.firstRow };
      }
    },
  };
}
