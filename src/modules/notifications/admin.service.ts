// Channels and rules: what an admin configures. "Send a test" goes through the same fan-out and
// delivery jobs as a real notification, marked as a test.
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflict, conflictOnUnique, notFound } from '../../platform/http/errors.ts';
import {
  type ChannelRow,
  deleteChannel,
  deleteRule,
  findChannel,
  findRule,
  insertChannel,
  insertRule,
  listChannels,
  listRules,
  updateChannel,
  updateRule,
} from './channels.repo.ts';
import { type DispatchDeps, notify } from './dispatch.ts';
import { activeMembers } from './inbox.repo.ts';
import {
  ALARM_SEVERITIES,
  type ChannelKind,
  type EventKind,
  INSIGHT_SEVERITIES,
  type RuleParams,
} from './kinds.ts';
import { newSigningSecret } from './signature.ts';

export interface ChannelInput {
  name?: string;
  kind?: ChannelKind;
  recipients?: string[];
  url?: string;
  headers?: Record<string, string>;
  userIds?: string[];
  enabled?: boolean;
}

export interface RuleInput {
  name?: string;
  eventKind?: EventKind;
  enabled?: boolean;
  params?: RuleParams;
  channelIds?: string[];
  escalationChannelIds?: string[];
}

/** Headers a channel may not set: the ones that carry the signature and the body's framing. */
const RESERVED_HEADERS = /^(content-type|content-length|host|plantintel-.*|transfer-encoding|connection)$/i;

export function createAdminService({ db, dispatch }: { db: Db; dispatch: DispatchDeps }) {
  async function configOf(tx: Tx, kind: ChannelKind, input: ChannelInput, current?: Record<string, unknown>) {
    const merged = { ...(current ?? {}) };
    if (kind === 'email') {
      if (input.url || input.headers || input.userIds)
        throw badRequest('An email channel takes recipients only');
      if (input.recipients) merged.recipients = input.recipients;
      if (!merged.recipients) throw badRequest('An email channel needs recipients');
    } else if (kind === 'webhook') {
      if (input.recipients || input.userIds)
        throw badRequest('A webhook channel takes a url and headers only');
      if (input.url) merged.url = input.url;
      if (input.headers) {
        const reserved = Object.keys(input.headers).filter((h) => RESERVED_HEADERS.test(h));
        if (reserved.length > 0)
          throw badRequest(`These headers are set by PlantIntel: ${reserved.join(', ')}`);
        merged.headers = input.headers;
      }
      if (!merged.url) throw badRequest('A webhook channel needs a url');
    } else {
      if (input.recipients || input.url || input.headers)
        throw badRequest('An in-app channel takes userIds only (none: every member)');
      if (input.userIds) {
        const members = new Set((await activeMembers(tx)).map((m) => m.userId));
        const strangers = input.userIds.filter((id) => !members.has(id));
        if (strangers.length > 0) throw badRequest(`Not members of this tenant: ${strangers.join(', ')}`);
        merged.userIds = input.userIds;
      }
      merged.userIds ??= [];
    }
    return merged;
  }

  async function channelOrThrow(tx: Tx, id: string, lock = false): Promise<ChannelRow> {
    const channel = await findChannel(tx, id, lock);
    if (!channel) throw notFound('Channel');
    return channel;
  }

  async function checkChannels(tx: Tx, ids: string[] | undefined) {
    for (const id of ids ?? [])
      if (!(await findChannel(tx, id))) throw badRequest(`Channel ${id} does not exist`);
  }

  function checkRule(kind: string, input: RuleInput) {
    const p = input.params ?? {};
    if (input.escalationChannelIds?.length && kind !== 'alarm.unacknowledged')
      throw badRequest('Only alarm.unacknowledged rules escalate');
    if (p.escalateAfterMinutes !== undefined && kind !== 'alarm.unacknowledged')
      throw badRequest('escalateAfterMinutes is for alarm.unacknowledged rules');
    if (p.minSeverity) {
      if (kind === 'alarm.unacknowledged') {
        if (!(ALARM_SEVERITIES as readonly string[]).includes(p.minSeverity))
          throw badRequest('An alarm rule takes minSeverity warning or critical');
      } else if (kind === 'insight.severity') {
        if (!(INSIGHT_SEVERITIES as readonly string[]).includes(p.minSeverity))
          throw badRequest('minSeverity is one of info, low, medium, high, critical');
      } else throw badRequest('minSeverity is for insight.severity and alarm.unacknowledged rules');
    }
  }

  const unique = conflictOnUnique('A channel or rule with this name exists');

  return {
    listChannels: (principal: Principal) => readInCallerTenant(db, principal, (tx) => listChannels(tx)),

    getChannel: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, (tx) => channelOrThrow(tx, id)),

    createChannel: (principal: Principal, input: ChannelInput & { name: string; kind: ChannelKind }) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const secret = input.kind === 'webhook' ? newSigningSecret() : null;
        const channel = await insertChannel(tx, {
          tenantId,
          name: input.name,
          kind: input.kind,
          config: await configOf(tx, input.kind, input),
          secret,
          enabled: input.enabled ?? true,
        }).catch(unique);
        return { channel, secret };
      }),

    updateChannel: (principal: Principal, id: string, input: ChannelInput) =>
      inCallerTenant(db, principal, async (tx) => {
        const current = await channelOrThrow(tx, id, true);
        const { enabled, name, ...rest } = input;
        const changesConfig = Object.keys(rest).length > 0;
        const reEnabled = enabled === true && !current.enabled;
        const updated = await updateChannel(tx, id, {
          ...(name !== undefined ? { name } : {}),
          ...(changesConfig
            ? { config: await configOf(tx, current.kind as ChannelKind, rest, current.config) }
            : {}),
          ...(enabled !== undefined ? { enabled } : {}),
          // Re-enabled by an admin: the failure count starts again.
          ...(reEnabled ? { consecutiveFailures: 0, disabledReason: null, disabledAt: null } : {}),
          ...(enabled === false && current.enabled
            ? { disabledReason: 'Disabled by an admin', disabledAt: new Date() }
            : {}),
        }).catch(unique);
        if (!updated) throw notFound('Channel');
        return updated;
      }),

    removeChannel: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await deleteChannel(tx, id))) throw notFound('Channel');
      }),

    /** A test notification through this channel alone: deliveries (or inbox rows) like a real one. */
    testChannel: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const channel = await channelOrThrow(tx, id);
        if (!channel.enabled)
          throw conflict(
            `The channel is disabled (${channel.disabledReason ?? 'by an admin'}); enable it first`,
          );
        const result = await notify(
          dispatch,
          tx,
          {
            tenantId,
            ruleId: null,
            eventKind: 'test',
            dedupeKey: `test:${randomUUID()}`,
            severity: 'info',
            title: `Test notification for channel "${channel.name}"`,
            body: `This is a test sent by ${principal.label} to check the channel "${channel.name}". Nothing needs doing.`,
            data: { channelId: channel.id, link: '/automation/notifications' },
          },
          [channel.id],
          { test: true },
        );
        if (!result) throw new Error('test notification not recorded');
        return { ...result, channel };
      }),

    listRules: (principal: Principal) => readInCallerTenant(db, principal, (tx) => listRules(tx)),

    getRule: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const rule = await findRule(tx, id);
        if (!rule) throw notFound('Rule');
        return rule;
      }),

    createRule: (
      principal: Principal,
      input: RuleInput & { name: string; eventKind: EventKind; channelIds: string[] },
    ) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        checkRule(input.eventKind, input);
        await checkChannels(tx, [...input.channelIds, ...(input.escalationChannelIds ?? [])]);
        return insertRule(tx, {
          tenantId,
          name: input.name,
          eventKind: input.eventKind,
          enabled: input.enabled ?? true,
          params: (input.params ?? {}) as Record<string, unknown>,
          channelIds: input.channelIds,
          escalationChannelIds: input.escalationChannelIds ?? [],
        }).catch(unique);
      }),

    updateRule: (principal: Principal, id: string, input: RuleInput) =>
      inCallerTenant(db, principal, async (tx) => {
        const current = await findRule(tx, id);
        if (!current) throw notFound('Rule');
        checkRule(current.eventKind, input);
        await checkChannels(tx, [...(input.channelIds ?? []), ...(input.escalationChannelIds ?? [])]);
        const { params, ...rest } = input;
        const updated = await updateRule(tx, id, {
          ...rest,
          ...(params ? { params: params as Record<string, unknown> } : {}),
        }).catch(unique);
        if (!updated) throw notFound('Rule');
        return updated;
      }),

    removeRule: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx) => {
        if (!(await deleteRule(tx, id))) throw notFound('Rule');
      }),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
