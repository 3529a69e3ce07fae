// The demo tenant's inspection station: one X-ray station with two cameras that run the built-in
// detector on what they see, the part it inspects, and regions with rules on each camera, so the
// simulator's radiographs are judged from the first trigger on.
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import type { RegionRules } from './engine/types.ts';
import { insertRegion, recordRegionVersion } from './regions.repo.ts';
import { insertCamera, insertPart, insertStation, setCurrentPart } from './stations.repo.ts';

export const DEMO_STATION = 'X-ray station 1';
export const DEMO_PART = {
  partNumber: 'CH-4410',
  name: 'Cylinder head, 4-cylinder',
  material: 'AlSi7Mg',
  drawingRevision: 'D',
};
/** Demo camera images: width, height (pixels), mm per pixel. */
export const DEMO_IMAGE = { width: 768, height: 576, mmPerPixel: 0.12 };
export const DEMO_CAMERAS = [
  { serialNumber: 'XR-1001', name: 'Top view' },
  { serialNumber: 'XR-1002', name: 'Side view' },
] as const;

const DEMO_REGIONS: {
  name: string;
  severity: 'critical' | 'major' | 'minor';
  kind: 'inspect' | 'ignore';
  polygon: [number, number][];
  rules: RegionRules;
}[] = [
  {
    name: 'Sealing face',
    severity: 'critical',
    kind: 'inspect',
    polygon: [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ],
    rules: { maxPoreSizeMm: 2, maxPoreCount: 4, minSpacingMm: 1.5, spacingMode: 'merge' },
  },
  {
    name: 'Casting body',
    severity: 'major',
    kind: 'inspect',
    polygon: [
      [0.08, 0.1],
      [0.92, 0.1],
      [0.92, 0.9],
      [0.08, 0.9],
    ],
    rules: { maxPoreSizeMm: 3, maxDensityPerCm2: 1.5, ignoreBelowMm: 0.5 },
  },
  {
    name: 'Riser gate',
    severity: 'minor',
    kind: 'ignore',
    polygon: [
      [0.82, 0.1],
      [0.92, 0.1],
      [0.92, 0.25],
      [0.82, 0.25],
    ],
    rules: {},
  },
];

/** Creates the demo station (once: returns false when it exists). */
export async function seedDemoInspection(
  db: Db,
  { tenantId, facilityId }: { tenantId: string; facilityId: string },
) {
  return inTenant(db, tenantId, async (tx) => {
    const station = await insertStation(tx, { tenantId, facilityId, name: DEMO_STATION });
    await insertPart(tx, { tenantId, ...DEMO_PART });
    await setCurrentPart(tx, {
      tenantId,
      stationId: station.id,
      partNumber: DEMO_PART.partNumber,
      partSerial: null,
    });
    for (const camera of DEMO_CAMERAS) {
      const row = await insertCamera(tx, {
        tenantId,
        stationId: station.id,
        ...camera,
        width: DEMO_IMAGE.width,
        height: DEMO_IMAGE.height,
        mmPerPixel: DEMO_IMAGE.mmPerPixel,
        detectOnIngest: true,
        // Bores are round and dark too: the detector looks for pores up to 40 px (4.8 mm) across.
        detector: { maxDiameterPx: 40 },
      });
      for (const region of DEMO_REGIONS)
        await insertRegion(tx, {
          tenantId,
          cameraId: row.id,
          ...region,
          rules: region.rules as Record<string, unknown>,
        });
      await recordRegionVersion(tx, { tenantId, cameraId: row.id, change: 'demo regions', changedBy: null });
    }
    return { stationId: station.id, cameras: DEMO_CAMERAS.length };
  });
}
