// The notifications module's public surface (issue 19): rules turn domain events and periodic
// conditions into notifications; channels deliver them — email (SMTP), signed webhooks, and the
// in-app inbox with its live unread count. Deliveries run as jobs, never in the triggering request.

import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { deleteInBatches, type MaintenanceTask } from '../../platform/db/maintenance.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { adminRoutes } from './admin.routes.ts';
import { createAdminService } from './admin.service.ts';
import { type AnalysisPdf, type DeliverySettings, deliverJob } from './deliver.job.ts';
import { createDeliveriesService } from './deliveries.service.ts';
import type { DispatchDeps } from './dispatch.ts';
import { createEvaluator } from './evaluate.ts';
import { CONSUMED_EVENTS, createHandlers } from './handlers.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { createInboxService } from './inbox.service.ts';
import { NOTIFICATION_SCHEMAS } from './notifications.schemas.ts';

export type { AnalysisPdf } from './deliver.job.ts';
export { seedDemoNotifications } from './demo.ts';
export { SIGNATURE_HEADER, sign, verify } from './signature.ts';

export interface NotificationSettings {
  smtpUrl: string | undefined;
  smtpFrom: string;
  notifyMaxAttempts: number;
  notifyRetryBaseSeconds: number;
  webhookDisableAfter: number;
  webhookTimeoutMs: number;
  notifyTickSeconds: number;
}

/** Notifications, deliveries and read inbox items older than this are removed by housekeeping. */
export const NOTIFICATIONS_RETENTION_DAYS = 180;

export function createNotifications(deps: {
  db: Db;
  jobs: Jobs;
  events: Pick<Events, 'on'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  logger: FastifyBaseLogger;
  settings: NotificationSettings;
  /** The analysis PDF, attached to analysis emails when the reports module provides it. */
  analysisPdf?: AnalysisPdf | undefined;
  now?: () => Date;
}) {
  const { db, jobs, events, realtime, logger, settings } = deps;
  const dispatch: DispatchDeps = { jobs, realtime, ...(deps.now ? { now: deps.now } : {}) };
  const delivery: DeliverySettings = {
    smtpUrl: settings.smtpUrl,
    smtpFrom: settings.smtpFrom,
    timeoutMs: Math.max(settings.webhookTimeoutMs, 5000),
    maxAttempts: settings.notifyMaxAttempts,
    retryBaseSeconds: settings.notifyRetryBaseSeconds,
    disableAfter: settings.webhookDisableAfter,
    webhookTimeoutMs: settings.webhookTimeoutMs,
  };
  const admin = createAdminService({ db, dispatch });
  const inbox = createInboxService({ db, dispatch });
  const deliveries = createDeliveriesService({ db, dispatch });
  const evaluate = createEvaluator({ ...dispatch, db, logger });

  events.on('notifications', CONSUMED_EVENTS, createHandlers(dispatch));
  // `inbox:<userId>`: only the user themself, in their current tenant.
  realtime.registerTopic(
    'inbox',
    async (principal, id) => principal.tenantId !== null && principal.userId === id,
  );

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = evaluate()
      .catch((err) => logger.error({ err }, 'notification evaluation failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    admin,
    inbox,
    deliveries,
    /** One pass over the time-based rules and digests (the timer's work; tests call it directly). */
    evaluate,
    defineJobs(target: Pick<Jobs, 'define'>) {
      target.define(deliverJob({ db, jobs, settings: delivery, logger, analysisPdf: deps.analysisPdf }));
    },
    maintenanceTasks: {
      'notifications.retention': (tx: Db) =>
        deleteInBatches(
          tx,
          'notifications',
          (limit) =>
            sql`select ctid from notifications where created_at < now() - make_interval(days => ${NOTIFICATIONS_RETENTION_DAYS}) limit ${limit}`,
        ),
    } satisfies Record<string, MaintenanceTask>,
    /** With workers: evaluates the time-based rules every NOTIFY_TICK_SECONDS. */
    start() {
      if (timer) return;
      timer = setInterval(tick, settings.notifyTickSeconds * 1000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
    routes(app: App) {
      for (const schema of NOTIFICATION_SCHEMAS) app.addSchema(schema);
      adminRoutes(app, { admin, deliveries });
      inboxRoutes(app, { inbox });
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
