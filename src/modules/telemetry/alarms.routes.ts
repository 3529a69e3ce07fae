import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import { IdParams, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { AlarmsService } from './alarms.service.ts';
import { presentAlarm } from './presenters.ts';
import { AlarmNote, AlarmQuery } from './telemetry.schemas.ts';

const tags = ['telemetry'];
const when = (at: string | undefined) => (at ? new Date(at) : undefined);

export function alarmsRoutes(app: App, { alarms }: { alarms: AlarmsService }) {
  app.get(
    '/plant-ops/alarms',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAlarms',
        summary: 'Alarms, newest first (status `active` = open or acknowledged)',
        querystring: AlarmQuery,
        response: { 200: Type.Ref('AlarmPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const page = await alarms.list(principalOf(request), { ...rest, from: when(from), to: when(to) });
      return presentPage(page, request.query, presentAlarm);
    },
  );

  app.get(
    '/plant-ops/alarms/summary',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'alarmSummary',
        summary: 'Alarms not cleared, by status and severity (the plant overview)',
        querystring: Type.Object({ facilityId: Type.Optional(Uuid) }),
        response: {
          200: Type.Object({
            open: Type.Integer(),
            acknowledged: Type.Integer(),
            critical: Type.Integer(),
            warning: Type.Integer(),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const summary = { open: 0, acknowledged: 0, critical: 0, warning: 0 };
      for (const row of await alarms.counts(principalOf(request), request.query.facilityId)) {
        summary[row.status === 'acknowledged' ? 'acknowledged' : 'open'] += row.n;
        summary[row.severity === 'critical' ? 'critical' : 'warning'] += row.n;
      }
      return summary;
    },
  );

  app.get(
    '/plant-ops/alarms/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAlarm',
        summary: 'One alarm',
        params: IdParams,
        response: { 200: Type.Ref('Alarm'), ...errorResponses(404) },
      },
    },
    async (request) => presentAlarm(await alarms.get(principalOf(request), request.params.id)),
  );

  for (const [action, operationId, summary] of [
    [
      'acknowledge',
      'acknowledgeAlarm',
      'Acknowledge an open alarm (who and when are recorded, with an optional note)',
    ],
    [
      'clear',
      'clearAlarm',
      'Clear an alarm by hand (it also clears itself once its rule has been quiet long enough)',
    ],
  ] as const) {
    app.post(
      `/plant-ops/alarms/:id/${action}`,
      {
        config: { access: 'operate' },
        schema: {
          tags,
          operationId,
          summary,
          params: IdParams,
          body: AlarmNote,
          response: { 200: Type.Ref('Alarm'), ...errorResponses(400, 404, 409) },
        },
      },
      async (request) =>
        presentAlarm(await alarms[action](principalOf(request), request.params.id, request.body.note)),
    );
  }
}
