import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { RequestMeta } from '../../platform/http/request-context.ts';
import { recordAudit } from '../identity/index.ts';
import { type DefectInput, placeDefect } from './defect-geometry.ts';
import { findDefect, lockTrigger, updateDefect } from './defects.repo.ts';
import type { DefectType } from './engine/types.ts';
import type { InspectionLive } from './live.ts';
import { findCamera, findSettings } from './stations.repo.ts';
import {
  type DefectRow,
  defectsOfImages,
  findImage,
  imagesOfTrigger,
  insertDefect,
  type TriggerRow,
  updateTrigger,
} from './triggers.repo.ts';
import type { TriggersService } from './triggers.service.ts';

// What people decide about defects and parts: a defect's disposition (with a second person's
// review of a rejection when the tenant asks for it), defects marked by hand, and the part's own
// disposition. Every change is audited and pushed live; a change to what the rules judge (a
// defect marked false positive or back, a new defect) judges the part again in the same
// transaction, so its verdict always follows its defects.

export type DefectDisposition = 'pending' | 'accept' | 'reject' | 'rework' | 'false_positive';
export type PartDisposition = 'accept' | 'reject' | 'rework' | 'scrap';

export interface DefectsDeps {
  db: Db;
  live: Pick<InspectionLive, 'defectChanged' | 'triggerJudged'>;
  /** Judges a trigger again (the triggers service's). */
  rejudge: TriggersService['rejudge'];
}

/** Whether the rules look at a defect with this disposition (false positives are not judged). */
const judged = (disposition: string) => disposition !== 'false_positive';

export function createDefectsService({ db, live, rejudge }: DefectsDeps) {
  /** A defect and its trigger, both locked — the trigger first, as every re-judging change does. */
  async function lockDefect(tx: Executor, id: string) {
    const seen = await findDefect(tx, id);
    if (!seen) throw notFound('Defect');
    const trigger = await lockTrigger(tx, seen.triggerId);
    const defect = await findDefect(tx, id, true);
    if (!trigger || !defect) throw notFound('Defect');
    return { defect, trigger };
  }

  /** Judges the part again when needed, pushes the defect's change; returns the defect as stored now. */
  async function settle(
    tx: Executor,
    tenantId: string,
    trigger: TriggerRow,
    changed: DefectRow,
    judgeAgain: boolean,
  ) {
    let defect = changed;
    if (judgeAgain) {
      await rejudge(tx, tenantId, trigger.id);
      defect = (await findDefect(tx, changed.id)) ?? changed;
    }
    const { id, imageId, triggerId, cameraId, disposition, review } = defect;
    await live.defectChanged(
      tx,
      tenantId,
      { id, imageId, triggerId, cameraId, disposition, review },
      trigger.stationId,
    );
    return defect;
  }

  const auditDefect = (
    tx: Executor,
    principal: Principal,
    meta: RequestMeta,
    action: string,
    defect: DefectRow,
    trigger: TriggerRow,
    details: Record<string, unknown>,
  ) =>
    recordAudit(tx, principal, meta, {
      action,
      targetType: 'inspection_defect',
      targetId: defect.id,
      subject: `${defect.type} on part ${trigger.partNumber} ${trigger.partSerial}`,
      details: { triggerId: trigger.id, imageId: defect.imageId, ...details },
    });

  const ofImage = (principal: Principal, imageId: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      if (!(await findImage(tx, imageId))) throw notFound('Image');
      return defectsOfImages(tx, [imageId]);
    });

  /** Sets a defect's disposition; with second review on, a rejection waits for a second person. */
  const dispose = (
    principal: Principal,
    id: string,
    input: { disposition: DefectDisposition; note?: string | undefined },
    meta: RequestMeta,
  ) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const { defect, trigger } = await lockDefect(tx, id);
      const { secondReview } = await findSettings(tx);
      const review = input.disposition === 'reject' && secondReview ? 'pending' : null;
      const updated = await updateDefect(tx, id, {
        disposition: input.disposition,
        dispositionBy: principal.userId,
        dispositionAt: new Date(),
        dispositionNote: input.note ?? null,
        review,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
      });
      await auditDefect(tx, principal, meta, 'inspection.defect.disposition', defect, trigger, {
        from: { disposition: defect.disposition, review: defect.review },
        to: { disposition: updated.disposition, review: updated.review },
        ...(input.note !== undefined ? { note: input.note } : {}),
      });
      return settle(
        tx,
        tenantId,
        trigger,
        updated,
        judged(defect.disposition) !== judged(updated.disposition),
      );
    });

  /** A second person confirms a pending rejection or overturns it (to `disposition`, default accept). */
  const review = (
    principal: Principal,
    id: string,
    input: {
      decision: 'confirm' | 'overturn';
      disposition?: 'accept' | 'rework' | 'false_positive' | undefined;
      note?: string | undefined;
    },
    meta: RequestMeta,
  ) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      if (input.decision === 'confirm' && input.disposition !== undefined)
        throw badRequest(
          'disposition goes with decision "overturn" only: a confirmed rejection stays a rejection',
        );
      const { defect, trigger } = await lockDefect(tx, id);
      if (defect.review !== 'pending')
        throw conflict(
          defect.review === null
            ? 'This defect is not waiting for a second review'
            : `This rejection was already reviewed (${defect.review})`,
        );
      if (defect.dispositionBy === principal.userId)
        throw forbidden('A second review must be made by someone else: you rejected this defect yourself');
      const now = new Date();
      const reviewed = { reviewedBy: principal.userId, reviewedAt: now, reviewNote: input.note ?? null };
      const updated = await updateDefect(
        tx,
        id,
        input.decision === 'confirm'
          ? { ...reviewed, review: 'confirmed' }
          : {
              ...reviewed,
              review: 'overturned',
              disposition: input.disposition ?? 'accept',
              dispositionBy: principal.userId,
              dispositionAt: now,
            },
      );
      await auditDefect(tx, principal, meta, 'inspection.defect.review', defect, trigger, {
        decision: input.decision,
        rejectedBy: defect.dispositionBy,
        from: { disposition: defect.disposition, review: defect.review },
        to: { disposition: updated.disposition, review: updated.review },
        ...(input.note !== undefined ? { note: input.note } : {}),
      });
      return settle(
        tx,
        tenantId,
        trigger,
        updated,
        judged(defect.disposition) !== judged(updated.disposition),
      );
    });

  /** A defect an operator marks by hand, in pixels of the image; the part is judged again. */
  const mark = (
    principal: Principal,
    input: DefectInput & { imageId: string; type: DefectType; note?: string | undefined },
    meta: RequestMeta,
  ) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const image = await findImage(tx, input.imageId);
      if (!image) throw badRequest('Unknown imageId');
      const camera = await findCamera(tx, image.cameraId);
      if (!camera) throw badRequest('Unknown imageId');
      const { note, imageId: _imageId, ...geometry } = input;
      const placed = placeDefect(
        geometry,
        { width: image.width, height: image.height, mmPerPixel: camera.mmPerPixel },
        'The defect',
      );
      const trigger = await lockTrigger(tx, image.triggerId);
      if (!trigger) throw badRequest('Unknown imageId');
      const inserted = await insertDefect(tx, {
        tenantId,
        imageId: image.id,
        triggerId: trigger.id,
        cameraId: image.cameraId,
        cx: placed.cx,
        cy: placed.cy,
        bboxX: placed.bbox.x,
        bboxY: placed.bbox.y,
        bboxW: placed.bbox.w,
        bboxH: placed.bbox.h,
        contour: placed.contour ?? null,
        areaPx: placed.areaPx,
        diameterMm: placed.diameterMm,
        areaMm2: placed.areaMm2,
        type: placed.type,
        confidence: null,
        source: 'manual',
        dispositionNote: note ?? null,
        createdBy: principal.userId,
      });
      await auditDefect(tx, principal, meta, 'inspection.defect.create', inserted, trigger, {
        cx: placed.cx,
        cy: placed.cy,
        diameterMm: placed.diameterMm,
        ...(note !== undefined ? { note } : {}),
      });
      return settle(tx, tenantId, trigger, inserted, true);
    });

  /** The part's own disposition (who, when, note); pushed with the trigger's verdict. */
  const disposePart = (
    principal: Principal,
    triggerId: string,
    input: { disposition: PartDisposition; note?: string | undefined },
    meta: RequestMeta,
  ) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const trigger = await lockTrigger(tx, triggerId);
      if (!trigger) throw notFound('Trigger');
      const updated = await updateTrigger(tx, triggerId, {
        disposition: input.disposition,
        dispositionBy: principal.userId,
        dispositionAt: new Date(),
        dispositionNote: input.note ?? null,
      });
      if (!updated) throw notFound('Trigger');
      await recordAudit(tx, principal, meta, {
        action: 'inspection.trigger.disposition',
        targetType: 'inspection_trigger',
        targetId: trigger.id,
        subject: `part ${trigger.partNumber} ${trigger.partSerial}`,
        details: {
          verdict: trigger.verdict,
          from: trigger.disposition,
          to: updated.disposition,
          ...(input.note !== undefined ? { note: input.note } : {}),
        },
      });
      await live.triggerJudged(tx, tenantId, updated, await imagesOfTrigger(tx, triggerId));
      return updated;
    });

  return { ofImage, dispose, review, mark, disposePart };
}

export type DefectsService = ReturnType<typeof createDefectsService>;
