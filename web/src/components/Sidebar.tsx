import { usePermissions, useSession } from '../auth/hooks';
import { NotificationBell } from '../automation/notifications/NotificationBell';
import { ADMIN_PAGES, MODULES, type ModuleInfo, STATUS_MODULE } from '../modules';
import { Link } from '../router';
import { NavIcon } from './NavIcon';
import { UserMenu } from './UserMenu';

function NavEntry({
  entry,
  currentPath,
  subpages = [],
  parentPath,
}: {
  entry: ModuleInfo;
  currentPath: string;
  /** Pages of the module this user may open, listed under it. */
  subpages?: readonly ModuleInfo[];
  /** Set for a page listed under its module. */
  parentPath?: string;
}) {
  const exact = entry.path === currentPath;
  // A module's overview page shares the module's path: it is current on that page only.
  const exactOnly = entry.path === parentPath;
  // A customer's page (/admin/customers/…) belongs under Customers, a batch under Batches.
  const within = !exact && !exactOnly && entry.path !== '/' && currentPath.startsWith(`${entry.path}/`);
  return (
    <li>
      <Link
        to={entry.path}
        className={exact || within ? 'nav-link is-active' : 'nav-link'}
        aria-current={exact ? 'page' : within ? 'true' : undefined}
      >
        {parentPath === undefined ? <NavIcon path={entry.path} /> : null}
        <span>{entry.label}</span>
      </Link>
      {subpages.length > 0 ? (
        <ul className="nav-list nav-sublist" aria-label={`${entry.label} pages`}>
          {subpages.map((page) => (
            <NavEntry key={page.path} entry={page} currentPath={currentPath} parentPath={entry.path} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function Sidebar({ currentPath }: { currentPath: string }) {
  const signedIn = useSession() !== null;
  const permissions = usePermissions();
  const modules = signedIn ? MODULES : [STATUS_MODULE];
  const adminPages = signedIn ? ADMIN_PAGES.filter((page) => page.allowed(permissions)) : [];

  return (
    <header className="sidebar">
      <Link to="/" className="brand" aria-label="PlantIntel, go to status">
        <svg
          className="brand-mark"
          viewBox="0 0 32 32"
          width="28"
          height="28"
          aria-hidden="true"
          focusable="false"
        >
          <rect width="32" height="32" rx="7" fill="#1e293b" />
          <path d="M7 23V13l6 4v-4l6 4V9h6v14z" fill="#38bdf8" />
        </svg>
        <span className="brand-name">PlantIntel</span>
      </Link>
      <nav className="nav" aria-label="Modules">
        <ul className="nav-list">
          {modules.map((entry) => (
            <NavEntry
              key={entry.path}
              entry={entry}
              currentPath={currentPath}
              subpages={signedIn ? entry.pages?.filter((page) => page.allowed(permissions)) : []}
            />
          ))}
        </ul>
        {adminPages.length > 0 ? (
          <>
            <p className="nav-heading" id="nav-admin-heading">
              Administration
            </p>
            <ul className="nav-list" aria-labelledby="nav-admin-heading">
              {adminPages.map((entry) => (
                <NavEntry key={entry.path} entry={entry} currentPath={currentPath} />
              ))}
            </ul>
          </>
        ) : null}
      </nav>
      {signedIn ? <NotificationBell /> : null}
      <div className="sidebar-account">
        {signedIn ? (
          <UserMenu />
        ) : (
          <Link to="/login" className="button sidebar-sign-in">
            Sign in
          </Link>
        )}
      </div>
      <p className="sidebar-footer">Web v{__APP_VERSION__}</p>
    </header>
  );
}
