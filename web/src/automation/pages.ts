// The automation pages (issue 19: scheduled analyses, notification rules and channels, webhook
// deliveries, the in-app notifications) as the navigation lists them. Kept apart from the pages
// themselves, which load on demand; modules.ts lists them under the "Automation" module.
import type { GuardedPageInfo } from '../modules';

export const AUTOMATION_SCHEDULES_PAGE: GuardedPageInfo = {
  path: '/automation/schedules',
  label: 'Schedules',
  title: 'Scheduled analyses',
  description:
    'Analyses that run by themselves: a file dropped in a watched folder or fetched from a URL on a schedule is imported with a mapping profile, analysed, compared with the previous run, and announced.',
  allowed: (p) => p.workOrders,
};

export const AUTOMATION_NOTIFICATIONS_PAGE: GuardedPageInfo = {
  path: '/automation/notifications',
  label: 'Notification rules',
  title: 'Notification rules and channels',
  description:
    'What is worth telling someone — a completed analysis, a serious insight, an alarm nobody acknowledged, a high reject rate, a failed job — and where it goes: email, webhooks, the bell.',
  allowed: (p) => p.plant,
};

export const AUTOMATION_DELIVERIES_PAGE: GuardedPageInfo = {
  path: '/automation/deliveries',
  label: 'Deliveries',
  title: 'Delivery log',
  description:
    'Every email and webhook sent, with its attempts, response codes and errors. Failed deliveries can be sent again.',
  allowed: (p) => p.plant,
};

export const AUTOMATION_INBOX_PAGE: GuardedPageInfo = {
  path: '/automation/inbox',
  label: 'Inbox',
  title: 'Notifications',
  description:
    'Your notifications, newest first. New ones arrive live; mark them read one by one or all at once.',
  allowed: (p) => p.plant,
};

export const AUTOMATION_PAGES: readonly GuardedPageInfo[] = [
  AUTOMATION_INBOX_PAGE,
  AUTOMATION_SCHEDULES_PAGE,
  AUTOMATION_NOTIFICATIONS_PAGE,
  AUTOMATION_DELIVERIES_PAGE,
];

/** The automation page `path` is (a schedule's detail counts as the schedules page), or undefined. */
export function automationPageOf(path: string): GuardedPageInfo | undefined {
  const page = AUTOMATION_PAGES.find((p) => p.path === path);
  if (page) return page;
  if (path.startsWith(`${AUTOMATION_SCHEDULES_PAGE.path}/`)) return AUTOMATION_SCHEDULES_PAGE;
  return undefined;
}
