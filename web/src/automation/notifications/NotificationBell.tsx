// The bell in the app shell: the unread count of the signed-in user's inbox, live, linking to it.
import { usePermissions } from '../../auth/hooks';
import { Link } from '../../router';
import { AUTOMATION_INBOX_PAGE } from '../pages';
import { useUnread } from './api';
import './notifications.css';

export function NotificationBell() {
  const allowed = AUTOMATION_INBOX_PAGE.allowed(usePermissions());
  const unread = useUnread(allowed);
  if (!allowed) return null;
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <Link to={AUTOMATION_INBOX_PAGE.path} className="notification-bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.5A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6zm0 19a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell-count" data-testid="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
