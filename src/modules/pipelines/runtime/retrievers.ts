// What a retrieve node reads, in the request's tenant (row-level security scopes every read): a
// completed analysis (the named one or the latest) as its summary, narrative and top insights; the
// alarms opened in the last hours; sensor summaries (limits, newest reading, min/max/mean). Plain
// text, compact, numbers as stored, so the post-process grounding check can find them.
import type { Db } from '../../../platform/db/database.ts';
import { isUuid, readInTenant } from '../../../platform/db/scope.ts';
import { findAnalysis, listAnalyses, listInsights } from '../../analytics/index.ts';
import { listAlarms, sensorSummaries } from '../../telemetry/index.ts';
import type { Retrievers } from '../contracts.ts';

const TOP_INSIGHTS = 5;
const MAX_ALARMS = 30;
const MAX_SENSORS = 40;
const TOP_METRICS = 12;
const HOUR_MS = 3_600_000;

const round = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100));
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createRetrievers({ db }: { db: Db }): Retrievers {
  return {
    analysis(tenantId, id) {
      if (id !== undefined && !isUuid(id)) return Promise.resolve(null);
      return readInTenant(db, tenantId, async (tx) => {
        const row = id
          ? await findAnalysis(tx, id)
          : (await listAnalyses(tx, { status: 'completed', limit: 1, offset: 0 })).items[0];
        if (row?.status !== 'completed') return null;
        const insights = await listInsights(tx, row.id, { limit: TOP_INSIGHTS });
        const metrics = Object.entries(
          ((row.results ?? {}) as { metrics?: Record<string, number> }).metrics ?? {},
        )
          .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
          .slice(0, TOP_METRICS);
        const lines = [
          `Analysis "${row.name}" (${row.id}), completed ${row.completedAt ? iso(row.completedAt) : 'n/a'}: ` +
            `${row.rowCount} work orders, data tier ${row.dataTier ?? 1} of 4, ${row.insightCount} insights.`,
        ];
        if (metrics.length > 0)
          lines.push(`Metrics: ${metrics.map(([k, v]) => `${k} ${round(v)}`).join('; ')}.`);
        if (row.narrative) lines.push(`Narrative: ${row.narrative.replace(/\s+/g, ' ').trim()}`);
        if (insights.length > 0) {
          lines.push('Top insights:');
          for (const { rank, insight } of insights) {
            lines.push(`${rank}. [${insight.severity}] ${insight.title}: ${insight.detail}`);
          }
        }
        return lines.join('\n');
      });
    },

    alarms(tenantId, hours) {
      const since = new Date(Date.now() - hours * HOUR_MS);
      return readInTenant(db, tenantId, async (tx) => {
        const page = await listAlarms(tx, { from: since, limit: MAX_ALARMS, offset: 0 });
        if (page.items.length === 0) return `No alarms were opened in the last ${hours} h.`;
        const lines = [
          `${page.total} alarms opened in the last ${hours} h${page.total > MAX_ALARMS ? ` (newest ${MAX_ALARMS} shown)` : ''}:`,
        ];
        for (const a of page.items) {
          const value = a.value === null ? '' : ` (value ${round(a.value)})`;
          lines.push(
            `- ${iso(a.openedAt)} [${a.severity}, ${a.status}] ${a.message}${value}, ${a.signalCount} signals`,
          );
        }
        return lines.join('\n');
      });
    },

    sensors(tenantId, id, hours) {
      if (id !== undefined && !isUuid(id)) return Promise.resolve(null);
      const since = new Date(Date.now() - hours * HOUR_MS);
      return readInTenant(db, tenantId, async (tx) => {
        const rows = await sensorSummaries(tx, id, since, MAX_SENSORS);
        if (rows.length === 0) return null;
        const lines = [`Sensors over the last ${hours} h:`];
        for (const s of rows) {
          const unit = s.unit ? ` ${s.unit}` : '';
          const limits =
            s.lowerSpec !== null || s.upperSpec !== null
              ? `, limits ${s.lowerSpec === null ? '-' : round(s.lowerSpec)}…${s.upperSpec === null ? '-' : round(s.upperSpec)}${unit}`
              : '';
          const last =
            s.lastValue !== null && s.lastTs
              ? `, last ${round(s.lastValue)}${unit} at ${iso(s.lastTs)}`
              : ', no readings yet';
          const stats =
            s.count > 0 && s.min !== null && s.max !== null && s.mean !== null
              ? `, min ${round(s.min)} / mean ${round(s.mean)} / max ${round(s.max)} over ${s.count} readings`
              : '';
          lines.push(`- ${s.key} (${s.name})${limits}${last}${stats}`);
        }
        return lines.join('\n');
      });
    },
  };
}
