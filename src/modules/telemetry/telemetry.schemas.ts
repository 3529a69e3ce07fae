import Type from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { MAX_BATCH } from './ingest.service.ts';
import { NELSON_RULES, WESTERN_ELECTRIC_RULES } from './spc.ts';

export const SENSOR_TYPES = [
  'temperature',
  'pressure',
  'vibration',
  'flow',
  'level',
  'weight',
  'speed',
  'current',
  'voltage',
  'power',
  'humidity',
  'other',
] as const;
export const BUCKETS = ['auto', 'raw', '1m', '1h', '1d'] as const;
export const ALARM_STATUSES = ['open', 'acknowledged', 'cleared'] as const;

/** Readings are finite doubles; these bounds keep schema checks meaningful (about ±1.8e308). */
const LIMIT = Number.MAX_VALUE;
export const Measurement = Type.Number({ minimum: -LIMIT, maximum: LIMIT });
/** A sensor key: what devices publish under, safe inside an MQTT topic level and a line-protocol tag. */
export const SensorKey = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' });
const EpochMs = Type.Number({ minimum: 0, maximum: 8.64e15, description: 'Epoch milliseconds' });
const Rule = literals([...WESTERN_ELECTRIC_RULES, ...NELSON_RULES]);

const Detection = Type.Object(
  {
    spec: Type.Boolean({ description: 'Alarm when a reading leaves the spec limits' }),
    ewma: Type.Object(
      {
        enabled: Type.Boolean(),
        lambda: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
        width: Type.Number({ exclusiveMinimum: 0, maximum: 10 }),
      },
      { additionalProperties: false },
    ),
    zscore: Type.Object(
      {
        enabled: Type.Boolean(),
        window: Type.Integer({ minimum: 10, maximum: 1000 }),
        threshold: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
      },
      { additionalProperties: false },
    ),
    anomaly: Type.Optional(
      Type.Object(
        {
          enabled: Type.Boolean(),
          threshold: Type.Number({
            minimum: 0.5,
            maximum: 20,
            description: 'Anomaly likelihood as −log10 p: 2 ≈ one chance in 100',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    rules: Type.Array(Rule, { maxItems: 12, uniqueItems: true, description: 'SPC run rules to judge' }),
    baselineCount: Type.Integer({
      minimum: 10,
      maximum: 100_000,
      description: 'Readings to learn limits from',
    }),
  },
  { additionalProperties: false },
);
const DetectionPatch = Type.Object(
  {
    spec: Type.Optional(Detection.properties.spec),
    ewma: Type.Optional(Type.Partial(Detection.properties.ewma, { additionalProperties: false })),
    zscore: Type.Optional(Type.Partial(Detection.properties.zscore, { additionalProperties: false })),
    anomaly: Type.Optional(
      Type.Partial(
        Type.Object({ enabled: Type.Boolean(), threshold: Type.Number({ minimum: 0.5, maximum: 20 }) }),
        {
          additionalProperties: false,
        },
      ),
    ),
    rules: Type.Optional(Detection.properties.rules),
    baselineCount: Type.Optional(Detection.properties.baselineCount),
  },
  { additionalProperties: false },
);
const ControlLimits = Type.Object(
  {
    center: Measurement,
    sigma: Type.Number({ exclusiveMinimum: 0, maximum: LIMIT }),
  },
  { additionalProperties: false },
);

const sensorFields = {
  lineId: Type.Optional(Nullable(Uuid)),
  equipment: Type.Optional(Nullable(Text({ maxLength: 200 }))),
  name: Text({ minLength: 1, maxLength: 200 }),
  type: literals(SENSOR_TYPES),
  unit: Type.Optional(Nullable(Text({ maxLength: 40 }))),
  lowerSpec: Type.Optional(Nullable(Measurement)),
  upperSpec: Type.Optional(Nullable(Measurement)),
  target: Type.Optional(Nullable(Measurement)),
  samplingSeconds: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 86_400 }))),
  detection: Type.Optional(DetectionPatch),
  controlLimits: Type.Optional(
    Nullable(ControlLimits), // null → learned again from the next readings
  ),
  clearAfterSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 * 86_400 })),
};

export const SensorCreate = Type.Object(
  { facilityId: Uuid, key: SensorKey, ...sensorFields },
  { additionalProperties: false },
);
export const SensorPatch = Type.Object(
  {
    key: Type.Optional(SensorKey),
    ...sensorFields,
    name: Type.Optional(sensorFields.name),
    type: Type.Optional(sensorFields.type),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Sensor = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    lineId: Nullable(Uuid),
    equipment: Nullable(Type.String()),
    key: Type.String(),
    name: Type.String(),
    type: Type.String(),
    unit: Nullable(Type.String()),
    lowerSpec: Nullable(Type.Number()),
    upperSpec: Nullable(Type.Number()),
    target: Nullable(Type.Number()),
    samplingSeconds: Nullable(Type.Number()),
    detection: Detection,
    controlLimits: Nullable(
      Type.Object({ center: Type.Number(), sigma: Type.Number(), source: literals(['manual', 'baseline']) }),
    ),
    clearAfterSeconds: Type.Integer(),
    lastTs: Nullable(DateTime),
    lastValue: Nullable(Type.Number()),
    createdAt: DateTime,
  },
  { $id: 'Sensor' },
);
export const SensorQuery = Type.Object({
  facilityId: Type.Optional(Uuid),
  lineId: Type.Optional(Uuid),
  type: Type.Optional(literals(SENSOR_TYPES)),
  q: Type.Optional(Text({ maxLength: 100, description: 'Part of the key or name' })),
  sparkline: Type.Optional(Type.Boolean({ description: 'Add the means of the last two hours' })),
  ...PageQuery,
});
export const SensorPage = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        sensor: Type.Ref('Sensor'),
        activeAlarms: Type.Integer(),
        sparkline: Type.Array(Type.Number(), { description: 'Two-minute means of the last two hours' }),
      }),
    ),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  },
  { $id: 'SensorPage' },
);

export const Alarm = Type.Object(
  {
    id: Uuid,
    sensorId: Nullable(Uuid),
    groupId: Nullable(Uuid),
    facilityId: Uuid,
    rule: Type.String(),
    severity: literals(['warning', 'critical']),
    status: literals(ALARM_STATUSES),
    message: Type.String(),
    value: Nullable(Type.Number()),
    openedAt: DateTime,
    lastSignalAt: DateTime,
    signalCount: Type.Integer(),
    acknowledgedBy: Nullable(Uuid),
    acknowledgedAt: Nullable(DateTime),
    ackNote: Nullable(Type.String()),
    clearedAt: Nullable(DateTime),
    clearedBy: Nullable(Uuid),
    clearNote: Nullable(Type.String()),
  },
  { $id: 'Alarm' },
);
export const AlarmPage = Page(Type.Ref('Alarm'), 'AlarmPage');
export const AlarmQuery = Type.Object({
  status: Type.Optional(literals([...ALARM_STATUSES, 'active'])),
  sensorId: Type.Optional(Uuid),
  facilityId: Type.Optional(Uuid),
  severity: Type.Optional(literals(['warning', 'critical'])),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  ...PageQuery,
});
export const AlarmNote = Type.Object(
  { note: Type.Optional(Text({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const SensorDetail = Type.Object(
  { sensor: Type.Ref('Sensor'), activeAlarms: Type.Array(Type.Ref('Alarm')) },
  { $id: 'SensorDetail' },
);

/**
 * ISO 8601 or epoch milliseconds, as one schema of two types rather than an `anyOf`: with every error
 * collected, Ajv builds an error object and its path for each failed branch before it tries the next,
 * which for epoch milliseconds (the second branch) was most of the cost of checking a bulk body of
 * 50,000 readings. Keywords of one type leave the other alone (format and pattern check a string,
 * minimum and maximum a number). String first: type coercion turns null or a boolean into a string
 * that fails the format, where a number first would make them 0 or 1, a valid epoch. A number sent
 * as a string ("1700000000000") is refused, as any other string that is not ISO 8601.
 */
const Timestamp = Type.Unsafe<string | number>({
  ...DateTime,
  ...EpochMs,
  type: ['string', 'number'],
  description: 'ISO 8601 or epoch milliseconds',
});
/** null and the strings NaN/Infinity are counted as non-finite readings, not refused as a request. */
// One branch of type [number, null]: with type coercion on, separate branches would turn null into
// 0 (number first) or 0 into null (null first); a value of a listed type is never coerced.
const Value = Type.Union([Nullable(Measurement), literals(['NaN', 'Infinity', '-Infinity'])]);

export const ReadingBody = Type.Object(
  { ts: Type.Optional(Timestamp), value: Value },
  { additionalProperties: false },
);
const BulkRow = Type.Object(
  {
    sensorId: Type.Optional(Uuid),
    sensorKey: Type.Optional(SensorKey),
    ts: Timestamp,
    value: Value,
  },
  { additionalProperties: false },
);
const Series = Type.Object(
  {
    sensorId: Type.Optional(Uuid),
    sensorKey: Type.Optional(SensorKey),
    ts: Type.Array(Timestamp, { maxItems: MAX_BATCH }),
    values: Type.Array(Value, { maxItems: MAX_BATCH }),
  },
  { additionalProperties: false },
);
export const BulkBody = Type.Object(
  {
    facilityId: Type.Optional(Uuid),
    readings: Type.Optional(Type.Array(BulkRow, { maxItems: MAX_BATCH })),
    series: Type.Optional(Type.Array(Series, { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);

export const IngestResult = Type.Object(
  {
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    reasons: Type.Record(Type.String(), Type.Integer()),
    errors: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String() })),
    alarmsOpened: Type.Integer(),
  },
  { $id: 'IngestResult' },
);

export const ReadingsQuery = Type.Object({
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  bucket: Type.Optional(literals(BUCKETS)),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10_000, default: 1000, description: 'raw: readings per page' }),
  ),
  after: Type.Optional(
    Type.Number({ minimum: 0, maximum: 8.64e15, description: 'raw: the `next` cursor of the previous page' }),
  ),
});
export const ReadingSeries = Type.Object(
  {
    sensorId: Uuid,
    from: DateTime,
    to: DateTime,
    bucket: Type.String({ description: 'raw, or the bucket width used (e.g. 2m, 1h)' }),
    widthSeconds: Nullable(Type.Number()),
    source: literals(['raw', '1m', '1h']),
    buckets: Type.Array(
      Type.Object({
        t: DateTime,
        count: Type.Integer(),
        min: Type.Number(),
        avg: Type.Number(),
        max: Type.Number(),
        first: Type.Number(),
        last: Type.Number(),
      }),
    ),
    readings: Type.Array(Type.Object({ t: DateTime, value: Type.Number() })),
    next: Nullable(Type.Number({ description: 'raw: pass as `after` for the next page' })),
  },
  { $id: 'ReadingSeries' },
);

export const TELEMETRY_SCHEMAS = [
  Sensor,
  SensorPage,
  SensorDetail,
  Alarm,
  AlarmPage,
  IngestResult,
  ReadingSeries,
];
