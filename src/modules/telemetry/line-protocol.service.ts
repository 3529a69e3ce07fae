// Line-protocol writes: a body of InfluxDB line protocol becomes readings (line-protocol.ts says of
// which sensors), sensors the tenant lets devices create are created, and the readings take the one
// ingest path in batches of at most MAX_BATCH, one ingest call per facility in each batch. Each
// call is a transaction of its own, so a large write is committed in parts, as InfluxDB's are; what
// was refused, and why, is counted by line.
import type { Db } from '../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { type Ingest, MAX_BATCH, type RejectReason } from './ingest.service.ts';
import { createMissingSensors, facilityIdsByCode, type NewSensor } from './line-protocol.repo.ts';
import { type Precision, parseLines, readingsOfPoint } from './line-protocol.ts';
import { settingsOf } from './settings.repo.ts';
import { SensorKey } from './telemetry.schemas.ts';

export type WriteReason = RejectReason | 'invalid_line' | 'unknown_facility' | 'invalid_sensor_key';

export interface WriteError {
  /** Line of the body, counting from 1 (comments and blank lines included). */
  line: number;
  reason: WriteReason;
  message: string;
}

export interface WriteOutcome {
  /** Lines that were points (well-formed). */
  points: number;
  /** Readings stored. */
  written: number;
  /** Readings refused, plus one for each malformed line. */
  rejected: number;
  /** String fields, which are not readings. */
  ignored: number;
  sensorsCreated: number;
  alarmsOpened: number;
  reasons: Partial<Record<WriteReason, number>>;
  /** The first rejections (at most 100), by line. */
  errors: WriteError[];
}

interface Pending {
  line: number;
  facilityId: string | undefined;
  sensorKey: string;
  unit: string | undefined;
  ts: number;
  value: number;
}

const MAX_ERRORS = 100;
// The sensors API's rule for keys: a key outside it cannot be a sensor's, nor become one.
const KEY_RULE = SensorKey as unknown as { pattern: string; maxLength: number };
const KEY_PATTERN = new RegExp(KEY_RULE.pattern);
const KEY_MAX = KEY_RULE.maxLength;
/** The longest unit a sensor has (the sensors API's limit); a longer `unit` tag is cut. */
const UNIT_MAX = 40;

export function createLineProtocolWriter({ db, ingest }: { db: Db; ingest: Ingest }) {
  /**
   * Writes `body` for the tenant. Points without a timestamp are at `now` (one instant for the
   * whole request, as InfluxDB does).
   */
  async function write(
    tenantId: string,
    body: string,
    precision: Precision,
    now = Date.now(),
  ): Promise<WriteOutcome> {
    const { settings, facilities } = await readInTenant(db, tenantId, async (tx) => ({
      settings: await settingsOf(tx, tenantId),
      facilities: await facilityIdsByCode(tx, tenantId),
    }));
    // No facility tag: the tenant's default facility, or its only one; else keys are looked up in
    // every facility (and nothing can be created).
    const fallback =
      settings.defaultFacilityId ?? (facilities.size === 1 ? [...facilities.values()][0] : undefined);

    const outcome: WriteOutcome = {
      points: 0,
      written: 0,
      rejected: 0,
      ignored: 0,
      sensorsCreated: 0,
      alarmsOpened: 0,
      reasons: {},
      errors: [],
    };
    const reject = (line: number, reason: WriteReason, message: string, count = 1) => {
      outcome.rejected += count;
      outcome.reasons[reason] = (outcome.reasons[reason] ?? 0) + count;
      if (outcome.errors.length < MAX_ERRORS) outcome.errors.push({ line, reason, message });
    };

    async function flush(batch: Pending[]) {
      const byFacility = new Map<string | undefined, Pending[]>();
      for (const p of batch) {
        const group = byFacility.get(p.facilityId);
        if (group) group.push(p);
        else byFacility.set(p.facilityId, [p]);
      }
      for (const [facilityId, rows] of byFacility) {
        if (settings.autoCreateSensors && facilityId) {
          const wanted = new Map<string, NewSensor>();
          for (const r of rows) {
            const seen = wanted.get(r.sensorKey);
            if (!seen) wanted.set(r.sensorKey, { key: r.sensorKey, unit: r.unit });
            else seen.unit ??= r.unit;
          }
          outcome.sensorsCreated += await inTenant(db, tenantId, (tx) =>
            createMissingSensors(tx, tenantId, facilityId, [...wanted.values()]),
          );
        }
        const result = await ingest.ingest(
          tenantId,
          rows.map((r) => ({ sensorKey: r.sensorKey, ts: r.ts, value: r.value })),
          { facilityId, channel: 'line_protocol' },
        );
        outcome.written += result.accepted;
        outcome.alarmsOpened += result.alarmsOpened;
        // Counts by reason are complete; ingest names the first rejections only.
        for (const [reason, count] of Object.entries(result.reasons)) {
          outcome.rejected += count;
          outcome.reasons[reason as WriteReason] = (outcome.reasons[reason as WriteReason] ?? 0) + count;
        }
        for (const e of result.errors) {
          if (outcome.errors.length >= MAX_ERRORS) break;
          const row = rows[e.index] as Pending;
          outcome.errors.push({
            line: row.line,
            reason: e.reason,
            message: `${e.reason.replaceAll('_', ' ')} (sensor ${row.sensorKey})`,
          });
        }
      }
    }

    let batch: Pending[] = [];
    for (const parsed of parseLines(body, precision)) {
      if ('error' in parsed) {
        reject(parsed.line, 'invalid_line', `unable to parse '${parsed.text}': ${parsed.error}`);
        continue;
      }
      outcome.points++;
      const { readings, ignored } = readingsOfPoint(parsed.point);
      outcome.ignored += ignored;
      for (const r of readings) {
        let facilityId = fallback;
        if (r.facilityCode !== undefined) {
          facilityId = facilities.get(r.facilityCode);
          if (!facilityId) {
            reject(parsed.line, 'unknown_facility', `unknown facility ${r.facilityCode.slice(0, 100)}`);
            continue;
          }
        }
        if (r.sensorKey.length > KEY_MAX || !KEY_PATTERN.test(r.sensorKey)) {
          reject(
            parsed.line,
            'invalid_sensor_key',
            `sensor key ${JSON.stringify(r.sensorKey.slice(0, 100))} is not 1–${KEY_MAX} of A-Z a-z 0-9 . _ : -`,
          );
          continue;
        }
        batch.push({
          line: parsed.line,
          facilityId,
          sensorKey: r.sensorKey,
          unit: r.unit?.slice(0, UNIT_MAX),
          ts: r.ts ?? now,
          value: r.value,
        });
        if (batch.length === MAX_BATCH) {
          await flush(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await flush(batch);
    outcome.errors.sort((a, b) => a.line - b.line);
    return outcome;
  }

  return { write };
}

export type LineProtocolWriter = ReturnType<typeof createLineProtocolWriter>;
