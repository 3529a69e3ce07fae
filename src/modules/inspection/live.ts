// Live push of the inspection HMI (replacing the seed's polling): verdicts on `station:<id>`,
// each camera's new image on `camera:<id>`, dispositions on both. Published inside the writing
// transaction, delivered once it commits. Payloads stay small: clients fetch images and defects.
import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '../../platform/db/database.ts';
import { isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { findCamera, findStation } from './stations.repo.ts';
import type { ImageRow, TriggerRow } from './triggers.repo.ts';

/** Reasons pushed with a verdict (the trigger holds them all). */
const PUSHED_REASONS = 8;

export function createInspectionLive({
  db,
  realtime,
}: {
  db: Db;
  realtime: Pick<Realtime, 'publish' | 'registerTopic'>;
}) {
  const owns =
    (find: (tx: Db, id: string) => Promise<unknown>) =>
    async (principal: { tenantId: string | null }, id: string) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await find(tx, id)) !== undefined));
  realtime.registerTopic('station', owns(findStation));
  realtime.registerTopic('camera', owns(findCamera));

  const event = (type: string, data: unknown) => ({
    id: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    data,
  });

  return {
    /** A trigger judged (new, re-analysed or re-judged after a disposition). */
    async triggerJudged(
      tx: Executor,
      tenantId: string,
      trigger: TriggerRow,
      images: Pick<ImageRow, 'id' | 'cameraId' | 'verdict'>[],
    ) {
      const summary = {
        triggerId: trigger.id,
        stationId: trigger.stationId,
        partNumber: trigger.partNumber,
        partSerial: trigger.partSerial,
        ts: trigger.ts.toISOString(),
        verdict: trigger.verdict,
        reasons: trigger.reasons.slice(0, PUSHED_REASONS),
        reasonCount: trigger.reasons.length,
        defectCount: trigger.defectCount,
        disposition: trigger.disposition,
        images: images.map((i) => ({ imageId: i.id, cameraId: i.cameraId, verdict: i.verdict })),
      };
      await realtime.publish(
        tx,
        tenantId,
        [`station:${trigger.stationId}`],
        event('InspectionVerdict', summary),
      );
      for (const image of images)
        await realtime.publish(
          tx,
          tenantId,
          [`camera:${image.cameraId}`],
          event('InspectionImage', {
            ...summary,
            images: undefined,
            imageId: image.id,
            imageVerdict: image.verdict,
          }),
        );
    },

    /** A defect's disposition or review changed. */
    async defectChanged(
      tx: Executor,
      tenantId: string,
      defect: {
        id: string;
        imageId: string;
        triggerId: string;
        cameraId: string;
        disposition: string;
        review: string | null;
      },
      stationId: string,
    ) {
      await realtime.publish(
        tx,
        tenantId,
        [`camera:${defect.cameraId}`, `station:${stationId}`],
        event('InspectionDefect', defect),
      );
    },
  };
}

export type InspectionLive = ReturnType<typeof createInspectionLive>;
