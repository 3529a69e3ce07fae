// The automation pages, loaded together when one of them is first opened (see App.tsx).
import { DeliveriesPage } from './notifications/DeliveriesPage';
import { InboxPage } from './notifications/InboxPage';
import { RulesPage } from './notifications/RulesPage';
import { AUTOMATION_DELIVERIES_PAGE, AUTOMATION_INBOX_PAGE, AUTOMATION_NOTIFICATIONS_PAGE } from './pages';
import { SchedulesPages } from './schedules/SchedulesPages';

export function AutomationPages({ path }: { path: string }) {
  if (path === AUTOMATION_INBOX_PAGE.path) return <InboxPage />;
  if (path === AUTOMATION_NOTIFICATIONS_PAGE.path) return <RulesPage />;
  if (path === AUTOMATION_DELIVERIES_PAGE.path) return <DeliveriesPage />;
  return <SchedulesPages path={path} />;
}
