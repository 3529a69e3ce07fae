import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import type { App } from '../../platform/http/types.ts';
import { StatisticsQuery } from './defects.schemas.ts';
import type { StatisticsService } from './statistics.service.ts';
import { MAX_BUCKETS } from './statistics.service.ts';

// GET /inspection/defects/statistics: the quality figures of a period.

const tags = ['inspection'];

export function statisticsRoutes(app: App, { statistics }: { statistics: StatisticsService }) {
  app.get(
    '/inspection/defects/statistics',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'defectStatistics',
        summary:
          'Defect statistics of a period: totals and rates, breakdowns, Pareto, series per day or shift',
        description: [
          'The period is of the triggers’ time (`from` inclusive, `to` exclusive; default the 30 days up to now). `stationId`, `partNumber` and `cameraId` narrow the parts (a camera: parts with an image from it, and only its images and defects); `type` narrows the defect figures only — trigger figures count parts whatever their defects.',
          '- `rejectRate` = failedTriggers / triggers; `falsePositiveRate` = false positives / defects with a disposition other than pending; `reworkShare` = rework / dispositioned defects; `partReworkShare` = parts dispositioned rework / parts with a disposition. Rates are 0–1, and 0 when nothing was there to divide.',
          '- `byRegion`: defects per inspect region they were assigned to by the latest verdict (one defect can be in several; false positives are not assigned). `pareto`: types by count, largest first, with their cumulative share.',
          `- \`bucket\`: \`day\` (UTC days) or \`shift\`: three 8-hour shifts a day, starting 06:00, 14:00 and 22:00 UTC (a shift is named by its start). The series has every bucket of the period, empty ones with zeros; at most ${MAX_BUCKETS} buckets.`,
        ].join('\n'),
        querystring: StatisticsQuery,
        response: { 200: Type.Ref('InspectionDefectStatistics'), ...errorResponses(400) },
      },
    },
    async (request) => statistics.defects(principalOf(request), request.query),
  );
}
