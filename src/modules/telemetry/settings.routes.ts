import { randomBytes } from 'node:crypto';
import Type from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { Nullable, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { facilityInScope } from '../identity/index.ts';
import { saveSettings, settingsOf, type TelemetrySettingsRow } from './settings.repo.ts';

const tags = ['telemetry'];

export const TelemetrySettings = Type.Object(
  {
    autoCreateSensors: Type.Boolean(),
    defaultFacilityId: Nullable(Uuid),
    mqttTopicKey: Nullable(
      Type.String({ description: 'Topics: plantintel/<mqttTopicKey>/<facility code>/<sensor key>' }),
    ),
  },
  { $id: 'TelemetrySettings' },
);

const present = (row: TelemetrySettingsRow) => ({
  autoCreateSensors: row.autoCreateSensors,
  defaultFacilityId: row.defaultFacilityId,
  mqttTopicKey: row.mqttTopicKey,
});

export function settingsRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/plant-ops/telemetry/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'getTelemetrySettings',
        summary: 'How devices reach this tenant (MQTT topic key) and whether they may create sensors',
        response: { 200: Type.Ref('TelemetrySettings') },
      },
    },
    async (request) =>
      present(
        await readInCallerTenant(db, principalOf(request), (tx) =>
          settingsOf(tx, principalOf(request).tenantId as string),
        ),
      ),
  );

  app.patch(
    '/plant-ops/telemetry/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateTelemetrySettings',
        summary: 'Change the telemetry settings; `mqtt: "rotate"` issues a new topic key, `"off"` removes it',
        body: Type.Object(
          {
            autoCreateSensors: Type.Optional(Type.Boolean()),
            defaultFacilityId: Type.Optional(Nullable(Uuid)),
            mqtt: Type.Optional(Type.Union([Type.Literal('rotate'), Type.Literal('off')])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('TelemetrySettings'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { mqtt, ...rest } = request.body;
      return present(
        await inCallerTenant(db, principalOf(request), async (tx, tenantId) => {
          if (rest.defaultFacilityId && !(await facilityInScope(tx, rest.defaultFacilityId)))
            throw badRequest('Unknown defaultFacilityId');
          const key =
            mqtt === 'rotate' ? randomBytes(12).toString('base64url') : mqtt === 'off' ? null : undefined;
          return saveSettings(tx, tenantId, { ...rest, ...(key !== undefined ? { mqttTopicKey: key } : {}) });
        }),
      );
    },
  );
}
