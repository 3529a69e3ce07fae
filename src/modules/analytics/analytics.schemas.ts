// Request and response schemas of the analytics module (issue 13: mapping profiles, suggestions,
// imports). Every number bounded, every string limited, every list capped, every enum closed.
import Type from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';
import { AGGREGATIONS, CANONICAL_FIELDS, CANONICAL_KEYS, FIELD_GROUPS } from './canonical.ts';
import { SUGGESTION_REASONS } from './mapping/suggest.ts';
import { DECIMAL_SEPARATORS, THOUSANDS_SEPARATORS } from './mapping/types.ts';

export const GRANULARITIES = ['header', 'operation'] as const;
export const IMPORT_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export const REJECT_POLICIES = ['skip', 'fail'] as const;
export const DUPLICATE_POLICIES = ['refuse', 'mark'] as const;

/** Columns of a file a mapping can name; wider files keep the rest as `extra`. */
export const MAX_COLUMNS = 500;
const Header = Text({ minLength: 1, maxLength: 300, description: 'A source column header, as in the file' });
const FieldKey = Type.Union(
  CANONICAL_KEYS.map((k) => Type.Literal(k)),
  { description: 'A canonical work-order field' },
);
// Booleans and numbers first: the validator coerces, and would turn `true` into "true" otherwise.
const Scalar = Type.Union([
  Type.Boolean(),
  Type.Number({ minimum: -1e15, maximum: 1e15 }),
  Text({ maxLength: 500 }),
]);

export const Transform = Type.Object(
  {
    scale: Type.Optional(
      Type.Number({
        minimum: -1e9,
        maximum: 1e9,
        description: 'Multiplies the number: minutes → hours 0.0166667, kg → t 0.001',
      }),
    ),
    offset: Type.Optional(
      Type.Number({
        minimum: -1e9,
        maximum: 1e9,
        description: 'Added after scaling: kelvin → °C −273.15',
      }),
    ),
    dateFormat: Type.Optional(
      Text({
        minLength: 1,
        maxLength: 40,
        description: 'Date pattern such as DD.MM.YYYY, MM/DD/YYYY HH:mm, YYYYMMDD, or `excel` (serial days)',
      }),
    ),
    decimal: Type.Optional(literals(DECIMAL_SEPARATORS)),
    thousands: Type.Optional(literals(THOUSANDS_SEPARATORS)),
    valueMap: Type.Optional(
      Type.Record(Type.String({ maxLength: 100, pattern: '^[^\\u0000]*$' }), Scalar, {
        maxProperties: 200,
        description: 'Source value (trimmed, any case) → value used: {"X": true, "": false}',
      }),
    ),
  },
  { additionalProperties: false, $id: 'MappingTransform' },
);

export const FieldMapping = Type.Object(
  {
    field: FieldKey,
    column: Type.Optional(Header),
    constant: Type.Optional(Scalar),
    transform: Type.Optional(Type.Ref('MappingTransform')),
  },
  { additionalProperties: false, $id: 'FieldMapping' },
);

const Mappings = Type.Array(Type.Ref('FieldMapping'), { maxItems: CANONICAL_FIELDS.length });
/** A canonical field key as a record key (a union key would make every field required). */
const FieldKeyPattern = Type.String({ pattern: `^(${CANONICAL_KEYS.join('|')})$`, maxLength: 40 });
export const Strategy = Type.Record(FieldKeyPattern, literals(AGGREGATIONS), {
  maxProperties: CANONICAL_FIELDS.length,
  description: 'Per field, how operation rows roll up into the work order (others: the field default)',
});
const ConfigVariables = Type.Array(
  Type.Object(
    { key: Text({ minLength: 1, maxLength: 100 }), value: Scalar },
    { additionalProperties: false },
  ),
  { maxItems: 100 },
);

const profileFields = {
  name: Text({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Nullable(Text({ maxLength: 2000 }))),
  erpSystem: Type.Optional(Nullable(Text({ maxLength: 100 }))),
  dataGranularity: Type.Optional(literals(GRANULARITIES)),
  aggregationStrategy: Type.Optional(Strategy),
  mappings: Mappings,
  configVariables: Type.Optional(ConfigVariables),
  isActive: Type.Optional(Type.Boolean()),
};
export const ProfileInput = Type.Object(profileFields, { additionalProperties: false });
/** PUT replaces the profile (a new version); `name` and `mappings` are required as on create. */
export const ProfileUpdate = ProfileInput;

export const MappingProfile = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    description: Nullable(Type.String()),
    erpSystem: Nullable(Type.String()),
    dataGranularity: literals(GRANULARITIES),
    aggregationStrategy: Type.Record(Type.String(), Type.String()),
    mappings: Type.Array(Type.Ref('FieldMapping')),
    configVariables: Type.Array(Type.Object({ key: Type.String(), value: Type.Unknown() })),
    isActive: Type.Boolean(),
    usageCount: Type.Integer(),
    lastUsed: Nullable(DateTime),
    version: Type.Integer({ description: 'Raised by every update; imports record the version they used' }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'MappingProfile' },
);
export const MappingProfilePage = Page(Type.Ref('MappingProfile'), 'MappingProfilePage');
export const ProfileVersion = Type.Object(
  {
    version: Type.Integer(),
    createdAt: DateTime,
    createdBy: Nullable(Uuid),
    content: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'MappingProfileVersion' },
);

export const CanonicalFieldInfo = Type.Object(
  {
    key: Type.String(),
    label: Type.String(),
    group: literals(FIELD_GROUPS),
    type: Type.String(),
    unit: Nullable(Type.String()),
    required: Type.Boolean(),
    aggregation: Type.String(),
    description: Type.String(),
  },
  { $id: 'CanonicalField' },
);

export const Suggestion = Type.Object(
  {
    field: Type.String(),
    column: Nullable(Type.String()),
    confidence: Type.Number({ description: '0–1' }),
    reason: Nullable(literals(SUGGESTION_REASONS)),
    detail: Type.String(),
    alternatives: Type.Array(Type.Object({ column: Type.String(), confidence: Type.Number() })),
    transform: Type.Optional(Type.Ref('MappingTransform')),
  },
  { $id: 'MappingSuggestion' },
);

export const ImportSummary = Type.Object(
  {
    id: Uuid,
    facilityId: Uuid,
    fileName: Type.String(),
    fileSize: Type.Integer(),
    fileHash: Type.String(),
    status: literals(IMPORT_STATUSES),
    duplicateOf: Nullable(Uuid),
    profileId: Nullable(Uuid),
    profileVersion: Nullable(Type.Integer()),
    autoMapped: Type.Boolean(),
    granularity: literals(GRANULARITIES),
    rejectPolicy: literals(REJECT_POLICIES),
    sheet: Nullable(Type.String()),
    rowsRead: Type.Integer(),
    rowsAccepted: Type.Integer(),
    rowsRejected: Type.Integer(),
    workOrders: Type.Integer(),
    errorMessage: Nullable(Type.String()),
    jobId: Nullable(Type.String()),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    completedAt: Nullable(DateTime),
  },
  { $id: 'ImportSummary' },
);
export const ImportDetail = Type.Object(
  {
    ...ImportSummary.properties,
    mappings: Type.Array(Type.Ref('FieldMapping')),
    aggregationStrategy: Type.Record(Type.String(), Type.String()),
    detected: Nullable(Type.Record(Type.String(), Type.Unknown())),
    timings: Type.Record(Type.String(), Type.Number()),
  },
  { $id: 'ImportDetail' },
);
export const ImportPage = Page(Type.Ref('ImportSummary'), 'ImportPage');
export const ImportErrorRow = Type.Object(
  {
    row: Type.Integer(),
    column: Nullable(Type.String()),
    value: Nullable(Type.String()),
    reason: Type.String(),
  },
  { $id: 'ImportError' },
);
export const ImportErrorPage = Page(Type.Ref('ImportError'), 'ImportErrorPage');

export const AnalyticsSettings = Type.Object(
  {
    rejectPolicy: literals(REJECT_POLICIES),
    duplicatePolicy: literals(DUPLICATE_POLICIES),
    fileRetentionDays: Type.Integer({
      minimum: 0,
      maximum: 36_500,
      description: 'Uploaded files are kept this long for reprocessing and download; 0 keeps them',
    }),
  },
  { $id: 'AnalyticsSettings', additionalProperties: false },
);

export const ANALYTICS_SCHEMAS = [
  Transform,
  FieldMapping,
  MappingProfile,
  MappingProfilePage,
  ProfileVersion,
  CanonicalFieldInfo,
  Suggestion,
  ImportSummary,
  ImportDetail,
  ImportPage,
  ImportErrorRow,
  ImportErrorPage,
  AnalyticsSettings,
];
