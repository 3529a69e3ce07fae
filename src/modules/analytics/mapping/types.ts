// What a mapping profile says about one canonical field: where its value comes from (a source column
// or a constant) and how the source text is turned into the field's value.
import type { Aggregation } from '../canonical.ts';

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export const THOUSANDS_SEPARATORS = ['', ',', '.', ' ', "'"] as const;

export interface Transform {
  /** Multiplies a number after parsing: minutes → hours is 1/60, kg → t is 0.001. */
  scale?: number;
  /** Added after `scale`: kelvin → °C is −273.15. */
  offset?: number;
  /** A date pattern (`DD.MM.YYYY`, `MM/DD/YYYY HH:mm`, `YYYY-MM-DD`…) or `excel` (serial days). */
  dateFormat?: string;
  /** Overrides the decimal separator detected for the column. */
  decimal?: (typeof DECIMAL_SEPARATORS)[number];
  /** Overrides the thousands separator detected for the column. */
  thousands?: (typeof THOUSANDS_SEPARATORS)[number];
  /** Source value (trimmed, case-insensitive) → the value to use instead: `{"X": true, "": false}`. */
  valueMap?: Record<string, string | number | boolean>;
}

export interface FieldMapping {
  /** Canonical field key (canonical.ts). */
  field: string;
  /** Source column header as it appears in the file; absent when `constant` gives the value. */
  column?: string;
  /** A fixed value for every row (e.g. the shift of a single-shift export). */
  constant?: string | number | boolean;
  transform?: Transform;
  /** Roll-up of operation rows; the field's default (canonical.ts) when absent. */
  aggregation?: Aggregation;
}
