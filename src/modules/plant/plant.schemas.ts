import Type from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { DateTime, Day, IdParams, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { LINE_STATUSES } from './reasons.ts';

export { DateTime, IdParams, Uuid };

const Time = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  maxLength: 5,
  description: 'Local time HH:MM',
});
export const Code = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' });
const Ratio = Nullable(Type.Number({ description: 'Fraction (0.8881 = 88.81 %); null when undefined' }));
export const LineStatus = literals(LINE_STATUSES);

export const Line = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    code: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    status: LineStatus,
    statusSince: DateTime,
    statusReasonCode: Nullable(Type.String()),
    oeeTarget: Type.Number(),
    scrapThreshold: Type.Number(),
    createdAt: DateTime,
  },
  { $id: 'Line' },
);
export const LineCreate = Type.Object(
  {
    facilityId: Uuid,
    code: Code,
    name: Text({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(Text({ maxLength: 2000 }))),
    oeeTarget: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    scrapThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
export const LinePatch = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Text({ maxLength: 2000 }))),
    oeeTarget: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    scrapThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const LineQuery = Type.Object({
  facilityId: Type.Optional(Uuid),
  status: Type.Optional(LineStatus),
  ...PageQuery,
});
export const LinePage = Page(Type.Ref('Line'), 'LinePage');
const StatusSpan = Type.Object({
  status: LineStatus,
  reasonCode: Nullable(Type.String()),
  note: Nullable(Type.String()),
  startedAt: DateTime,
  endedAt: Nullable(DateTime),
});
export const LineDetail = Type.Object(
  {
    line: Type.Ref('Line'),
    currentBatch: Nullable(Type.Ref('Batch')),
    recentStatus: Type.Array(StatusSpan, { description: 'Newest first' }),
  },
  { $id: 'LineDetail' },
);
export const StatusChangeBody = Type.Object(
  {
    status: LineStatus,
    reasonCode: Type.Optional(Code),
    note: Type.Optional(Text({ maxLength: 1000 })),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened (default: now)' })),
  },
  { additionalProperties: false },
);

export const DowntimeReason = Type.Object(
  {
    code: Type.String(),
    label: Type.String(),
    planned: Type.Boolean(),
    category: Type.String(),
    active: Type.Boolean(),
  },
  { $id: 'DowntimeReason' },
);
export const ReasonCreate = Type.Object(
  {
    code: Code,
    label: Text({ minLength: 1, maxLength: 200 }),
    planned: Type.Boolean(),
    category: Text({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);
export const ReasonPatch = Type.Object(
  {
    label: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    planned: Type.Optional(Type.Boolean()),
    category: Type.Optional(Text({ minLength: 1, maxLength: 60 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Break = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 60 }),
    start: Time,
    minutes: Type.Integer({ minimum: 1, maximum: 480 }),
  },
  { additionalProperties: false },
);
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
  minItems: 1,
  maxItems: 7,
  uniqueItems: true,
  description: 'ISO weekdays, 1 = Monday … 7 = Sunday',
});
export const Shift = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    name: Type.String(),
    startTime: Type.String(),
    endTime: Type.String(),
    days: Type.Array(Type.Integer()),
    breaks: Type.Array(Break),
    active: Type.Boolean(),
  },
  { $id: 'Shift' },
);
export const ShiftCreate = Type.Object(
  {
    facilityId: Uuid,
    name: Text({ minLength: 1, maxLength: 60 }),
    startTime: Time,
    endTime: Time,
    days: Type.Optional(Weekdays),
    breaks: Type.Optional(Type.Array(Break, { maxItems: 20 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ShiftPatch = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 60 })),
    startTime: Type.Optional(Time),
    endTime: Type.Optional(Time),
    days: Type.Optional(Weekdays),
    breaks: Type.Optional(Type.Array(Break, { maxItems: 20 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** The three factors and their product, as a batch and a report both give them. */
const OeeRatios = { availability: Ratio, performance: Ratio, quality: Ratio, oee: Ratio };

const OeeOfBatch = Type.Object({
  ...OeeRatios,
  performanceAboveIdeal: Type.Boolean({ description: 'Performance over 100 %: check the ideal cycle time' }),
  scrapRate: Ratio,
  yield: Ratio,
  plannedProductionMinutes: Type.Number(),
  plannedStopMinutes: Type.Number(),
  unplannedDowntimeMinutes: Type.Number(),
  runMinutes: Type.Number(),
  totalCount: Type.Integer(),
  costs: Type.Object({ labour: Type.Number(), material: Type.Number(), scrap: Type.Number() }),
});
export const Batch = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    lineId: Uuid,
    lineName: Nullable(Type.String()),
    facilityId: Uuid,
    productSku: Type.String(),
    productName: Nullable(Type.String()),
    plannedQuantity: Type.Integer(),
    idealCycleSeconds: Type.Number(),
    plannedStart: Nullable(DateTime),
    plannedEnd: Nullable(DateTime),
    labourRate: Type.Number(),
    materialCostPerUnit: Type.Number(),
    status: literals(['planned', 'running', 'completed'] as const),
    startedAt: Nullable(DateTime),
    completedAt: Nullable(DateTime),
    goodCount: Nullable(Type.Integer()),
    scrapCount: Nullable(Type.Integer()),
    reworkCount: Nullable(Type.Integer()),
    labourHours: Nullable(Type.Number()),
    notes: Nullable(Type.String()),
    oee: Nullable(OeeOfBatch),
    createdAt: DateTime,
  },
  { $id: 'Batch' },
);
const BatchFields = {
  productSku: Text({ minLength: 1, maxLength: 100 }),
  productName: Type.Optional(Nullable(Text({ maxLength: 200 }))),
  plannedQuantity: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  idealCycleSeconds: Type.Number({
    exclusiveMinimum: 0,
    maximum: 86_400,
    description: 'Fastest possible time per piece',
  }),
  plannedStart: Type.Optional(Nullable(DateTime)),
  plannedEnd: Type.Optional(Nullable(DateTime)),
  labourRate: Type.Optional(
    Type.Number({ minimum: 0, maximum: 1_000_000, description: 'Cost per labour hour' }),
  ),
  materialCostPerUnit: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
  notes: Type.Optional(Nullable(Text({ maxLength: 5000 }))),
};
export const BatchCreate = Type.Object(
  { lineId: Uuid, code: Type.Optional(Code), ...BatchFields },
  { additionalProperties: false },
);
export const BatchPatch = Type.Object(
  {
    productSku: Type.Optional(BatchFields.productSku),
    productName: BatchFields.productName,
    plannedQuantity: Type.Optional(BatchFields.plannedQuantity),
    idealCycleSeconds: Type.Optional(BatchFields.idealCycleSeconds),
    plannedStart: BatchFields.plannedStart,
    plannedEnd: BatchFields.plannedEnd,
    labourRate: BatchFields.labourRate,
    materialCostPerUnit: BatchFields.materialCostPerUnit,
    notes: BatchFields.notes,
  },
  { additionalProperties: false, minProperties: 1 },
);
export const BatchQuery = Type.Object({
  lineId: Type.Optional(Uuid),
  facilityId: Type.Optional(Uuid),
  status: Type.Optional(literals(['planned', 'running', 'completed'] as const)),
  productSku: Type.Optional(Text({ maxLength: 100 })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  ...PageQuery,
});
export const BatchPage = Page(Type.Ref('Batch'), 'BatchPage');
export const StartBody = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date-time', description: 'When it started (default: now)' })) },
  { additionalProperties: false },
);
// Good + scrap + rework is stored as a 32-bit total: each at most 100 million keeps the sum in range.
const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });
export const CompleteBody = Type.Object(
  {
    goodCount: Count,
    scrapCount: Count,
    reworkCount: Type.Optional(Count),
    labourHours: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When it completed (default: now)' })),
  },
  { additionalProperties: false },
);

const Losses = Type.Object({
  availabilityMinutes: Type.Number({ description: 'Unplanned downtime' }),
  performanceMinutes: Type.Number({
    description: 'Run time minus ideal time of all pieces (negative above 100 %)',
  }),
  qualityMinutes: Type.Number({ description: 'Ideal time spent on scrapped and reworked pieces' }),
});
const OeeFigures = {
  plannedProductionMinutes: Type.Number(),
  runMinutes: Type.Number(),
  totalCount: Type.Number(),
  goodCount: Type.Number(),
  ...OeeRatios,
  losses: Losses,
};
export const OeeReport = Type.Object(
  {
    groupBy: literals(['line', 'day', 'shift'] as const),
    from: Type.String(),
    to: Type.String(),
    groups: Type.Array(
      Type.Object({ key: Type.String(), label: Type.String(), batches: Type.Integer(), ...OeeFigures }),
    ),
    total: Type.Object(OeeFigures),
  },
  { $id: 'OeeReport' },
);
export const OeeQuery = Type.Object({
  facilityId: Type.Optional(Uuid),
  lineId: Type.Optional(Uuid),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  groupBy: literals(['line', 'day', 'shift'] as const),
});
export const ParetoReport = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    totalMinutes: Type.Number(),
    items: Type.Array(
      Type.Object({
        reasonCode: Type.String(),
        label: Type.String(),
        category: Type.String(),
        planned: Type.Boolean(),
        minutes: Type.Number(),
        stops: Type.Integer(),
        share: Type.Number(),
        cumulativeShare: Type.Number(),
      }),
    ),
  },
  { $id: 'ParetoReport' },
);
export const ParetoQuery = Type.Object({
  facilityId: Type.Optional(Uuid),
  lineId: Type.Optional(Uuid),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  includePlanned: Type.Boolean({ default: false, description: 'Also list planned stops' }),
});

export const PLANT_SCHEMAS = [
  Line,
  LinePage,
  Batch,
  LineDetail,
  BatchPage,
  DowntimeReason,
  Shift,
  OeeReport,
  ParetoReport,
];
