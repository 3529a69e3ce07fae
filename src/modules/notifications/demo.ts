// The demo tenant's notification set-up, so a newcomer's first scheduled analysis (or any analysis)
// rings the bell and mails the report without configuring anything: an in-app channel for every
// member, an email channel to the demo admin (delivered once SMTP_URL points at a server, e.g.
// `npm run smtp-sink`; until then each mail is in the delivery log as failed, with that reason), and
// rules for completed analyses and finished or failed scheduled runs. Alarms are left out: the
// simulator raises them all day, and a demo inbox full of them would hide the rest.
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import { insertChannel, insertRule } from './channels.repo.ts';
import type { EventKind } from './kinds.ts';

export const DEMO_MAIL_RECIPIENT = 'admin@demo.local';

export async function seedDemoNotifications(
  db: Db,
  tenantId: string,
): Promise<{ channels: number; rules: number }> {
  return inTenant(db, tenantId, async (tx) => {
    const bell = await insertChannel(tx, {
      tenantId,
      name: 'Everyone (in-app)',
      kind: 'in_app',
      config: { userIds: [] },
    });
    const mail = await insertChannel(tx, {
      tenantId,
      name: 'Plant manager (email)',
      kind: 'email',
      config: { recipients: [DEMO_MAIL_RECIPIENT] },
    });
    const rules: [string, EventKind][] = [
      ['Analysis completed', 'analysis.completed'],
      ['Scheduled analysis finished', 'schedule.completed'],
      ['Scheduled analysis failed', 'schedule.failed'],
    ];
    for (const [name, eventKind] of rules)
      await insertRule(tx, { tenantId, name, eventKind, channelIds: [bell.id, mail.id] });
    return { channels: 2, rules: rules.length };
  });
}
