import { type ReactNode, useEffect, useRef } from 'react';
import { PAGE_HEADING_ID } from './components/PageHeader';
import { Sidebar } from './components/Sidebar';
import { findModule, STATUS_MODULE } from './modules';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { usePathname } from './router';

export function App() {
  const path = usePathname();
  const entry = findModule(path);
  const shownPath = useRef(path);

  useEffect(() => {
    document.title = entry ? `${entry.title} · PlantIntel` : 'Page not found · PlantIntel';
  }, [entry]);

  // After in-app navigation (not on first load), move focus to the new page
  // heading so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    window.scrollTo(0, 0);
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [path]);

  let page: ReactNode;
  if (entry === STATUS_MODULE) page = <StatusPage />;
  else if (entry) page = <ModulePage key={entry.path} module={entry} />;
  else page = <NotFoundPage path={path} />;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Sidebar currentPath={path} />
      <main id="main" className="content" tabIndex={-1}>
        {page}
      </main>
    </div>
  );
}
