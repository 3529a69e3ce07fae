import { MODULES } from '../modules';
import { Link } from '../router';
import { NavIcon } from './NavIcon';

export function Sidebar({ currentPath }: { currentPath: string }) {
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
          {MODULES.map((entry) => {
            const active = entry.path === currentPath;
            return (
              <li key={entry.path}>
                <Link
                  to={entry.path}
                  className={active ? 'nav-link is-active' : 'nav-link'}
                  aria-current={active ? 'page' : undefined}
                >
                  <NavIcon path={entry.path} />
                  <span>{entry.label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="sidebar-footer">Web v{__APP_VERSION__}</p>
    </header>
  );
}
