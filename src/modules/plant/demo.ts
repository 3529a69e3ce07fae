// Demo history for the demo tenant: two lines, three shifts a day, a few weeks of batches with
// realistic stops, so the overview, OEE trend and Pareto have something to show on first start.
// Generated with a seeded random generator and run through the same OEE computation as real batches.
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import { type BatchInsert, insertBatches, saveOee } from './batches.repo.ts';
import { shiftOccurrences } from './calendar.ts';
import {
  insertLine,
  insertReasons,
  insertStatusSpans,
  listLines,
  type StatusSpanInsert,
  updateLine,
} from './lines.repo.ts';
import { computeBatchOee, type DowntimeSpan } from './oee.ts';
import { oeeRows } from './oee-rows.ts';
import { DEFAULT_REASONS } from './reasons.ts';
import { insertShift } from './shifts.repo.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const BREAKS = [
  { name: 'Break', offset: '02:00', minutes: 15 },
  { name: 'Meal', offset: '04:00', minutes: 30 },
  { name: 'Break', offset: '06:15', minutes: 15 },
];
const SHIFTS = [
  { name: 'Early', startTime: '06:00', endTime: '14:00' },
  { name: 'Late', startTime: '14:00', endTime: '22:00' },
  { name: 'Night', startTime: '22:00', endTime: '06:00' },
].map((s) => ({
  ...s,
  days: [1, 2, 3, 4, 5, 6, 7],
  breaks: BREAKS.map((b) => {
    const minutes =
      (Number(s.startTime.slice(0, 2)) + Number(b.offset.slice(0, 2))) * 60 + Number(b.offset.slice(3));
    const start = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { name: b.name, start, minutes: b.minutes };
  }),
}));
/** A demo plant: its lines (cycle in seconds per piece), the time zone of its shifts, its random seed. */
export interface DemoPlantLayout {
  seed: number;
  timezone: string;
  lines: readonly {
    code: string;
    name: string;
    oeeTarget: number;
    cycle: number;
    sku: readonly string[];
    materialCostPerUnit: number;
  }[];
}
/** The demo facility: two lines running three shifts every day, in UTC. */
export const DEMO_PLANT: DemoPlantLayout = {
  seed: 20260301,
  timezone: 'UTC',
  lines: [
    {
      code: 'L1',
      name: 'Filling line 1',
      oeeTarget: 0.85,
      cycle: 1.2,
      sku: ['JUICE-1L', 'JUICE-500'],
      materialCostPerUnit: 0.35,
    },
    {
      code: 'L2',
      name: 'Packaging line 2',
      oeeTarget: 0.8,
      cycle: 0.8,
      sku: ['PACK-6', 'PACK-12'],
      materialCostPerUnit: 0.12,
    },
  ],
};
const UNPLANNED = [
  'BREAKDOWN',
  'MINOR_STOP',
  'MINOR_STOP',
  'MATERIAL_SHORTAGE',
  'NO_OPERATOR',
  'QUALITY_HOLD',
];

/** A demo facility runs its three shifts every day, in its time zone. */
const factsOf = (window: { start: number; end: number }, downtime: DowntimeSpan[], timezone: string) => ({
  window,
  downtime,
  periods: shiftOccurrences(SHIFTS, window, timezone),
  calendar: true,
});

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Span = StatusSpanInsert;

export async function seedDemoPlant(
  db: Db,
  target: { tenantId: string; facilityId: string },
  options: { days?: number; now?: number; layout?: DemoPlantLayout } = {},
): Promise<{ lines: number; batches: number }> {
  const now = options.now ?? Date.now();
  const layout = options.layout ?? DEMO_PLANT;
  const rand = random(layout.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const planned = new Map<string, boolean>(DEFAULT_REASONS.map((r) => [r.code, r.planned]));
  return inTenant(db, target.tenantId, async (tx: Tx) => {
    if ((await listLines(tx, { facilityId: target.facilityId, limit: 1, offset: 0 })).total > 0) {
      return { lines: 0, batches: 0 };
    }
    await insertReasons(tx, target.tenantId, DEFAULT_REASONS);
    for (const shift of SHIFTS)
      await insertShift(tx, { ...shift, tenantId: target.tenantId, facilityId: target.facilityId });
    const start = Math.floor((now - (options.days ?? 21) * 24 * HOUR) / HOUR) * HOUR;
    let batchCount = 0;
    for (const spec of layout.lines) {
      const line = await insertLine(tx, {
        tenantId: target.tenantId,
        facilityId: target.facilityId,
        code: spec.code,
        name: spec.name,
        oeeTarget: spec.oeeTarget,
        statusSince: new Date(start),
      });
      const spans: Span[] = [];
      const batches: {
        insert: BatchInsert;
        counts?: { good: number; scrap: number; rework: number };
        spans: DowntimeSpan[];
      }[] = [];
      let t = start;
      for (let n = 1; t < now; n++) {
        // A changeover between batches, then the batch itself: 6–14 hours with a few stops.
        const changeover = (20 + rand() * 40) * MINUTE;
        if (t + changeover >= now) {
          spans.push({ status: 'idle', reasonCode: 'CHANGEOVER', start: t, end: null });
          break;
        }
        spans.push({ status: 'idle', reasonCode: 'CHANGEOVER', start: t, end: t + changeover });
        const begin = t + changeover;
        const end = begin + (6 + rand() * 8) * HOUR;
        const stops: DowntimeSpan[] = [];
        let cursor = begin;
        for (let s = Math.floor(rand() * 5); s > 0; s--) {
          const at = cursor + rand() * ((end - cursor) / 2);
          const reasonCode = rand() < 0.12 ? pick(['PLANNED_MAINTENANCE', 'CLEANING']) : pick(UNPLANNED);
          const length = (reasonCode === 'MINOR_STOP' ? 3 + rand() * 12 : 10 + rand() * 70) * MINUTE;
          if (at + length >= end || at + length >= now) break;
          spans.push({ status: 'running', reasonCode: null, start: cursor, end: at });
          const status =
            reasonCode === 'PLANNED_MAINTENANCE'
              ? 'maintenance'
              : reasonCode === 'NO_OPERATOR'
                ? 'idle'
                : 'down';
          spans.push({ status, reasonCode, start: at, end: at + length });
          stops.push({ start: at, end: at + length, reasonCode, planned: planned.get(reasonCode) ?? false });
          cursor = at + length;
        }
        const running = end >= now;
        spans.push({ status: 'running', reasonCode: null, start: cursor, end: running ? null : end });
        const sku = pick(spec.sku);
        const insert: BatchInsert = {
          tenantId: target.tenantId,
          lineId: line.id,
          facilityId: target.facilityId,
          code: `${spec.code}-${new Date(begin).toISOString().slice(0, 10).replaceAll('-', '')}-${String(n).padStart(3, '0')}`,
          productSku: sku,
          productName: sku.replace('-', ' '),
          plannedQuantity: Math.round(((end - begin) / 1000 / spec.cycle) * 0.85),
          idealCycleSeconds: spec.cycle,
          plannedStart: new Date(begin),
          plannedEnd: new Date(end),
          labourRate: 32,
          materialCostPerUnit: spec.materialCostPerUnit,
          status: running ? 'running' : 'completed',
          startedAt: new Date(begin),
          completedAt: running ? null : new Date(end),
          createdAt: new Date(begin - changeover),
        };
        if (!running) {
          // Pieces made: the run time (after breaks and stops) at 78–98 % of the ideal speed.
          const speed = 0.78 + rand() * 0.2;
          const window = { start: begin, end };
          const { runSeconds } = computeBatchOee({
            ...factsOf(window, stops, layout.timezone),
            idealCycleSeconds: spec.cycle,
            ...{ good: 0, scrap: 0, rework: 0, labourHours: 0, labourRate: 0, materialCostPerUnit: 0 },
          });
          const total = Math.round((runSeconds * speed) / spec.cycle);
          const scrap = Math.round(total * (rand() < 0.1 ? 0.05 + rand() * 0.04 : rand() * 0.03));
          const rework = Math.round(total * rand() * 0.01);
          Object.assign(insert, {
            goodCount: total - scrap - rework,
            scrapCount: scrap,
            reworkCount: rework,
            labourHours: ((end - begin) / HOUR) * 2,
          });
          batches.push({ insert, counts: { good: total - scrap - rework, scrap, rework }, spans: stops });
        } else {
          batches.push({ insert, spans: stops });
        }
        t = end;
      }
      // The line is where its last span left it.
      const last = spans.at(-1) as Span;
      await updateLine(tx, line.id, {
        status: last.status,
        statusSince: new Date(last.start),
        statusReasonCode: last.reasonCode,
      });
      await insertStatusSpans(tx, target.tenantId, line.id, spans);
      const rows = await insertBatches(
        tx,
        batches.map((b) => b.insert),
      );
      const oee = [];
      const segments = [];
      for (const [i, row] of rows.entries()) {
        const counts = batches[i]?.counts;
        if (!counts || !row.startedAt || !row.completedAt) continue;
        const window = { start: row.startedAt.getTime(), end: row.completedAt.getTime() };
        const result = computeBatchOee({
          ...factsOf(window, batches[i]?.spans ?? [], layout.timezone),
          idealCycleSeconds: row.idealCycleSeconds,
          ...counts,
          labourHours: row.labourHours ?? 0,
          labourRate: row.labourRate,
          materialCostPerUnit: row.materialCostPerUnit,
        });
        const stored = oeeRows(row, result);
        oee.push(stored.oee);
        segments.push(...stored.segments);
      }
      await saveOee(tx, oee, segments);
      batchCount += rows.length;
    }
    return { lines: layout.lines.length, batches: batchCount };
  });
}
