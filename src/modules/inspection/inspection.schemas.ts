import Type from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { DEFECT_SOURCES, DEFECT_TYPES, REGION_KINDS, REGION_SEVERITIES } from './engine/types.ts';

// Request and response schemas of the inspection API (seed 001, issue 15). Responses are
// registered by $id and referenced from the routes.

export const CAMERA_STATUSES = ['online', 'offline', 'maintenance'] as const;
export const DEFECT_DISPOSITIONS = ['pending', 'accept', 'reject', 'rework', 'false_positive'] as const;
export const PART_DISPOSITIONS = ['accept', 'reject', 'rework', 'scrap'] as const;
export const VERDICTS = ['pass', 'fail'] as const;

const Name = Text({ minLength: 1, maxLength: 200 });
const Code = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:/ -]+$' });
/** A camera serial number: what the camera reports, safe in a URL path. */
export const Serial = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' });
/** Part information's key: safe in a URL path. */
const PartNumber = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' });
const RegionSet = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' });
const Pixels = Type.Integer({ minimum: 1, maximum: 100_000 });
const MmPerPixel = Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Millimetres per pixel' });
const Coordinate = Type.Number({ minimum: -1e6, maximum: 1e6 });

export const SerialParams = Type.Object({ serialNumber: Serial });

export const StationCreate = Type.Object(
  { facilityId: Uuid, lineId: Type.Optional(Nullable(Uuid)), name: Name },
  { additionalProperties: false },
);
export const StationPatch = Type.Partial(
  Type.Object({ lineId: Nullable(Uuid), name: Name }, { additionalProperties: false }),
);
export const Station = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    lineId: Nullable(Uuid),
    name: Type.String(),
    cameraCount: Type.Integer(),
    currentPart: Nullable(Type.Object({ partNumber: Type.String(), partSerial: Nullable(Type.String()) })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InspectionStation' },
);

const cameraFields = {
  stationId: Uuid,
  serialNumber: Serial,
  name: Name,
  lineId: Nullable(Uuid),
  width: Pixels,
  height: Pixels,
  mmPerPixel: MmPerPixel,
  orientation: literals(['0', '90', '180', '270'] as const),
  status: literals(CAMERA_STATUSES),
  detectOnIngest: Type.Boolean({
    description: 'Run the built-in detector on images that come without defects',
  }),
};
export const CameraCreate = Type.Object(
  {
    stationId: cameraFields.stationId,
    serialNumber: cameraFields.serialNumber,
    name: cameraFields.name,
    lineId: Type.Optional(cameraFields.lineId),
    width: cameraFields.width,
    height: cameraFields.height,
    mmPerPixel: cameraFields.mmPerPixel,
    orientation: Type.Optional(Type.Integer({ minimum: 0, maximum: 270, multipleOf: 90 })),
    status: Type.Optional(cameraFields.status),
    detectOnIngest: Type.Optional(cameraFields.detectOnIngest),
  },
  { additionalProperties: false },
);
export const CameraPatch = Type.Partial(
  Type.Object(
    {
      stationId: cameraFields.stationId,
      name: cameraFields.name,
      lineId: cameraFields.lineId,
      width: cameraFields.width,
      height: cameraFields.height,
      mmPerPixel: cameraFields.mmPerPixel,
      orientation: Type.Integer({ minimum: 0, maximum: 270, multipleOf: 90 }),
      status: cameraFields.status,
      detectOnIngest: cameraFields.detectOnIngest,
    },
    { additionalProperties: false },
  ),
);
export const Camera = Type.Object(
  {
    id: Uuid,
    stationId: Uuid,
    serialNumber: Type.String(),
    name: Type.String(),
    lineId: Nullable(Uuid),
    width: Type.Integer(),
    height: Type.Integer(),
    mmPerPixel: Type.Number(),
    orientation: Type.Integer(),
    status: literals(CAMERA_STATUSES),
    lastSeenAt: Nullable(Type.String({ format: 'date-time' })),
    detectOnIngest: Type.Boolean(),
    regionVersion: Type.Integer(),
  },
  { $id: 'InspectionCamera' },
);
export const CameraQuery = Type.Object(
  { stationId: Type.Optional(Uuid), status: Type.Optional(literals(CAMERA_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);

const partFields = {
  name: Name,
  material: Nullable(Text({ maxLength: 200 })),
  drawingRevision: Nullable(Text({ maxLength: 50 })),
  regionSet: RegionSet,
};
export const PartCreate = Type.Object(
  {
    partNumber: PartNumber,
    name: Name,
    material: Type.Optional(Nullable(Text({ maxLength: 200 }))),
    drawingRevision: Type.Optional(Nullable(Text({ maxLength: 50 }))),
    regionSet: Type.Optional(RegionSet),
  },
  { additionalProperties: false },
);
export const PartPatch = Type.Partial(Type.Object(partFields, { additionalProperties: false }));
export const Part = Type.Object(
  {
    id: Uuid,
    partNumber: Type.String(),
    name: Type.String(),
    material: Nullable(Type.String()),
    drawingRevision: Nullable(Type.String()),
    regionSet: Type.String(),
  },
  { $id: 'InspectionPart' },
);
export const PartParams = Type.Object({ partNumber: PartNumber });
export const CurrentPartPut = Type.Object(
  { partNumber: Code, partSerial: Type.Optional(Nullable(Code)) },
  { additionalProperties: false },
);
export const CurrentPart = Type.Object(
  {
    stationId: Uuid,
    partNumber: Type.String(),
    partSerial: Nullable(Type.String()),
    part: Nullable(Type.Ref('InspectionPart')),
    setAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InspectionCurrentPart' },
);

const rulesSchema = (options: { $id?: string }) =>
  Type.Object(
    {
      maxPoreSizeMm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10_000 })),
      maxPoreCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
      maxDensityPerCm2: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6 })),
      maxAreaShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      minSpacingMm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10_000 })),
      spacingMode: Type.Optional(literals(['merge', 'fail'] as const)),
      ignoreBelowMm: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
      types: Type.Optional(
        Type.Array(literals(DEFECT_TYPES), { maxItems: DEFECT_TYPES.length, uniqueItems: true }),
      ),
    },
    { additionalProperties: false, ...options },
  );
export const Rules = rulesSchema({ $id: 'InspectionRules' });
const RulesBody = rulesSchema({});
const Polygon = Type.Array(Type.Array(Coordinate, { minItems: 2, maxItems: 2 }), {
  minItems: 3,
  maxItems: 500,
  description: 'Points [x, y] in normalized image coordinates (0–1): at least 3, not self-intersecting',
});
export const RegionCreate = Type.Object(
  {
    cameraId: Uuid,
    regionSet: Type.Optional(RegionSet),
    name: Name,
    severity: Type.Optional(literals(REGION_SEVERITIES)),
    kind: Type.Optional(literals(REGION_KINDS)),
    polygon: Polygon,
    rules: Type.Optional(RulesBody),
  },
  { additionalProperties: false },
);
export const RegionPut = Type.Object(
  {
    name: Name,
    regionSet: Type.Optional(RegionSet),
    severity: Type.Optional(literals(REGION_SEVERITIES)),
    kind: Type.Optional(literals(REGION_KINDS)),
    polygon: Polygon,
    rules: Type.Optional(RulesBody),
  },
  { additionalProperties: false },
);
export const Region = Type.Object(
  {
    id: Uuid,
    cameraId: Uuid,
    regionSet: Type.String(),
    name: Type.String(),
    severity: literals(REGION_SEVERITIES),
    kind: literals(REGION_KINDS),
    polygon: Type.Array(Type.Array(Type.Number())),
    rules: Type.Ref('InspectionRules'),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InspectionRegion' },
);
export const RegionList = Type.Object(
  { cameraId: Uuid, version: Type.Integer(), items: Type.Array(Type.Ref('InspectionRegion')) },
  { $id: 'InspectionRegionList' },
);
export const RegionPreview = Type.Object(
  {
    regionSet: Type.Optional(RegionSet),
    regions: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Uuid),
          name: Name,
          severity: Type.Optional(literals(REGION_SEVERITIES)),
          kind: Type.Optional(literals(REGION_KINDS)),
          polygon: Polygon,
          rules: Type.Optional(RulesBody),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

export const Defect = Type.Object(
  {
    id: Uuid,
    imageId: Uuid,
    triggerId: Uuid,
    cameraId: Uuid,
    cx: Type.Number(),
    cy: Type.Number(),
    bbox: Type.Object({ x: Type.Number(), y: Type.Number(), w: Type.Number(), h: Type.Number() }),
    contour: Nullable(Type.Array(Type.Array(Type.Number()))),
    areaPx: Type.Number(),
    diameterMm: Type.Number(),
    areaMm2: Type.Number(),
    type: literals(DEFECT_TYPES),
    confidence: Nullable(Type.Number()),
    source: literals(DEFECT_SOURCES),
    regionIds: Type.Array(Uuid),
    ignored: Type.Boolean(),
    disposition: literals(DEFECT_DISPOSITIONS),
    dispositionBy: Nullable(Uuid),
    dispositionAt: Nullable(Type.String({ format: 'date-time' })),
    dispositionNote: Nullable(Type.String()),
    review: Nullable(literals(['pending', 'confirmed', 'overturned'] as const)),
    reviewedBy: Nullable(Uuid),
    reviewedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InspectionDefect' },
);

/** A defect as the vision system reports it with a trigger (pixel coordinates of its image). */
export const DefectInput = Type.Object(
  {
    cx: Coordinate,
    cy: Coordinate,
    bbox: Type.Optional(
      Type.Object(
        {
          x: Coordinate,
          y: Coordinate,
          w: Type.Number({ minimum: 0, maximum: 1e6 }),
          h: Type.Number({ minimum: 0, maximum: 1e6 }),
        },
        { additionalProperties: false },
      ),
    ),
    diameterPx: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6 })),
    areaPx: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12 })),
    contour: Type.Optional(
      Type.Array(Type.Array(Coordinate, { minItems: 2, maxItems: 2 }), { minItems: 3, maxItems: 2000 }),
    ),
    type: Type.Optional(literals(DEFECT_TYPES)),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
/** The `defects` field of a trigger: per camera serial number, what its vision system found. */
export const TriggerDefects = Type.Record(Serial, Type.Array(DefectInput, { maxItems: 5000 }));

export const ImageMeta = Type.Object(
  {
    id: Uuid,
    triggerId: Uuid,
    cameraId: Uuid,
    format: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    bitDepth: Type.Integer(),
    bytes: Type.Integer(),
    capturedAt: Type.String({ format: 'date-time' }),
    regionVersion: Type.Integer(),
    verdict: literals(VERDICTS),
    verdictDetail: Type.Object({}, { additionalProperties: true }),
    defectCount: Type.Integer(),
    url: Type.String(),
  },
  { $id: 'InspectionImage' },
);
export const ImageWithDefects = Type.Object(
  { image: Type.Ref('InspectionImage'), defects: Type.Array(Type.Ref('InspectionDefect')) },
  { $id: 'InspectionImageWithDefects' },
);

export const Trigger = Type.Object(
  {
    id: Uuid,
    stationId: Uuid,
    partNumber: Type.String(),
    partSerial: Type.String(),
    ts: Type.String({ format: 'date-time' }),
    verdict: literals(VERDICTS),
    reasons: Type.Array(Type.String()),
    imageCount: Type.Integer(),
    defectCount: Type.Integer(),
    disposition: Nullable(literals(PART_DISPOSITIONS)),
    dispositionBy: Nullable(Uuid),
    dispositionAt: Nullable(Type.String({ format: 'date-time' })),
    dispositionNote: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'InspectionTrigger' },
);
export const TriggerDetail = Type.Object(
  { trigger: Type.Ref('InspectionTrigger'), images: Type.Array(Type.Ref('InspectionImageWithDefects')) },
  { $id: 'InspectionTriggerDetail' },
);
export const TriggerQuery = Type.Object(
  {
    stationId: Type.Optional(Uuid),
    partSerial: Type.Optional(Code),
    partNumber: Type.Optional(Code),
    verdict: Type.Optional(literals(VERDICTS)),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const TriggerDisposition = Type.Object(
  { disposition: literals(PART_DISPOSITIONS), note: Type.Optional(Text({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const INSPECTION_SCHEMAS = [
  Station,
  Camera,
  Part,
  CurrentPart,
  Rules,
  Region,
  RegionList,
  Defect,
  ImageMeta,
  ImageWithDefects,
  Trigger,
  TriggerDetail,
  Page(Type.Ref('InspectionStation'), 'InspectionStationPage'),
  Page(Type.Ref('InspectionCamera'), 'InspectionCameraPage'),
  Page(Type.Ref('InspectionPart'), 'InspectionPartPage'),
  Page(Type.Ref('InspectionTrigger'), 'InspectionTriggerPage'),
];
