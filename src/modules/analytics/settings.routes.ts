// A tenant's import settings: what rejected rows and re-uploads do, how long files are kept.
import Type from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { literals } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { DUPLICATE_POLICIES, REJECT_POLICIES } from './analytics.schemas.ts';
import { saveSettings, settingsOf } from './imports.repo.ts';

const tags = ['analytics'];
type Settings = {
  rejectPolicy: 'skip' | 'fail';
  duplicatePolicy: 'refuse' | 'mark';
  fileRetentionDays: number;
};

export function analyticsSettingsRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/analytics/settings',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAnalyticsSettings',
        summary: 'Import settings: rejected rows, re-uploads, file retention',
        response: { 200: Type.Ref('AnalyticsSettings') },
      },
    },
    async (request) =>
      (await readInCallerTenant(db, principalOf(request), (tx) => settingsOf(tx))) as Settings,
  );

  app.patch(
    '/analytics/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateAnalyticsSettings',
        summary: 'Change the import settings',
        body: Type.Object(
          {
            rejectPolicy: Type.Optional(literals(REJECT_POLICIES)),
            duplicatePolicy: Type.Optional(literals(DUPLICATE_POLICIES)),
            fileRetentionDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 36_500 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Ref('AnalyticsSettings'), ...errorResponses(400) },
      },
    },
    async (request) =>
      inCallerTenant(db, principalOf(request), async (tx, tenantId) => {
        const next = { ...(await settingsOf(tx)), ...(request.body as Partial<Settings>) } as Settings;
        await saveSettings(tx, tenantId, next);
        return next;
      }),
  );
}
