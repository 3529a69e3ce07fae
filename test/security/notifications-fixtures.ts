// Sweep fixtures of notifications (issue 19): channels and rules of the owner made through the API
// as its admin; a failed delivery (what replay takes) written as the fan-out writes one; and, for
// the RLS proof, a row in every notifications table of the tenant.

import type { TestSession, TestTenant } from '../../src/modules/identity/testing.ts';
import { insertDelivery, insertNotification } from '../../src/modules/notifications/deliveries.repo.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../../src/platform/http/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;
const base = '/api/v1/notifications';

async function call(
  t: TestApp,
  admin: TestSession,
  method: 'POST' | 'PUT' | 'GET',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300)
    throw new Error(`fixture ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function channel(t: TestApp, admin: TestSession, kind: 'in_app' | 'email' = 'in_app') {
  sequence += 1;
  const body =
    kind === 'email'
      ? { name: `Sweep mail ${sequence}`, kind, recipients: ['sweep@plant.test'] }
      : { name: `Sweep inbox ${sequence}`, kind };
  return ((await call(t, admin, 'POST', `${base}/channels`, body)) as { channel: { id: string } }).channel;
}

async function rule(t: TestApp, admin: TestSession) {
  const { id } = await channel(t, admin);
  sequence += 1;
  return call(t, admin, 'POST', `${base}/rules`, {
    name: `Sweep rule ${sequence}`,
    eventKind: 'analysis.completed',
    channelIds: [id],
  }) as Promise<{ id: string }>;
}

/** A failed email delivery of an enabled channel of the tenant. */
async function failedDelivery(t: TestApp, tenant: TestTenant, admin: TestSession) {
  const { id: channelId } = await channel(t, admin, 'email');
  sequence += 1;
  return inTenant(t.database.db, tenant.id, async (tx) => {
    const n = await insertNotification(tx, {
      tenantId: tenant.id,
      eventKind: 'test',
      dedupeKey: `sweep:${sequence}:${crypto.randomUUID()}`,
      title: 'Sweep',
      body: 'Sweep',
    });
    if (!n) throw new Error('sweep notification not written');
    return insertDelivery(tx, {
      tenantId: tenant.id,
      notificationId: n.id,
      channelId,
      kind: 'email',
      recipient: 'sweep@plant.test',
      status: 'failed',
      lastError: 'sweep',
    });
  });
}

const ownChannel = async (ctx: SweepContext): Promise<Target> => ({
  params: { id: (await channel(ctx.t, ctx.ownerAdmin)).id },
});
const ownRule = async (ctx: SweepContext): Promise<Target> => ({
  params: { id: (await rule(ctx.t, ctx.ownerAdmin)).id },
});
const ownDelivery = async (ctx: SweepContext): Promise<Target> => ({
  params: { id: (await failedDelivery(ctx.t, ctx.owner, ctx.ownerAdmin)).id },
});

export const NOTIFICATIONS_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/notifications/channels/:id': ownChannel,
  'PATCH /api/v1/notifications/channels/:id': async (ctx) => ({
    ...(await ownChannel(ctx)),
    body: { name: `Renamed channel ${++sequence}` },
  }),
  'DELETE /api/v1/notifications/channels/:id': ownChannel,
  'POST /api/v1/notifications/channels/:id/test': ownChannel,
  'GET /api/v1/notifications/rules/:id': ownRule,
  'PATCH /api/v1/notifications/rules/:id': async (ctx) => ({
    ...(await ownRule(ctx)),
    body: { name: `Renamed rule ${++sequence}` },
  }),
  'DELETE /api/v1/notifications/rules/:id': ownRule,
  'GET /api/v1/notifications/deliveries/:id': ownDelivery,
  'POST /api/v1/notifications/deliveries/:id/replay': ownDelivery,
};

/**
 * notification_channels, _rules, notifications, _deliveries, _attempts, _inbox, _preferences: a
 * rule, an in-app test (an inbox row), an email test (SMTP unset in the sweeps: its first attempt
 * fails at once and is logged) and the admin's preferences.
 */
export async function populateNotifications(t: TestApp, tenant: TestTenant, admin: TestSession) {
  await rule(t, admin);
  const inbox = await channel(t, admin);
  await call(t, admin, 'POST', `${base}/channels/${inbox.id}/test`);
  const mail = await channel(t, admin, 'email');
  const sent = (await call(t, admin, 'POST', `${base}/channels/${mail.id}/test`)) as {
    deliveries: { id: string }[];
  };
  await call(t, admin, 'PUT', `${base}/preferences`, {
    eventKinds: null,
    quietStart: '22:00',
    quietEnd: '06:00',
    timezone: null,
    digest: false,
    digestHour: 7,
  });
  const deliveryId = sent.deliveries[0]?.id;
  await eventually(async () => {
    const d = (await call(t, admin, 'GET', `${base}/deliveries/${deliveryId}`)) as { attempts: number };
    return d.attempts > 0 ? true : undefined;
  }, 'the sweep email attempt to be logged');
  await failedDelivery(t, tenant, admin);
}
