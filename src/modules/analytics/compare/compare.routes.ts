// GET /analytics/compare: two to ten facilities of the caller's tenant side by side over a period of
// local days. Every tenant role reads it; an unknown or another tenant's facility answers 404.
import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { Day, literals, Nullable, Text } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { presentComparison } from './compare.presenters.ts';
import { type CompareService, MAX_FACILITIES, MAX_PERIOD_DAYS } from './compare.service.ts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const CompareQuery = Type.Object(
  {
    facilityIds: Type.String({
      minLength: 73,
      maxLength: 37 * MAX_FACILITIES - 1,
      pattern: `^${UUID}(,${UUID}){1,${MAX_FACILITIES - 1}}$`,
      description: `Facility ids, comma separated: 2 to ${MAX_FACILITIES} of your organisation's`,
    }),
    from: Type.Optional({ ...Day, description: 'First local day (default: four weeks before `to`)' }),
    to: Type.Optional({ ...Day, description: 'Last local day, inclusive (default: today, UTC)' }),
  },
  { additionalProperties: false },
);

const Name = Text({ maxLength: 500 });
const MetricValue = Type.Object({
  facilityId: Type.String(),
  value: Nullable(Type.Number()),
  reason: Nullable(Type.String()),
  analysisIds: Type.Array(Type.String()),
});

export const Comparison = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    facilities: Type.Array(
      Type.Object({
        id: Type.String(),
        code: Name,
        name: Name,
        timezone: Name,
        periodStart: Type.String({ description: 'The first local day at local midnight' }),
        periodEnd: Type.String({ description: 'The day after the last, at local midnight (exclusive)' }),
        unitsProduced: Type.Number(),
        goodUnits: Type.Number(),
        imports: Type.Array(
          Type.Object({
            id: Type.String(),
            fileName: Name,
            completedAt: Type.String(),
            workOrders: Type.Integer(),
          }),
        ),
        analyses: Type.Array(
          Type.Object({ id: Type.String(), importId: Type.String(), name: Name, completedAt: Type.String() }),
        ),
      }),
    ),
    metrics: Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        group: literals([
          'oee',
          'production',
          'quality',
          'cost',
          'downtime',
          'alarms',
          'inspection',
        ] as const),
        unit: literals(['ratio', 'count', 'currency', 'currencyPerUnit', 'minutesPerHour'] as const),
        direction: literals(['higher', 'lower', 'neutral'] as const),
        values: Type.Array(MetricValue),
        best: Type.Array(Type.String()),
        worst: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: 'FacilityComparison' },
);

export function compareRoutes(app: App, { compare }: { compare: CompareService }) {
  app.addSchema(Comparison);
  app.get(
    '/analytics/compare',
    {
      config: { access: 'read' },
      schema: {
        tags: ['analytics'],
        operationId: 'compareFacilities',
        summary: 'Facilities side by side: OEE, scrap, rework, cost variance, downtime, alarms, inspection',
        description:
          'OEE and its factors and the units produced come from the plant OEE report (GET /plant-ops/oee) ' +
          'of each facility over the same local days; downtime is the unplanned downtime by reason category, ' +
          'per hour of planned production; scrap and rework rates (of the pieces made) and cost variance ' +
          '(actual vs standard, and per good unit) from the work orders of the facility’s imports completed in ' +
          'the period, with the analyses of those imports; open alarms now; the inspection reject rate of the ' +
          "facility's stations. Per metric the best and worst facilities are flagged (direction-aware, ties " +
          `flag all); a facility without data gets null with the reason. At most ${MAX_PERIOD_DAYS} days.`,
        querystring: CompareQuery,
        response: { 200: Type.Ref('FacilityComparison'), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { facilityIds, from, to } = request.query;
      return presentComparison(
        await compare.compare(principalOf(request), {
          facilityIds: facilityIds.split(',').map((id) => id.toLowerCase()),
          from,
          to,
        }),
      );
    },
  );
}
