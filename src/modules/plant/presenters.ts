import type { BatchView } from './batches.repo.ts';
import type { LineRow, ReasonRow, StatusRow } from './lines.repo.ts';
import type { ShiftRow } from './shifts.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const cents = (n: number) => Math.round(n * 100) / 100;

export const presentLine = (l: LineRow) => ({
  id: l.id,
  facilityId: l.facilityId,
  code: l.code,
  name: l.name,
  description: l.description,
  status: l.status,
  statusSince: l.statusSince.toISOString(),
  statusReasonCode: l.statusReasonCode,
  oeeTarget: l.oeeTarget,
  scrapThreshold: l.scrapThreshold,
  createdAt: l.createdAt.toISOString(),
});

export const presentStatus = (s: StatusRow) => ({
  status: s.status,
  reasonCode: s.reasonCode,
  note: s.note,
  startedAt: s.startedAt.toISOString(),
  endedAt: iso(s.endedAt),
});

export const presentReason = (r: ReasonRow) => ({
  code: r.code,
  label: r.label,
  planned: r.planned,
  category: r.category,
  active: r.active,
});

export const presentShift = (s: ShiftRow) => ({
  id: s.id,
  facilityId: s.facilityId,
  name: s.name,
  startTime: s.startTime,
  endTime: s.endTime,
  days: s.days,
  breaks: s.breaks,
  active: s.active,
});

const presentOee = (o: NonNullable<BatchView['oee']>) => ({
  availability: o.availability,
  performance: o.performance,
  quality: o.quality,
  oee: o.oee,
  performanceAboveIdeal: o.performanceAboveIdeal,
  scrapRate: o.scrapRate,
  yield: o.yieldRate,
  plannedProductionMinutes: o.plannedProductionSeconds / 60,
  plannedStopMinutes: o.plannedStopSeconds / 60,
  unplannedDowntimeMinutes: o.unplannedDowntimeSeconds / 60,
  runMinutes: o.runSeconds / 60,
  totalCount: o.totalCount,
  costs: { labour: cents(o.labourCost), material: cents(o.materialCost), scrap: cents(o.scrapCost) },
});

export const presentBatch = ({ batch: b, oee, lineName }: BatchView) => ({
  id: b.id,
  code: b.code,
  lineId: b.lineId,
  lineName,
  facilityId: b.facilityId,
  productSku: b.productSku,
  productName: b.productName,
  plannedQuantity: b.plannedQuantity,
  idealCycleSeconds: b.idealCycleSeconds,
  plannedStart: iso(b.plannedStart),
  plannedEnd: iso(b.plannedEnd),
  labourRate: b.labourRate,
  materialCostPerUnit: b.materialCostPerUnit,
  status: b.status,
  startedAt: iso(b.startedAt),
  completedAt: iso(b.completedAt),
  goodCount: b.goodCount,
  scrapCount: b.scrapCount,
  reworkCount: b.reworkCount,
  labourHours: b.labourHours,
  notes: b.notes,
  oee: oee ? presentOee(oee) : null,
  createdAt: b.createdAt.toISOString(),
});
