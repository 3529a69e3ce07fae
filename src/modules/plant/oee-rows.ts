import type { BatchRow, SegmentInsert } from './batches.repo.ts';
import type { BatchOee } from './oee.ts';

/** The stored form of a batch's OEE: one batch_oee row and its segments. */
export function oeeRows(batch: BatchRow, oee: BatchOee) {
  return {
    oee: {
      batchId: batch.id,
      tenantId: batch.tenantId,
      lineId: batch.lineId,
      windowSeconds: oee.windowSeconds,
      plannedStopSeconds: oee.plannedStopSeconds,
      plannedProductionSeconds: oee.plannedProductionSeconds,
      unplannedDowntimeSeconds: oee.unplannedDowntimeSeconds,
      runSeconds: oee.runSeconds,
      idealRunSeconds: oee.idealRunSeconds,
      totalCount: oee.totalCount,
      goodCount: oee.goodCount,
      availability: oee.availability,
      performance: oee.performance,
      quality: oee.quality,
      oee: oee.oee,
      scrapRate: oee.scrapRate,
      yieldRate: oee.yieldRate,
      labourCost: oee.labourCost,
      materialCost: oee.materialCost,
      scrapCost: oee.scrapCost,
      performanceAboveIdeal: oee.performanceAboveIdeal,
    },
    segments: oee.segments.map(
      (s): SegmentInsert => ({
        tenantId: batch.tenantId,
        batchId: batch.id,
        lineId: batch.lineId,
        facilityId: batch.facilityId,
        day: s.day,
        shiftName: s.shiftName,
        segmentStart: new Date(s.start),
        segmentEnd: new Date(s.end),
        plannedProductionSeconds: s.plannedProductionSeconds,
        unplannedDowntimeSeconds: s.unplannedDowntimeSeconds,
        runSeconds: s.runSeconds,
        idealRunSeconds: s.idealRunSeconds,
        idealGoodSeconds: s.idealGoodSeconds,
        totalCount: s.totalCount,
        goodCount: s.goodCount,
      }),
    ),
  };
}
