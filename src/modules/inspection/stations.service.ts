import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflict, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { findLine } from '../plant/index.ts';
import {
  type CameraInsert,
  deleteCamera,
  deletePart,
  deleteStation,
  findCamera,
  findCameraBySerial,
  findCurrentPart,
  findPart,
  findSettings,
  findStation,
  insertCamera,
  insertPart,
  insertStation,
  listCameras,
  listParts,
  listStations,
  setCurrentPart,
  storeSettings,
  updateCamera,
  updatePart,
  updateStation,
} from './stations.repo.ts';
import { hasImages } from './triggers.repo.ts';

// Set-up of the inspection module: stations, cameras (admins), part information and the part
// on each station (operators set it), the tenant's settings.

type Page = { limit: number; offset: number };

export interface PartInput {
  name: string;
  material?: string | null | undefined;
  drawingRevision?: string | null | undefined;
  regionSet?: string | undefined;
}

async function checkLine(tx: Executor, lineId: string | null | undefined) {
  if (lineId && !(await findLine(tx, lineId))) throw badRequest('Unknown lineId');
}

export function createStationsService({ db }: { db: Db }) {
  const cameraOrThrow = async (tx: Executor, id: string) => {
    const camera = await findCamera(tx, id);
    if (!camera) throw notFound('Camera');
    return camera;
  };

  return {
    listStations: (principal: Principal, page: Page) =>
      readInCallerTenant(db, principal, (tx) => listStations(tx, page)),

    createStation: (
      principal: Principal,
      input: { facilityId: string; lineId?: string | null | undefined; name: string },
    ) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        if (!(await facilityInScope(tx, input.facilityId))) throw badRequest('Unknown facilityId');
        await checkLine(tx, input.lineId);
        return insertStation(tx, {
          tenantId,
          facilityId: input.facilityId,
          lineId: input.lineId ?? null,
          name: input.name,
        }).catch(conflictOnUnique(`A station named ${input.name} already exists in this facility`));
      }),

    updateStation: (
      principal: Principal,
      id: string,
      input: { lineId?: string | null | undefined; name?: string | undefined },
    ) =>
      inCallerTenant(db, principal, async (tx) => {
        await checkLine(tx, input.lineId);
        const row = await updateStation(tx, id, input).catch(
          conflictOnUnique('A station with this name already exists'),
        );
        if (!row) throw notFound('Station');
        return row;
      }),

    removeStation: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await findStation(tx, id))) throw notFound('Station');
        const cameras = await listCameras(tx, { stationId: id, limit: 1, offset: 0 });
        if (cameras.total > 0) throw conflict('The station still has cameras: delete or move them first');
        await deleteStation(tx, id);
      }),

    listCameras: (
      principal: Principal,
      filter: Page & { stationId?: string | undefined; status?: string | undefined },
    ) => readInCallerTenant(db, principal, (tx) => listCameras(tx, filter)),

    cameraBySerial: (principal: Principal, serial: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const camera = await findCameraBySerial(tx, serial);
        if (!camera) throw notFound('Camera');
        return camera;
      }),

    createCamera: (principal: Principal, input: Omit<CameraInsert, 'tenantId'>) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        if (!(await findStation(tx, input.stationId))) throw badRequest('Unknown stationId');
        await checkLine(tx, input.lineId);
        return insertCamera(tx, { ...input, tenantId }).catch(
          conflictOnUnique(`A camera with serial number ${input.serialNumber} already exists`),
        );
      }),

    updateCamera: (principal: Principal, serial: string, input: Partial<CameraInsert>) =>
      inCallerTenant(db, principal, async (tx) => {
        const camera = await findCameraBySerial(tx, serial);
        if (!camera) throw notFound('Camera');
        if (input.stationId && !(await findStation(tx, input.stationId)))
          throw badRequest('Unknown stationId');
        await checkLine(tx, input.lineId);
        return (await updateCamera(tx, camera.id, input)) ?? camera;
      }),

    removeCamera: (principal: Principal, serial: string, purge: boolean) =>
      inCallerTenant(db, principal, async (tx) => {
        const camera = await findCameraBySerial(tx, serial);
        if (!camera) throw notFound('Camera');
        if (!purge && (await hasImages(tx, camera.id)))
          throw conflict('The camera has images: pass ?purge=true to delete them with it');
        await deleteCamera(tx, camera.id);
      }),

    cameraOrThrow,

    listParts: (principal: Principal, page: Page) =>
      readInCallerTenant(db, principal, (tx) => listParts(tx, page)),

    createPart: (principal: Principal, input: PartInput & { partNumber: string }) =>
      inCallerTenant(db, principal, (tx, tenantId) =>
        insertPart(tx, { tenantId, ...input }).catch(
          conflictOnUnique(`Part ${input.partNumber} already exists`),
        ),
      ),

    updatePart: (principal: Principal, partNumber: string, input: Partial<PartInput>) =>
      inCallerTenant(db, principal, async (tx) => {
        const row = await updatePart(tx, partNumber, input);
        if (!row) throw notFound('Part');
        return row;
      }),

    getPart: (principal: Principal, partNumber: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const part = await findPart(tx, partNumber);
        if (!part) throw notFound('Part');
        return part;
      }),

    removePart: (principal: Principal, partNumber: string) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await deletePart(tx, partNumber))) throw notFound('Part');
      }),

    currentPart: (principal: Principal, stationId: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        if (!(await findStation(tx, stationId))) throw notFound('Station');
        const current = await findCurrentPart(tx, stationId);
        if (!current) throw notFound('Current part');
        return { current, part: (await findPart(tx, current.partNumber)) ?? null };
      }),

    setCurrentPart: (
      principal: Principal,
      stationId: string,
      input: { partNumber: string; partSerial?: string | null | undefined },
    ) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        if (!(await findStation(tx, stationId))) throw notFound('Station');
        const current = await setCurrentPart(tx, {
          stationId,
          tenantId,
          partNumber: input.partNumber,
          partSerial: input.partSerial ?? null,
          setBy: principal.userId ?? null,
        });
        return { current, part: (await findPart(tx, current.partNumber)) ?? null };
      }),

    settings: (principal: Principal) => readInCallerTenant(db, principal, (tx) => findSettings(tx)),

    storeSettings: (principal: Principal, input: { secondReview: boolean }) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        await storeSettings(tx, tenantId, input.secondReview);
        return findSettings(tx);
      }),
  };
}

export type StationsService = ReturnType<typeof createStationsService>;
