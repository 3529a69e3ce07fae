// Rows → API bodies of the inspection module.

import type { RegionRow } from './regions.repo.ts';
import type { CameraRow, CurrentPartRow, PartRow, StationRow } from './stations.repo.ts';
import type { DefectRow, ImageRow, TriggerRow } from './triggers.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentStation(row: {
  station: StationRow;
  cameraCount: number;
  partNumber: string | null;
  partSerial: string | null;
}) {
  return {
    id: row.station.id,
    facilityId: row.station.facilityId,
    lineId: row.station.lineId,
    name: row.station.name,
    cameraCount: row.cameraCount,
    currentPart: row.partNumber ? { partNumber: row.partNumber, partSerial: row.partSerial } : null,
    createdAt: row.station.createdAt.toISOString(),
  };
}

export function presentCamera(row: CameraRow) {
  return {
    id: row.id,
    stationId: row.stationId,
    serialNumber: row.serialNumber,
    name: row.name,
    lineId: row.lineId,
    width: row.width,
    height: row.height,
    mmPerPixel: row.mmPerPixel,
    orientation: row.orientation,
    status: row.status as 'online' | 'offline' | 'maintenance',
    lastSeenAt: iso(row.lastSeenAt),
    detectOnIngest: row.detectOnIngest,
    regionVersion: row.regionVersion,
  };
}

export function presentPart(row: PartRow) {
  return {
    id: row.id,
    partNumber: row.partNumber,
    name: row.name,
    material: row.material,
    drawingRevision: row.drawingRevision,
    regionSet: row.regionSet,
  };
}

export function presentCurrentPart({ current, part }: { current: CurrentPartRow; part: PartRow | null }) {
  return {
    stationId: current.stationId,
    partNumber: current.partNumber,
    partSerial: current.partSerial,
    part: part ? presentPart(part) : null,
    setAt: current.setAt.toISOString(),
  };
}

export function presentRegion(row: RegionRow) {
  return {
    id: row.id,
    cameraId: row.cameraId,
    regionSet: row.regionSet,
    name: row.name,
    severity: row.severity as 'critical' | 'major' | 'minor',
    kind: row.kind as 'inspect' | 'ignore',
    polygon: row.polygon,
    rules: row.rules,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentTrigger(row: TriggerRow) {
  return {
    id: row.id,
    stationId: row.stationId,
    partNumber: row.partNumber,
    partSerial: row.partSerial,
    ts: row.ts.toISOString(),
    verdict: row.verdict as 'pass' | 'fail',
    reasons: row.reasons,
    imageCount: row.imageCount,
    defectCount: row.defectCount,
    disposition: row.disposition as 'accept' | 'reject' | 'rework' | 'scrap' | null,
    dispositionBy: row.dispositionBy,
    dispositionAt: iso(row.dispositionAt),
    dispositionNote: row.dispositionNote,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentImage(row: ImageRow, defectCount: number) {
  return {
    id: row.id,
    triggerId: row.triggerId,
    cameraId: row.cameraId,
    format: row.format,
    width: row.width,
    height: row.height,
    bitDepth: row.bitDepth,
    bytes: row.bytes,
    capturedAt: row.capturedAt.toISOString(),
    regionVersion: row.regionVersion,
    verdict: row.verdict as 'pass' | 'fail',
    verdictDetail: row.verdictDetail,
    defectCount,
    url: `/api/v1/inspection/images/${row.id}`,
  };
}

export function presentDefect(row: DefectRow) {
  return {
    id: row.id,
    imageId: row.imageId,
    triggerId: row.triggerId,
    cameraId: row.cameraId,
    cx: row.cx,
    cy: row.cy,
    bbox: { x: row.bboxX, y: row.bboxY, w: row.bboxW, h: row.bboxH },
    contour: row.contour,
    areaPx: row.areaPx,
    diameterMm: row.diameterMm,
    areaMm2: row.areaMm2,
    type: row.type as 'porosity',
    confidence: row.confidence,
    source: row.source as 'vision' | 'detector' | 'manual',
    regionIds: row.regionIds,
    ignored: row.ignored,
    disposition: row.disposition as 'pending' | 'accept' | 'reject' | 'rework' | 'false_positive',
    dispositionBy: row.dispositionBy,
    dispositionAt: iso(row.dispositionAt),
    dispositionNote: row.dispositionNote,
    review: row.review as 'pending' | 'confirmed' | 'overturned' | null,
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Images with their defects, in the images' order. */
export function presentImagesWithDefects(images: ImageRow[], defects: DefectRow[]) {
  return images.map((image) => {
    const mine = defects.filter((d) => d.imageId === image.id);
    return { image: presentImage(image, mine.length), defects: mine.map(presentDefect) };
  });
}
