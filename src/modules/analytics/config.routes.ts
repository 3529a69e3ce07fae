// The analyzer configuration (issue 14; the seed's POST /api/admin/config): the 39 variables per
// tenant and facility, presets, validation and history. Tenant admins configure their own tenant;
// platform administrators any tenant (`customerId`). The variables and presets are public to
// every signed-in tenant role (the config editor and the analysis page show them).
import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { literals, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { PRESET_TYPES } from './analyses.schemas.ts';
import {
  CONFIG_VARIABLES,
  DEFAULT_CONFIG,
  PRESETS,
  type PresetType,
  presetValues,
} from './analysis/config.ts';
import type { ConfigService } from './config.service.ts';

const tags = ['analytics'];
const ScopeQuery = {
  customerId: Type.Optional(Uuid),
  facilityId: Type.Optional(Uuid),
};
const WHO =
  'Tenant admins (scope `admin`) for their own tenant; platform administrators for any tenant, named by `customerId`. ' +
  'Without `facilityId`: the tenant-wide configuration, which facilities without one of their own inherit.';

export function configRoutes(app: App, { config }: { config: ConfigService }) {
  app.get(
    '/analytics/config/presets',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listConfigPresets',
        summary: 'The 39 analyzer variables (unit, range, default, analyzer) and the three presets',
        response: { 200: Type.Ref('ConfigPresets') },
      },
    },
    async () => ({
      variables: CONFIG_VARIABLES.map((v) => ({
        key: v.key,
        analyzer: v.analyzer,
        type: v.type,
        unit: v.unit,
        min: v.type === 'number' || v.type === 'integer' ? v.min : null,
        max: v.type === 'number' || v.type === 'integer' ? v.max : null,
        values: v.type === 'enum' ? [...v.values] : null,
        default: DEFAULT_CONFIG[v.key] as number | boolean | string,
        description: v.description,
      })),
      presets: Object.fromEntries(PRESETS.map((p) => [p, presetValues(p)])),
    }),
  );

  app.get(
    '/admin/config',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getAnalyzerConfig',
        summary: 'The analyzer configuration of a tenant or one of its facilities',
        description: WHO,
        querystring: Type.Object(ScopeQuery, { additionalProperties: false }),
        response: { 200: Type.Ref('AnalyzerConfig'), ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => config.get(principalOf(request), request.query),
  );

  app.put(
    '/admin/config',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'putAnalyzerConfig',
        summary: 'Set the analyzer configuration: a preset, or custom values over the balanced defaults',
        description: `${WHO} A preset with values is the preset with those variables changed (custom when they differ).`,
        querystring: Type.Object(ScopeQuery, { additionalProperties: false }),
        body: Type.Object(
          { presetType: literals(PRESET_TYPES), config: Type.Optional(Type.Ref('AnalyzerConfigValues')) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('AnalyzerConfig'), ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const body = request.body as { presetType: PresetType; config?: Record<string, unknown> };
      return config.put(principalOf(request), request.query, body);
    },
  );

  app.get(
    '/admin/config/history',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listAnalyzerConfigHistory',
        summary: 'Changes of a configuration, newest first: who, when, which variables',
        description: WHO,
        querystring: Type.Object(
          { ...ScopeQuery, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Type.Ref('ConfigHistoryEntry')), ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => config.history(principalOf(request), request.query),
  );
}
