// The delivery job: one attempt at one email or webhook delivery. Every attempt is logged with its
// response code, error and duration; a failure schedules the next attempt as a new job after an
// exponential delay, until the attempts run out (then the delivery is failed, with the reason).
// A webhook channel that failed too many times in a row disables itself.
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { notificationChannels } from '../../platform/db/schema/index.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.ts';
import { findChannel, updateChannel } from './channels.repo.ts';
import {
  failWaitingDeliveries,
  findDelivery,
  findNotification,
  insertAttempt,
  updateDelivery,
} from './deliveries.repo.ts';
import { enqueueDelivery } from './dispatch.ts';
import { retryDelaySeconds, WAITING } from './kinds.ts';
import { emailOf, webhookBody } from './render.ts';
import { type AttemptOutcome, type MailSettings, postWebhook, sendMail } from './senders.ts';

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'notifications.deliver': { deliveryId: string };
  }
}

export interface DeliverySettings extends MailSettings {
  maxAttempts: number;
  retryBaseSeconds: number;
  disableAfter: number;
  webhookTimeoutMs: number;
}

/** An analysis report as PDF, when the reports module is there (issue 19). */
export type AnalysisPdf = (tenantId: string, analysisId: string) => Promise<Buffer>;

const ATTACH_KINDS = new Set(['analysis.completed', 'insight.severity', 'schedule.completed']);

export function deliverJob(deps: {
  db: Db;
  jobs: Pick<Jobs, 'enqueue'>;
  settings: DeliverySettings;
  logger: FastifyBaseLogger;
  analysisPdf?: AnalysisPdf | undefined;
}): JobDefinition<'notifications.deliver'> {
  const { db, jobs, settings, logger, analysisPdf } = deps;

  async function attachmentsFor(tenantId: string, data: Record<string, unknown>, eventKind: string) {
    const analysisId = typeof data.analysisId === 'string' ? data.analysisId : null;
    if (!analysisPdf || !analysisId || !ATTACH_KINDS.has(eventKind)) return [];
    try {
      const content = await analysisPdf(tenantId, analysisId);
      return [
        { filename: `analysis-${analysisId.slice(0, 8)}.pdf`, content, contentType: 'application/pdf' },
      ];
    } catch (err) {
      // The message still goes out: a missing attachment is better than a missing notification.
      logger.warn({ err, analysisId }, 'analysis PDF not attached');
      return [];
    }
  }

  return {
    name: 'notifications.deliver',
    // Failed attempts are scheduled by the job itself; the queue's retries only cover a crash.
    retryLimit: 2,
    retryDelaySeconds: 5,
    timeoutSeconds: 300,
    async run({ deliveryId }, ctx) {
      const { tenantId } = ctx;
      const loaded = await readInTenant(db, tenantId, async (tx) => {
        const delivery = await findDelivery(tx, deliveryId);
        if (!delivery) return undefined;
        const notification = await findNotification(tx, delivery.notificationId);
        const channel = await findChannel(tx, delivery.channelId);
        return notification && channel ? { delivery, notification, channel } : undefined;
      });
      if (!loaded || !WAITING.has(loaded.delivery.status)) return { skipped: 'not waiting' };
      const { delivery, notification, channel } = loaded;
      // Early by this process's clock (the queue dates jobs by the database's): ask again at the end.
      const holdUntil = delivery.holdUntil;
      if (holdUntil && holdUntil.getTime() > Date.now() + 1000) {
        await inTenant(db, tenantId, (tx) => enqueueDelivery({ jobs }, tx, delivery, holdUntil));
        return { skipped: 'held' };
      }
      if (!channel.enabled) {
        await inTenant(db, tenantId, (tx) =>
          updateDelivery(tx, delivery.id, {
            status: 'failed',
            lastError: channel.disabledReason ?? 'The channel is disabled',
            nextAttemptAt: null,
          }),
        );
        return { failed: 'channel disabled' };
      }

      const started = performance.now();
      let outcome: AttemptOutcome;
      if (channel.kind === 'webhook') {
        outcome = await postWebhook({
          url: String(channel.config.url),
          headers: (channel.config.headers as Record<string, string> | undefined) ?? {},
          secret: channel.secret ?? '',
          body: webhookBody(notification, delivery.id, delivery.isTest),
          deliveryId: delivery.id,
          eventKind: notification.eventKind,
          timeoutMs: settings.webhookTimeoutMs,
        });
      } else {
        const mail = emailOf(notification, undefined);
        outcome = await sendMail(settings, {
          to: [delivery.recipient ?? ''],
          ...mail,
          attachments: await attachmentsFor(tenantId, notification.data, notification.eventKind),
        });
      }
      const durationMs = Math.round(performance.now() - started);

      return inTenant(db, tenantId, async (tx) => {
        const current = await findDelivery(tx, delivery.id, true);
        if (!current || !WAITING.has(current.status)) return { skipped: 'handled meanwhile' };
        const attempt = current.attempts + 1;
        await insertAttempt(tx, {
          tenantId,
          deliveryId: current.id,
          attempt,
          ok: outcome.ok,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs,
        });
        if (outcome.ok) {
          await updateDelivery(tx, current.id, {
            status: 'sent',
            attempts: attempt,
            sentAt: new Date(),
            lastStatusCode: outcome.statusCode,
            lastError: null,
            nextAttemptAt: null,
            holdUntil: null,
          });
          if (channel.kind === 'webhook' && channel.consecutiveFailures > 0)
            await updateChannel(tx, channel.id, { consecutiveFailures: 0 });
          return { sent: true, attempt };
        }
        let disabled = false;
        if (channel.kind === 'webhook') {
          const [row] = await tx
            .update(notificationChannels)
            .set({ consecutiveFailures: sql`${notificationChannels.consecutiveFailures} + 1` })
            .where(eq(notificationChannels.id, channel.id))
            .returning();
          if (row?.enabled && row.consecutiveFailures >= settings.disableAfter) {
            disabled = true;
            const reason = `Disabled after ${row.consecutiveFailures} consecutive failed attempts; the last: ${outcome.error}`;
            await updateChannel(tx, channel.id, {
              enabled: false,
              disabledReason: reason.slice(0, 600),
              disabledAt: new Date(),
            });
            await failWaitingDeliveries(tx, channel.id, reason.slice(0, 600));
            logger.warn({ channelId: channel.id }, 'webhook channel disabled after repeated failures');
          }
        }
        const last = disabled || outcome.permanent === true || attempt >= settings.maxAttempts;
        const next = last
          ? null
          : new Date(Date.now() + retryDelaySeconds(settings.retryBaseSeconds, attempt) * 1000);
        await updateDelivery(tx, current.id, {
          status: last ? 'failed' : 'retrying',
          attempts: attempt,
          lastStatusCode: outcome.statusCode,
          lastError:
            last && !disabled
              ? `${outcome.error} (after ${attempt} attempt${attempt === 1 ? '' : 's'})`
              : outcome.error,
          nextAttemptAt: next,
          holdUntil: null,
        });
        if (next) await enqueueDelivery({ jobs }, tx, current, next);
        return { sent: false, attempt, error: outcome.error };
      });
    },
  };
}
