// Domain events → notifications. Each handler runs in the event's transaction (the events module
// records the receipt with it): the notification, its inbox rows, deliveries and jobs commit
// together, exactly once per event and rule.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { DeliveredEvent } from '../../platform/events/events.ts';
import { enabledRules, type RuleRow } from './channels.repo.ts';
import { type DispatchDeps, notify } from './dispatch.ts';
import { atLeast, INSIGHT_SEVERITIES, type RuleParams } from './kinds.ts';

export const CONSUMED_EVENTS = ['AnalysisCompleted', 'ScheduleRunFailed', 'ScheduleRunCompleted'];

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const paramsOf = (rule: RuleRow) => rule.params as RuleParams;
const facilityMatches = (rule: RuleRow, facilityId: string | null) =>
  !paramsOf(rule).facilityId || paramsOf(rule).facilityId === facilityId;

/** A schedule's comparison summary (new, worse, resolved…), as lines of text. */
function summaryText(summary: unknown): string {
  if (typeof summary === 'string') return summary;
  if (summary && typeof summary === 'object')
    return Object.entries(summary)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.length : v}`)
      .join('\n');
  return '';
}

export function createHandlers(deps: DispatchDeps) {
  async function analysisCompleted(event: DeliveredEvent, tx: Tx) {
    const d = event.data;
    const analysisId = str(d.analysisId) ?? event.aggregateId;
    const facilityId = str(d.facilityId);
    const name = str(d.name) ?? 'analysis';
    const count = Number(d.insightCount ?? 0);
    const top = str(d.topSeverity);
    const rules = await enabledRules(tx, ['analysis.completed', 'insight.severity']);
    for (const rule of rules) {
      if (!facilityMatches(rule, facilityId)) continue;
      const data = {
        analysisId,
        facilityId,
        insightCount: count,
        topSeverity: top,
        link: `/analytics/analyses/${analysisId}`,
      };
      if (rule.eventKind === 'analysis.completed') {
        await notify(
          deps,
          tx,
          {
            tenantId: event.tenantId,
            ruleId: rule.id,
            eventKind: 'analysis.completed',
            dedupeKey: `analysis.completed:${rule.id}:${analysisId}`,
            severity: top ?? 'info',
            title: `Analysis "${name}" completed: ${count} insight${count === 1 ? '' : 's'}`,
            body: `The analysis "${name}" has finished with ${count} insight${count === 1 ? '' : 's'}${top ? ` (the most severe: ${top})` : ''}.`,
            data,
            facilityId,
          },
          rule.channelIds,
        );
        continue;
      }
      const minimum = paramsOf(rule).minSeverity ?? 'high';
      if (!atLeast(top, minimum)) continue;
      const severe = INSIGHT_SEVERITIES.slice(INSIGHT_SEVERITIES.indexOf(minimum as never));
      const insights = await queryRows<{ title: string | null; severity: string }>(
        tx,
        sql`select body->>'title' as title, severity from analysis_insights
            where analysis_id = ${analysisId} and severity in (${sql.join(
              severe.map((s) => sql`${s}`),
              sql`, `,
            )}) order by rank limit 5`,
      );
      const lines = insights.map((i) => `• [${i.severity}] ${i.title ?? 'insight'}`).join('\n');
      await notify(
        deps,
        tx,
        {
          tenantId: event.tenantId,
          ruleId: rule.id,
          eventKind: 'insight.severity',
          dedupeKey: `insight.severity:${rule.id}:${analysisId}`,
          severity: top ?? minimum,
          title: `${top} insight in analysis "${name}"`,
          body: `The analysis "${name}" found insights of severity ${minimum} or more.${lines ? `\n\n${lines}` : ''}`,
          data,
          facilityId,
        },
        rule.channelIds,
      );
    }
  }

  async function scheduleRun(event: DeliveredEvent, tx: Tx, failed: boolean) {
    const d = event.data;
    const kind = failed ? 'schedule.failed' : 'schedule.completed';
    const runId = str(d.runId) ?? String(event.id);
    const scheduleId = str(d.scheduleId) ?? event.aggregateId;
    const facilityId = str(d.facilityId);
    const analysisId = str(d.analysisId);
    for (const rule of await enabledRules(tx, [kind])) {
      if (!facilityMatches(rule, facilityId)) continue;
      const wanted = paramsOf(rule).scheduleId;
      if (wanted && wanted !== scheduleId) continue;
      const summary = summaryText(d.summary);
      await notify(
        deps,
        tx,
        {
          tenantId: event.tenantId,
          ruleId: rule.id,
          eventKind: kind,
          dedupeKey: `${kind}:${rule.id}:${runId}`,
          severity: failed ? 'high' : 'info',
          title: failed ? 'A scheduled analysis run failed' : 'A scheduled analysis run completed',
          body: failed
            ? `The scheduled run failed: ${str(d.error) ?? 'no reason given'}`
            : `The scheduled run completed.${summary ? `\n\n${summary}` : ''}`,
          data: {
            scheduleId,
            runId,
            facilityId,
            ...(analysisId ? { analysisId } : {}),
            link: analysisId && !failed ? `/analytics/analyses/${analysisId}` : '/automation/schedules',
          },
          facilityId,
        },
        rule.channelIds,
      );
    }
  }

  return async (event: DeliveredEvent, tx: Tx) => {
    if (event.type === 'AnalysisCompleted') await analysisCompleted(event, tx);
    else if (event.type === 'ScheduleRunFailed') await scheduleRun(event, tx, true);
    else if (event.type === 'ScheduleRunCompleted') await scheduleRun(event, tx, false);
  };
}
