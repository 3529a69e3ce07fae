import Type from 'typebox';
import { ExportFormat, periodPart, tableFileResponse } from '../../platform/export/routes.ts';
import { paged, sendTable } from '../../platform/export/tabular.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { DateTime, IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { presentAlarm, presentSensor, presentSeries } from './presenters.ts';
import type { SensorsService } from './sensors.service.ts';
import type { SeriesService } from './series.service.ts';
import { ReadingsQuery, SensorCreate, SensorPatch, SensorQuery } from './telemetry.schemas.ts';

const tags = ['telemetry'];

export function sensorsRoutes(
  app: App,
  { sensors, series }: { sensors: SensorsService; series: SeriesService },
) {
  app.get(
    '/plant-ops/sensors',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSensors',
        summary:
          'Sensors with their newest reading and active alarm count (filter by facility, line, type, text)',
        querystring: SensorQuery,
        response: { 200: Type.Ref('SensorPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await sensors.list(principalOf(request), request.query);
      return {
        items: page.items.map((item) => ({
          sensor: presentSensor(item),
          activeAlarms: item.activeAlarms,
          sparkline: item.sparkline,
        })),
        total: page.total,
        limit: request.query.limit,
        offset: request.query.offset,
      };
    },
  );

  app.post(
    '/plant-ops/sensors',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createSensor',
        summary: 'Register a sensor (key unique per facility)',
        description:
          'Detection defaults: spec limits, the anomaly detector (forecast error as an anomaly likelihood, threshold 2, after 300 readings of warm-up) and Western Electric rule 1 against limits learned from the first 100 readings. Each part can be switched on or off.',
        body: SensorCreate,
        response: { 201: Type.Ref('Sensor'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        presentSensor({
          sensor: await sensors.create(principalOf(request), request.body),
          lastTs: null,
          lastValue: null,
        }),
      ),
  );

  app.get(
    '/plant-ops/sensors/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSensor',
        summary: 'A sensor with its newest reading and its alarms that are not cleared',
        description:
          'Live: subscribe to topic `sensor:<id>` on `/ws` (newest readings, at most 4 a second; alarms).',
        params: IdParams,
        response: { 200: Type.Ref('SensorDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const detail = await sensors.get(principalOf(request), request.params.id);
      return { sensor: presentSensor(detail), activeAlarms: detail.activeAlarms.map(presentAlarm) };
    },
  );

  app.patch(
    '/plant-ops/sensors/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateSensor',
        summary: 'Update a sensor: limits, detection, control limits (null → learn them again)',
        params: IdParams,
        body: SensorPatch,
        response: { 200: Type.Ref('Sensor'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentSensor(await sensors.update(principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/plant-ops/sensors/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteSensor',
        summary: 'Delete a sensor (409 while it has readings, unless ?purge=true deletes them too)',
        params: IdParams,
        querystring: Type.Object({ purge: Type.Optional(Type.Boolean({ default: false })) }),
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await sensors.remove(principalOf(request), request.params.id, request.query.purge ?? false);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/plant-ops/sensors/:id/readings',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSensorReadings',
        summary: 'Readings over a range: raw (paginated) or min/avg/max/count/first/last per bucket',
        description:
          '`bucket=auto` (default) picks the finest round width that gives at most 2,000 buckets and reads the 1-minute or 1-hour rollups when the width allows. The range defaults to the last 24 hours and is widened to whole buckets (returned as `from`/`to`).',
        params: IdParams,
        querystring: ReadingsQuery,
        response: { 200: Type.Ref('ReadingSeries'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentSeries(await series.series(principalOf(request), request.params.id, request.query)),
  );

  app.get(
    '/plant-ops/sensors/:id/readings/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'exportSensorReadings',
        summary: 'Every raw reading of a sensor over a range, as CSV or XLSX (streamed)',
        description:
          'The range defaults to the last 24 hours, as for `GET /plant-ops/sensors/{id}/readings`. Readings oldest first, read page by page: an export of millions of readings holds one page in memory. XLSX continues on further sheets past 1,048,575 rows.',
        params: IdParams,
        querystring: Type.Object(
          { from: Type.Optional(DateTime), to: Type.Optional(DateTime), format: ExportFormat },
          { additionalProperties: false },
        ),
        response: { 200: tableFileResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params;
      const { format } = request.query;
      // The range is fixed when the export starts: pages read later do not slide with the clock.
      const to = request.query.to ?? new Date().toISOString();
      const from = request.query.from ?? new Date(Date.parse(to) - 86_400_000).toISOString();
      const { sensor } = await sensors.get(principal, id);
      const read = (after: number | undefined, limit: number) =>
        series
          .series(principal, id, { from, to, bucket: 'raw', after, limit })
          .then((page) => page.readings as { t: number; value: number }[]);
      const unit = sensor.unit ? ` (${sensor.unit})` : '';
      return sendTable(reply, {
        filename: `readings-${sensor.key}${periodPart(request.query.from, request.query.to)}`,
        format,
        sheetName: 'Readings',
        columns: [
          { key: 't', header: 'Time (UTC)', type: 'date', width: 22 },
          { key: 'value', header: `${sensor.name}${unit}`.slice(0, 200), type: 'number', width: 18 },
        ],
        rows: paged(read, (last) => last.t, 5000),
      });
    },
  );
}
