// Report downloads: GET …/export?format=pdf|csv|xlsx next to the list or report each one renders,
// taking that route's own filters. PDFs are rendered on a compute worker; tables are streamed.
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { Principal } from '../../platform/auth/principal.ts';
import { sendTable, TABLE_FORMATS } from '../../platform/export/tabular.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { literals } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { StatisticsQuery } from '../inspection/defects.schemas.ts';
import { OeeQuery } from '../plant/plant.schemas.ts';
import { AlarmQuery } from '../telemetry/telemetry.schemas.ts';
import { ALARM_COLUMNS } from './alarms.report.ts';
import { ANALYSIS_COLUMNS, analysisRows } from './analysis.table.ts';
import { INSPECTION_COLUMNS, inspectionRows } from './inspection.report.ts';
import { OEE_COLUMNS, oeeRows } from './oee.report.ts';
import type { ReportsService } from './reports.service.ts';

export const REPORT_FORMATS = ['pdf', ...TABLE_FORMATS] as const;
const Format = Type.Optional(literals(REPORT_FORMATS));
const File = Type.Unsafe({ type: 'string', format: 'binary', description: 'The report file (attachment)' });

/** Sends a PDF as a download. */
export function sendPdf(reply: FastifyReply, body: Buffer, filename: string) {
  return reply
    .headers({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .send(body);
}

const today = () => new Date().toISOString().slice(0, 10);
const date = (at: string | undefined) => (at ? new Date(at) : undefined);

/** The analysis export's PDF and XLSX, for GET /analytics/analyses/{id}/export (analytics' route). */
export function analysisExports(reports: ReportsService) {
  return {
    async pdf(principal: Principal, id: string, reply: FastifyReply) {
      return sendPdf(reply, await reports.analysisPdf(principal, id), `analysis-${id}`);
    },
    async xlsx(principal: Principal, id: string, reply: FastifyReply) {
      const { insights } = await reports.analysisInsights(principal, id);
      return sendTable(reply, {
        filename: `analysis-${id}-insights`,
        format: 'xlsx',
        sheetName: 'Insights',
        columns: ANALYSIS_COLUMNS,
        rows: analysisRows(insights),
      });
    },
  };
}
export type AnalysisExports = ReturnType<typeof analysisExports>;

export function reportsRoutes(app: App, { reports }: { reports: ReportsService }) {
  const { groupBy: _groupBy, ...oeeFilters } = OeeQuery.properties;
  app.get(
    '/plant-ops/oee/export',
    {
      config: { access: 'read' },
      schema: {
        tags: ['plant-ops'],
        operationId: 'exportOee',
        summary: 'The plant OEE report of a period as PDF, or the OEE groups as CSV/XLSX',
        description:
          'Takes the filters of GET /plant-ops/oee. PDF (default): OEE trend by day against the line’s target, availability/performance/quality losses, the unplanned downtime Pareto of the same days, by shift, by line and by day. CSV/XLSX: one row per group of `groupBy` (default `day`) and a total row, the figures of GET /plant-ops/oee.',
        querystring: Type.Object(
          {
            ...oeeFilters,
            groupBy: Type.Optional(literals(['line', 'day', 'shift'] as const)),
            format: Format,
          },
          { additionalProperties: false },
        ),
        response: { 200: File, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format = 'pdf', groupBy = 'day', ...query } = request.query;
      const principal = principalOf(request);
      if (format === 'pdf') {
        const pdf = await reports.oeePdf(principal, query);
        return sendPdf(reply, pdf, ['oee-report', query.from, query.to].filter(Boolean).join('-'));
      }
      const report = await reports.oee(principal, { ...query, groupBy });
      return sendTable(reply, {
        filename: `oee-by-${groupBy}-${report.from}-${report.to}`,
        format,
        sheetName: 'OEE',
        columns: OEE_COLUMNS,
        rows: toAsync(oeeRows(report)),
      });
    },
  );

  app.get(
    '/inspection/defects/statistics/export',
    {
      config: { access: 'read' },
      schema: {
        tags: ['inspection'],
        operationId: 'exportDefectStatistics',
        summary: 'The inspection report of a period as PDF, or its series as CSV/XLSX',
        description:
          'Takes the filters of GET /inspection/defects/statistics. PDF (default): reject rate and its series, the defect Pareto, by camera, by region and by part number. CSV/XLSX: the series, one row per day or shift, with parts inspected, failed, reject rate and defects.',
        querystring: Type.Object(
          { ...StatisticsQuery.properties, format: Format },
          { additionalProperties: false },
        ),
        response: { 200: File, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format = 'pdf', ...query } = request.query;
      const principal = principalOf(request);
      if (format === 'pdf') {
        const pdf = await reports.inspectionPdf(principal, query);
        return sendPdf(reply, pdf, `inspection-report-${(query.to ?? today()).slice(0, 10)}`);
      }
      const stats = await reports.statistics(principal, query);
      return sendTable(reply, {
        filename: `inspection-${stats.period.bucket}-${stats.period.from.slice(0, 10)}-${stats.period.to.slice(0, 10)}`,
        format,
        sheetName: 'Inspection',
        columns: INSPECTION_COLUMNS,
        rows: toAsync(inspectionRows(stats)),
      });
    },
  );

  const { limit: _limit, offset: _offset, ...alarmFilters } = AlarmQuery.properties;
  app.get(
    '/plant-ops/alarms/export',
    {
      config: { access: 'read' },
      schema: {
        tags: ['telemetry'],
        operationId: 'exportAlarms',
        summary: 'The alarm report of a period as PDF, or the alarms as CSV/XLSX',
        description:
          'Takes the filters of GET /plant-ops/alarms (without paging). PDF (default): counts by severity, status, rule and sensor, alarms per day, time to acknowledge (median, mean, 90th percentile, longest) and the newest alarms one by one. CSV/XLSX: every matching alarm, newest first.',
        querystring: Type.Object({ ...alarmFilters, format: Format }, { additionalProperties: false }),
        response: { 200: File, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { format = 'pdf', from, to, ...rest } = request.query;
      const filter = { ...rest, from: date(from), to: date(to) };
      const principal = principalOf(request);
      if (format === 'pdf') {
        const pdf = await reports.alarmsPdf(principal, filter);
        return sendPdf(reply, pdf, `alarm-report-${(to ?? today()).slice(0, 10)}`);
      }
      return sendTable(reply, {
        filename: `alarms-${(to ?? today()).slice(0, 10)}`,
        format,
        sheetName: 'Alarms',
        columns: ALARM_COLUMNS,
        rows: reports.alarmRows(principal, filter),
      });
    },
  );
}

async function* toAsync<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}
