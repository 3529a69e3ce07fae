import Type from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { DateTime, literals, Nullable, Text, Uuid } from '../../platform/http/schemas.ts';

const Cron = Text({
  minLength: 1,
  maxLength: 200,
  description:
    "Five fields — minute hour day-of-month month day-of-week — in the facility's time zone, e.g. `0 6 * * 1-5` (06:00 on weekdays); or @daily, @hourly, @weekly, @monthly",
});

const HeaderValues = Type.Record(
  Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" }),
  Text({ maxLength: 4000 }),
  {
    maxProperties: 20,
    description: 'Request headers sent to the URL (e.g. an API token); stored, shown back masked',
  },
);

const SourceInput = Type.Union([
  Type.Object({ kind: Type.Literal('folder') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('url'),
      url: Text({
        minLength: 8,
        maxLength: 2000,
        description: 'http:// or https:// URL of a CSV or XLSX file',
      }),
      headers: Type.Optional(HeaderValues),
    },
    { additionalProperties: false },
  ),
]);

const Status = literals(['active', 'paused'] as const);

export const ScheduleInput = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 200 }),
    facilityId: Uuid,
    cron: Cron,
    source: SourceInput,
    profileId: Type.String({
      format: 'uuid',
      description: 'The mapping profile the files are imported with',
    }),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);

export const ScheduleUpdate = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
    cron: Type.Optional(Cron),
    source: Type.Optional(SourceInput),
    profileId: Type.Optional(Uuid),
    status: Type.Optional(Status),
  },
  { additionalProperties: false, description: 'A URL source sent without `headers` keeps the stored ones' },
);

export const PreviewQuery = Type.Object(
  {
    cron: Cron,
    timezone: Text({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
  },
  { additionalProperties: false },
);

const Changed = Type.Object({
  match: Type.String(),
  analyzer: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  entity: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  severity: Type.String(),
  impactScore: Type.Number(),
  previousSeverity: Type.Optional(Type.String()),
  previousImpactScore: Type.Optional(Type.Number()),
});

const ScheduleRun = Type.Object(
  {
    id: Uuid,
    scheduleId: Uuid,
    slot: DateTime,
    trigger: literals(['schedule', 'manual'] as const),
    status: literals(['queued', 'running', 'completed', 'failed', 'skipped'] as const),
    fileName: Nullable(Type.String()),
    importId: Nullable(Uuid),
    analysisId: Nullable(Uuid),
    error: Nullable(Type.String({ description: 'Why the run failed, or why it had nothing to do' })),
    comparison: Nullable(
      Type.Object({
        summary: Type.Object({ new: Type.Integer(), worse: Type.Integer(), resolved: Type.Integer() }),
        new: Type.Array(Changed),
        worse: Type.Array(Changed),
        resolved: Type.Array(Changed),
        previousRunId: Nullable(Uuid),
        previousAnalysisId: Nullable(Uuid),
      }),
    ),
    timings: Type.Record(Type.String(), Type.Number()),
    jobId: Nullable(Type.String()),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    completedAt: Nullable(DateTime),
  },
  { $id: 'ScheduleRun' },
);

const Schedule = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    facility: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), timezone: Type.String() }),
    cron: Type.String(),
    source: Type.Object({
      kind: literals(['folder', 'url'] as const),
      url: Nullable(Type.String({ description: 'User and password in the URL are masked' })),
      headers: Type.Record(Type.String(), Type.String(), { description: 'Header names, values masked' }),
      folder: Nullable(Type.String({ description: 'The watched folder, under DATA_DIR' })),
    }),
    profileId: Nullable(Uuid),
    status: Status,
    nextRunAt: Nullable(DateTime),
    nextRunLocal: Nullable(
      Type.String({ description: "The next run in the facility's time, YYYY-MM-DD HH:mm" }),
    ),
    lastRun: Nullable(Type.Ref('ScheduleRun')),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'AnalysisSchedule' },
);

export const SCHEDULE_SCHEMAS = [
  ScheduleRun,
  Schedule,
  Page(Type.Ref('AnalysisSchedule'), 'AnalysisSchedulePage'),
  Page(Type.Ref('ScheduleRun'), 'ScheduleRunPage'),
  Type.Object(
    {
      cron: Type.String(),
      timezone: Type.String(),
      runs: Type.Array(Type.Object({ at: DateTime, local: Type.String() })),
    },
    { $id: 'SchedulePreview' },
  ),
];
