// The comparison → its API object: the period, the facilities side by side (their local period as
// instants, the imports and analyses behind the work-order figures, the plain OEE totals), and the
// metrics with one value per facility in the facilities' order.
import type { Comparison } from './compare.service.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentComparison(c: Comparison) {
  return {
    from: c.period.from,
    to: c.period.to,
    facilities: c.facilities.map((f) => ({
      id: f.facility.id,
      code: f.facility.code,
      name: f.facility.name,
      timezone: f.facility.timezone,
      periodStart: f.span.from.toISOString(),
      periodEnd: f.span.to.toISOString(),
      unitsProduced: f.oee.totalCount,
      goodUnits: f.oee.goodCount,
      imports: f.imports.map((i) => ({
        id: i.importId,
        fileName: i.fileName,
        completedAt: iso(i.completedAt),
        workOrders: Number(i.workOrders),
      })),
      analyses: f.analyses.map((a) => ({
        id: a.id,
        importId: a.importId,
        name: a.name,
        completedAt: iso(a.completedAt),
      })),
    })),
    metrics: c.metrics,
  };
}
