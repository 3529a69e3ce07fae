// GET /api/v1/analytics/compare: its shapes (from the API's schema), its call and query key, and how
// each metric's values are written.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '../../api-schema';
import { client } from '../../typed-api';

export type Comparison = components['schemas']['FacilityComparison'];
export type ComparedMetric = Comparison['metrics'][number];
export type ComparedFacility = Comparison['facilities'][number];
export type MetricUnit = ComparedMetric['unit'];

/** The API compares 2 to 10 facilities over at most a year of days. */
export const MIN_FACILITIES = 2;
export const MAX_FACILITIES = 10;

export interface CompareFilter {
  facilityIds: readonly string[];
  from: string;
  to: string;
}

export function useComparison(filter: CompareFilter) {
  const enabled = filter.facilityIds.length >= MIN_FACILITIES && filter.from <= filter.to;
  return useQuery({
    queryKey: ['analytics', 'compare', filter.facilityIds.join(','), filter.from, filter.to],
    queryFn: ({ signal }) =>
      client.get('/api/v1/analytics/compare', {
        query: { facilityIds: filter.facilityIds.join(','), from: filter.from, to: filter.to },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A value as the table writes it (null is the caller's to explain). */
export function formatMetric(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ratio':
      return percent.format(value);
    case 'count':
      return count.format(value);
    case 'currency':
      return decimal.format(value);
    case 'currencyPerUnit':
      return `${decimal.format(value)} per unit`;
    case 'minutesPerHour':
      return `${decimal.format(value)} min/h`;
  }
}

/** The local day `days` before (negative: after) `day`. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
