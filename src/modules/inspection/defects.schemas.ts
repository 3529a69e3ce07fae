import Type from 'typebox';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { DEFECT_TYPES } from './engine/types.ts';
import { DEFECT_DISPOSITIONS, DefectInput, PART_DISPOSITIONS } from './inspection.schemas.ts';

// Request and response schemas of defect dispositions, second review, hand-marked defects and
// defect statistics. Responses carry a $id and are registered through DEFECT_SCHEMAS.

export const REVIEW_DECISIONS = ['confirm', 'overturn'] as const;
/** What a reviewer may turn a rejection into. */
export const OVERTURN_DISPOSITIONS = ['accept', 'rework', 'false_positive'] as const;
export const STATISTICS_BUCKETS = ['day', 'shift'] as const;

const Note = Text({ maxLength: 2000 });

export const ImageIdParams = Type.Object({ imageId: Uuid });

export const DefectDispositionPatch = Type.Object(
  { disposition: literals(DEFECT_DISPOSITIONS), note: Type.Optional(Note) },
  { additionalProperties: false },
);

export const DefectReviewBody = Type.Object(
  {
    decision: literals(REVIEW_DECISIONS),
    disposition: Type.Optional(literals(OVERTURN_DISPOSITIONS)),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);

/** A defect an operator marks by hand on an image (pixels of that image). */
export const ManualDefectCreate = Type.Object(
  {
    imageId: Uuid,
    cx: DefectInput.properties.cx,
    cy: DefectInput.properties.cy,
    bbox: DefectInput.properties.bbox,
    diameterPx: DefectInput.properties.diameterPx,
    areaPx: DefectInput.properties.areaPx,
    contour: DefectInput.properties.contour,
    type: literals(DEFECT_TYPES),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);

export const DefectList = Type.Object(
  { imageId: Uuid, items: Type.Array(Type.Ref('InspectionDefect')) },
  { $id: 'InspectionDefectList' },
);

export const StatisticsQuery = Type.Object(
  {
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    stationId: Type.Optional(Uuid),
    cameraId: Type.Optional(Uuid),
    partNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:/ -]+$' })),
    type: Type.Optional(literals(DEFECT_TYPES)),
    bucket: Type.Optional(literals(STATISTICS_BUCKETS)),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Number({ minimum: 0, maximum: 1 });

export const DefectStatistics = Type.Object(
  {
    period: Type.Object({
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time' }),
      bucket: literals(STATISTICS_BUCKETS),
    }),
    totals: Type.Object({
      defects: Count,
      triggers: Count,
      failedTriggers: Count,
      rejectRate: Type.Number({ minimum: 0, maximum: 1, description: 'failedTriggers / triggers' }),
      dispositionedDefects: Type.Integer({
        minimum: 0,
        description: 'Defects whose disposition is not pending',
      }),
      falsePositives: Count,
      falsePositiveRate: Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'falsePositives / dispositionedDefects',
      }),
      reworkDefects: Count,
      reworkShare: Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'reworkDefects / dispositionedDefects',
      }),
      dispositionedParts: Type.Integer({ minimum: 0, description: 'Triggers with a part disposition' }),
      reworkParts: Count,
      partReworkShare: Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'reworkParts / dispositionedParts',
      }),
    }),
    byType: Type.Array(Type.Object({ type: literals(DEFECT_TYPES), count: Count })),
    byCamera: Type.Array(
      Type.Object({
        cameraId: Uuid,
        cameraName: Type.String(),
        images: Count,
        failedImages: Count,
        defects: Count,
      }),
    ),
    byRegion: Type.Array(
      Type.Object({ regionId: Uuid, name: Nullable(Type.String()), cameraId: Nullable(Uuid), count: Count }),
    ),
    byDisposition: Type.Array(Type.Object({ disposition: literals(DEFECT_DISPOSITIONS), count: Count })),
    byPartDisposition: Type.Array(Type.Object({ disposition: literals(PART_DISPOSITIONS), count: Count })),
    byPartNumber: Type.Array(
      Type.Object({ partNumber: Type.String(), triggers: Count, failed: Count, defects: Count }),
    ),
    pareto: Type.Array(
      Type.Object({ type: literals(DEFECT_TYPES), count: Count, share: Rate, cumulativeShare: Rate }),
    ),
    falsePositiveByCameraAndType: Type.Array(
      Type.Object({
        cameraId: Uuid,
        cameraName: Type.String(),
        type: literals(DEFECT_TYPES),
        dispositioned: Count,
        falsePositives: Count,
        rate: Rate,
      }),
    ),
    series: Type.Array(
      Type.Object({
        start: Type.String({ format: 'date-time' }),
        defects: Count,
        triggers: Count,
        failed: Count,
      }),
    ),
  },
  { $id: 'InspectionDefectStatistics' },
);

export const DEFECT_SCHEMAS = [DefectList, DefectStatistics];
