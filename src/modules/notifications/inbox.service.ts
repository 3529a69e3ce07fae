// What every member uses: their inbox (live unread count on `inbox:<userId>`) and preferences.
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { type DispatchDeps, pushUnread } from './dispatch.ts';
import {
  findPreferences,
  listInbox,
  markRead,
  tenantTimeZone,
  unreadCount,
  upsertPreferences,
} from './inbox.repo.ts';
import type { EventKind } from './kinds.ts';
import { isTimeZone } from './quiet-hours.ts';

export interface PreferencesInput {
  eventKinds: EventKind[] | null;
  quietStart: string | null;
  quietEnd: string | null;
  timezone: string | null;
  digest: boolean;
  digestHour: number;
}

export function createInboxService({ db, dispatch }: { db: Db; dispatch: Pick<DispatchDeps, 'realtime'> }) {
  const mark = (principal: Principal, ids?: number[]) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      const changed = await markRead(tx, principal.userId, ids);
      if (changed > 0) await pushUnread(dispatch, tx, tenantId, principal.userId);
      return { unread: await unreadCount(tx, principal.userId) };
    });

  return {
    list: (principal: Principal, query: { unread?: boolean | undefined; limit: number; offset: number }) =>
      readInCallerTenant(db, principal, (tx) => listInbox(tx, principal.userId, query)),

    unread: (principal: Principal) =>
      readInCallerTenant(db, principal, async (tx) => ({ unread: await unreadCount(tx, principal.userId) })),

    markRead: (principal: Principal, ids: number[]) => mark(principal, ids),
    markAllRead: (principal: Principal) => mark(principal),

    preferences: (principal: Principal) =>
      readInCallerTenant(db, principal, async (tx) => {
        const prefs = await findPreferences(tx, principal.userId);
        return { prefs, zone: prefs?.timezone ?? (await tenantTimeZone(tx)) };
      }),

    setPreferences: (principal: Principal, input: PreferencesInput) => {
      if ((input.quietStart === null) !== (input.quietEnd === null))
        throw badRequest('Quiet hours need both quietStart and quietEnd (or neither)');
      if (input.timezone !== null && !isTimeZone(input.timezone))
        throw badRequest(`Unknown time zone "${input.timezone}" (an IANA name like Europe/Berlin)`);
      return inCallerTenant(db, principal, async (tx, tenantId) => {
        const prefs = await upsertPreferences(tx, { tenantId, userId: principal.userId, ...input });
        return { prefs, zone: prefs.timezone ?? (await tenantTimeZone(tx)) };
      });
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
