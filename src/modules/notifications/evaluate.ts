// Time-based rules, evaluated periodically (every NOTIFY_TICK_SECONDS in processes with workers):
// alarms still unacknowledged after N minutes (and the escalation after M more), an inspection
// reject rate over a threshold in a window, failed jobs — and the daily digests. Every condition
// notifies once: its dedupe key names it (the alarm, the job, the episode of a reject rate), so
// two processes, or two ticks, evaluating it at once still make one notification.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { inTenant, readAcrossTenants } from '../../platform/db/scope.ts';
import { enabledRules, type RuleRow } from './channels.repo.ts';
import {
  digestBacklog,
  insertDelivery,
  insertNotification,
  latestNotification,
  markDigested,
  setNotificationData,
} from './deliveries.repo.ts';
import { type DispatchDeps, enqueueDelivery, notify } from './dispatch.ts';
import { digestUsers, setLastDigest, tenantTimeZone } from './inbox.repo.ts';
import type { RuleParams } from './kinds.ts';
import { digestDue, localTime } from './quiet-hours.ts';
import { digestOf } from './render.ts';

const TIMED_KINDS = ['alarm.unacknowledged', 'inspection.reject_rate', 'job.failed'];
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export function createEvaluator(deps: DispatchDeps & { db: Db; logger: FastifyBaseLogger }) {
  const { db, logger } = deps;

  async function unacknowledgedAlarms(tx: Tx, tenantId: string, rule: RuleRow, now: Date) {
    const p = rule.params as RuleParams;
    const after = num(p.afterMinutes, 15);
    const escalate = typeof p.escalateAfterMinutes === 'number' ? p.escalateAfterMinutes : null;
    const alarms = await queryRows<{
      id: string;
      facility_id: string;
      severity: string;
      message: string;
      opened_at: Date;
    }>(
      tx,
      sql`select id, facility_id, severity, message, opened_at from alarms
          where status = 'open' and opened_at <= ${new Date(now.getTime() - after * 60_000)}
          ${p.facilityId ? sql`and facility_id = ${p.facilityId}` : sql``}
          ${p.minSeverity === 'critical' ? sql`and severity = 'critical'` : sql``}
          order by opened_at limit 200`,
    );
    for (const a of alarms) {
      const opened = new Date(a.opened_at);
      const minutes = Math.floor((now.getTime() - opened.getTime()) / 60_000);
      const base = {
        tenantId,
        ruleId: rule.id,
        eventKind: 'alarm.unacknowledged' as const,
        severity: a.severity === 'critical' ? 'critical' : 'high',
        data: {
          alarmId: a.id,
          facilityId: a.facility_id,
          openedAt: opened.toISOString(),
          link: '/telemetry/alarms',
        },
        facilityId: a.facility_id,
      };
      await notify(
        deps,
        tx,
        {
          ...base,
          dedupeKey: `alarm.unacknowledged:${rule.id}:${a.id}`,
          title: `Alarm unacknowledged for ${minutes} min: ${a.message.slice(0, 120)}`,
          body: `A ${a.severity} alarm has been open without acknowledgement since ${opened.toISOString()}.\n\n${a.message}`,
        },
        rule.channelIds,
      );
      if (escalate !== null && rule.escalationChannelIds.length > 0 && minutes >= after + escalate)
        await notify(
          deps,
          tx,
          {
            ...base,
            dedupeKey: `alarm.escalated:${rule.id}:${a.id}`,
            title: `Escalation: alarm unacknowledged for ${minutes} min: ${a.message.slice(0, 120)}`,
            body: `Still unacknowledged after ${minutes} minutes (escalated after ${after + escalate}).\n\n${a.message}`,
          },
          rule.escalationChannelIds,
        );
    }
  }

  async function rejectRate(tx: Tx, tenantId: string, rule: RuleRow, now: Date) {
    const p = rule.params as RuleParams;
    const window = num(p.windowMinutes, 60);
    const threshold = num(p.thresholdPercent, 5);
    const minParts = num(p.minParts, 10);
    const stations = await queryRows<{
      station_id: string;
      name: string;
      facility_id: string;
      total: number;
      fails: number;
    }>(
      tx,
      sql`select t.station_id, s.name, s.facility_id, count(*)::int as total,
                 (count(*) filter (where t.verdict = 'fail'))::int as fails
          from inspection_triggers t join inspection_stations s on s.id = t.station_id
          where t.ts > ${new Date(now.getTime() - window * 60_000)} and t.ts <= ${now}
          ${p.stationId ? sql`and t.station_id = ${p.stationId}` : sql``}
          ${p.facilityId ? sql`and s.facility_id = ${p.facilityId}` : sql``}
          group by t.station_id, s.name, s.facility_id`,
    );
    for (const s of stations) {
      const rate = (100 * s.fails) / Math.max(1, s.total);
      const over = s.total >= minParts && rate > threshold;
      // An episode lasts from crossing the threshold until the rate is back under it: one
      // notification per episode, numbered, so a second process computes the same key.
      const prefix = `inspection.reject_rate:${rule.id}:${s.station_id}:`;
      const latest = await latestNotification(tx, prefix);
      const active = latest !== undefined && !latest.row.data.resolvedAt;
      if (!over) {
        if (active && latest)
          await setNotificationData(tx, latest.row.id, { ...latest.row.data, resolvedAt: now.toISOString() });
        continue;
      }
      if (active) continue;
      await notify(
        deps,
        tx,
        {
          tenantId,
          ruleId: rule.id,
          eventKind: 'inspection.reject_rate',
          dedupeKey: `${prefix}${(latest?.episodes ?? 0) + 1}`,
          severity: 'high',
          title: `Reject rate ${rate.toFixed(1)} % at station ${s.name}`,
          body: `${s.fails} of ${s.total} parts failed inspection at station ${s.name} in the last ${window} minutes (${rate.toFixed(1)} %, threshold ${threshold} %).`,
          data: {
            stationId: s.station_id,
            rate,
            total: s.total,
            fails: s.fails,
            windowMinutes: window,
            link: '/inspection/statistics',
          },
          facilityId: s.facility_id,
        },
        rule.channelIds,
      );
    }
  }

  async function failedJobs(tx: Tx, tenantId: string, rule: RuleRow, now: Date) {
    const p = rule.params as RuleParams;
    const since = new Date(Math.max(rule.createdAt.getTime(), now.getTime() - 86_400_000));
    const jobs = await queryRows<{
      id: string;
      name: string;
      error: string | null;
      finished_at: Date | null;
    }>(
      tx,
      sql`select id, name, error, finished_at from jobs
          where status = 'failed' and coalesce(finished_at, updated_at) >= ${since}
          and name not like 'notifications.%'
          ${p.jobName ? sql`and name = ${p.jobName}` : sql``}
          order by updated_at limit 100`,
    );
    for (const j of jobs)
      await notify(
        deps,
        tx,
        {
          tenantId,
          ruleId: rule.id,
          eventKind: 'job.failed',
          dedupeKey: `job.failed:${rule.id}:${j.id}`,
          severity: 'high',
          title: `Job ${j.name} failed`,
          body: `The background job ${j.name} (${j.id}) failed: ${j.error ?? 'no reason recorded'}`,
          data: { jobId: j.id, jobName: j.name },
        },
        rule.channelIds,
      );
  }

  /** The daily digest of each user who asked for one, once per local day after their hour. */
  async function digests(tx: Tx, tenantId: string, now: Date) {
    let zone: string | undefined;
    for (const pref of await digestUsers(tx)) {
      if (!pref.timezone && !zone) zone = await tenantTimeZone(tx);
      const tz = pref.timezone ?? zone ?? 'UTC';
      if (!digestDue(now, tz, pref.digestHour, pref.lastDigestAt)) continue;
      await setLastDigest(tx, pref.userId, now);
      const backlog = await digestBacklog(tx, pref.userId);
      const byAddress = new Map<string, typeof backlog>();
      for (const item of backlog) {
        const key = item.delivery.recipient ?? '';
        byAddress.set(key, [...(byAddress.get(key) ?? []), item]);
      }
      for (const [address, items] of byAddress) {
        const first = items[0];
        if (!first || !address) continue;
        const { title, body } = digestOf(items.map((i) => i.notification));
        const notification = await insertNotification(tx, {
          tenantId,
          eventKind: 'digest',
          dedupeKey: `digest:${pref.userId}:${localTime(now, tz).date}:${address}`,
          title,
          body,
          data: { count: items.length, link: '/automation/inbox' },
        });
        if (!notification) continue;
        const delivery = await insertDelivery(tx, {
          tenantId,
          notificationId: notification.id,
          channelId: first.delivery.channelId,
          kind: 'email',
          recipient: address,
          userId: pref.userId,
          status: 'pending',
        });
        await markDigested(
          tx,
          items.map((i) => i.delivery.id),
          delivery.id,
        );
        await enqueueDelivery(deps, tx, delivery);
      }
    }
  }

  async function evaluateTenant(tenantId: string, now: Date) {
    await inTenant(db, tenantId, async (tx) => {
      for (const rule of await enabledRules(tx, TIMED_KINDS)) {
        if (rule.eventKind === 'alarm.unacknowledged') await unacknowledgedAlarms(tx, tenantId, rule, now);
        else if (rule.eventKind === 'inspection.reject_rate') await rejectRate(tx, tenantId, rule, now);
        else if (rule.eventKind === 'job.failed') await failedJobs(tx, tenantId, rule, now);
      }
      await digests(tx, tenantId, now);
    });
  }

  /** One pass over every tenant with a time-based rule or a digest; a tenant's failure spares the others. */
  return async function evaluate(now = deps.now?.() ?? new Date()): Promise<number> {
    const tenants = await readAcrossTenants(db, (tx) =>
      queryRows<{ tenant_id: string }>(
        tx,
        sql`select distinct tenant_id from notification_rules
            where enabled and event_kind in (${sql.join(
              TIMED_KINDS.map((k) => sql`${k}`),
              sql`, `,
            )})
            union select tenant_id from notification_preferences where digest`,
      ),
    );
    for (const { tenant_id } of tenants) {
      try {
        await evaluateTenant(tenant_id, now);
      } catch (err) {
        logger.error({ err, tenantId: tenant_id }, 'notification rules could not be evaluated');
      }
    }
    return tenants.length;
  };
}
