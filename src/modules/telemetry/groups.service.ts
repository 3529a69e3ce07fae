// Sensor groups watched together: a PCA model (multivariate.ts) learned from a training window of
// the members' readings aligned in buckets, then each new complete bucket scored for Hotelling's T²
// and SPE. Scoring runs in a sweep (every few seconds, in processes that run workers) rather than
// in ingest: a bucket can only be judged once every member has reported past its end. The group's
// watermark (`evaluatedUntil`) moves in the same transaction as the alarms, under the group's row
// lock, so each bucket is judged once however many processes sweep.
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, inTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { badRequest, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { type AlarmFinding, planAlarms } from './alarm-episodes.ts';
import { storeAlarmPlans } from './alarm-lifecycle.ts';
import { activeAlarmsOfGroup, openAlarmsOf } from './alarms.repo.ts';
import { align } from './buckets.ts';
import {
  alignedRows,
  completeUntil,
  countSensorsIn,
  deleteGroup,
  findGroup,
  type GroupRow,
  insertGroup,
  listGroups,
  membersOf,
  setMembers,
  updateGroup,
} from './groups.repo.ts';
import { PCA_DEFAULTS, type PcaModel, scorePcaSeries, trainPca } from './multivariate.ts';

export interface GroupInput {
  facilityId: string;
  name: string;
  description?: string | null | undefined;
  sensorIds: string[];
  alignSeconds?: number | undefined;
}

export interface TrainInput {
  from?: string | undefined;
  to?: string | undefined;
  explained?: number | undefined;
  quantile?: number | undefined;
}

/** What is stored with a trained group: the model and how it was trained. */
export interface StoredModel extends PcaModel {
  trainedFrom: number;
  trainedTo: number;
  rows: number;
  explained: number;
  quantile: number;
}

const DAY_MS = 86_400_000;
/** Most buckets one training or one sweep of a group reads. */
const MAX_ROWS = 200_000;
/** An alarm of a group clears at the this-many-th bucket in limits after its latest signal. */
const QUIET_BUCKETS = 5;

export function createGroupsService({ db, events }: { db: Db; events: Pick<Events, 'recordMany'> }) {
  async function existing(tx: Parameters<Parameters<typeof inTenant>[2]>[0], id: string, lock = false) {
    const group = await findGroup(tx, id, lock);
    if (!group) throw notFound('Sensor group');
    return group;
  }

  const nameTaken = (name: string | undefined) => (err: unknown) =>
    conflictOnUnique(`A sensor group named ${name} already exists`)(err);

  async function checkMembers(tx: Parameters<typeof countSensorsIn>[0], facilityId: string, ids: string[]) {
    if (new Set(ids).size !== ids.length) throw badRequest('sensorIds must not repeat');
    if ((await countSensorsIn(tx, facilityId, ids)) !== ids.length)
      throw badRequest('Every member must be a sensor of the group’s facility');
  }

  const create = (principal: Principal, input: GroupInput) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      if (!(await facilityInScope(tx, input.facilityId))) throw badRequest('Unknown facilityId');
      await checkMembers(tx, input.facilityId, input.sensorIds);
      const group = await insertGroup(tx, {
        tenantId,
        facilityId: input.facilityId,
        name: input.name,
        description: input.description ?? null,
        ...(input.alignSeconds ? { alignSeconds: input.alignSeconds } : {}),
      }).catch(nameTaken(input.name));
      await setMembers(tx, tenantId, group.id, input.sensorIds);
      return { group, sensorIds: input.sensorIds };
    });

  const list = (
    principal: Principal,
    filter: { facilityId?: string | undefined; limit: number; offset: number },
  ) =>
    readInCallerTenant(db, principal, async (tx) => {
      const page = await listGroups(tx, filter);
      const members = await membersOf(
        tx,
        page.items.map((g) => g.id),
      );
      return {
        total: page.total,
        items: page.items.map((group) => ({ group, sensorIds: members.get(group.id) ?? [] })),
      };
    });

  const get = (principal: Principal, id: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      const group = await existing(tx, id);
      const members = await membersOf(tx, [id]);
      return { group, sensorIds: members.get(id) ?? [], activeAlarms: await activeAlarmsOfGroup(tx, id) };
    });

  /** Changing the members or the alignment forgets the model: it no longer fits. */
  const update = (principal: Principal, id: string, patch: Partial<Omit<GroupInput, 'facilityId'>>) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const group = await existing(tx, id, true);
      const { sensorIds, ...columns } = patch;
      const reshaped =
        sensorIds !== undefined ||
        (columns.alignSeconds !== undefined && columns.alignSeconds !== group.alignSeconds);
      if (sensorIds) {
        await checkMembers(tx, group.facilityId, sensorIds);
        await setMembers(tx, tenantId, id, sensorIds);
      }
      const updated = await updateGroup(tx, id, {
        ...columns,
        ...(reshaped ? { model: null, trainedAt: null, evaluatedUntil: null } : {}),
      }).catch(nameTaken(columns.name));
      return { group: updated, sensorIds: sensorIds ?? (await membersOf(tx, [id])).get(id) ?? [] };
    });

  const remove = (principal: Principal, id: string) =>
    inCallerTenant(db, principal, async (tx) => {
      await existing(tx, id, true);
      await deleteGroup(tx, id);
    });

  /** Learns the model from the members' readings in [from, to) (default: the last 24 hours). */
  const train = (principal: Principal, id: string, input: TrainInput) =>
    inCallerTenant(db, principal, async (tx) => {
      const group = await existing(tx, id, true);
      const sensorIds = (await membersOf(tx, [id])).get(id) ?? [];
      const to = input.to ? Date.parse(input.to) : Date.now();
      const from = input.from ? Date.parse(input.from) : to - DAY_MS;
      if (!(from < to)) throw badRequest('from must be before to');
      if ((to - from) / (group.alignSeconds * 1000) > MAX_ROWS)
        throw badRequest(
          `The window holds more than ${MAX_ROWS} buckets of ${group.alignSeconds} s; shorten it`,
        );
      const rows = await alignedRows(tx, sensorIds, group.alignSeconds, from, to);
      const needed = Math.max(20, 3 * sensorIds.length);
      if (rows.length < needed) {
        throw badRequest(
          `Training needs at least ${needed} buckets where every member has readings; the window has ${rows.length}`,
        );
      }
      const options = {
        explained: input.explained ?? PCA_DEFAULTS.explained,
        quantile: input.quantile ?? PCA_DEFAULTS.quantile,
        smoothing: PCA_DEFAULTS.smoothing,
      };
      const model: StoredModel = {
        ...trainPca(
          rows.map((r) => r.values),
          options,
        ),
        trainedFrom: from,
        trainedTo: to,
        rows: rows.length,
        ...options,
      };
      const last = rows[rows.length - 1]?.t ?? from;
      const updated = await updateGroup(tx, id, {
        model: model as unknown as Record<string, unknown>,
        trainedAt: new Date(),
        evaluatedUntil: new Date(last + group.alignSeconds * 1000),
      });
      return { group: updated, sensorIds };
    });

  /** Judges the group's complete buckets since its watermark; returns how many alarms it opened. */
  const evaluate = (tenantId: string, groupId: string) =>
    inTenant(db, tenantId, async (tx) => {
      const group = (await findGroup(tx, groupId, true)) as GroupRow | undefined;
      if (!group?.model || !group.evaluatedUntil) return 0;
      const model = group.model as unknown as StoredModel;
      const sensorIds = (await membersOf(tx, [groupId])).get(groupId) ?? [];
      const until = await completeUntil(tx, sensorIds);
      if (until === null || sensorIds.length !== model.means.length) return 0;
      const width = group.alignSeconds * 1000;
      const from = group.evaluatedUntil.getTime();
      const end = Math.min(align(until, until + 1, group.alignSeconds).from, from + MAX_ROWS * width);
      if (end <= from) return 0;
      // The buckets just before the watermark, already judged, complete the first ones' smoothing.
      const lead = ((model.smoothing ?? 1) - 1) * width;
      const read = await alignedRows(tx, sensorIds, group.alignSeconds, from - lead, end);
      const rows = read.filter((row) => row.t >= from);
      const before = read.filter((row) => row.t < from).map((row) => row.values);
      const scores = scorePcaSeries(
        model,
        rows.map((row) => row.values),
        before,
      );
      // Each bucket out of limits is a finding; the group's alarms open, extend and clear as a
      // sensor's do (alarm-episodes.ts), so a sweep catching up on hours of buckets gives the same
      // alarms as sweeps of one bucket each.
      const findings: AlarmFinding[] = [];
      for (const [i, row] of rows.entries()) {
        const score = scores[i] as (typeof scores)[number];
        for (const [rule, hit, statistic, limit] of [
          ['t2', score.t2Signal, score.t2, model.t2Limit],
          ['spe', score.qSignal, score.q, model.qLimit],
        ] as const) {
          if (!hit) continue;
          findings.push({
            rule,
            ts: row.t,
            value: statistic,
            severity: 'warning',
            message: `${rule === 't2' ? 'Hotelling T²' : 'SPE (Q)'} ${statistic.toPrecision(4)} above its limit ${limit.toPrecision(4)}`,
          });
        }
      }
      const open = (await openAlarmsOf(tx, 'group', [groupId])).get(groupId) ?? new Map();
      const plan = planAlarms(
        findings,
        rows.map((row) => row.t),
        open,
        QUIET_BUCKETS * width,
      );
      const opened = await storeAlarmPlans(tx, events, tenantId, 'group', [
        { subjectId: groupId, facilityId: group.facilityId, name: group.name, plan },
      ]);
      await updateGroup(tx, groupId, { evaluatedUntil: new Date(end) });
      return opened;
    });

  return { create, list, get, update, remove, train, evaluate };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
