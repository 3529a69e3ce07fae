import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { ApiKeysPage } from './admin/ApiKeysPage';
import { AuditLogPage } from './admin/AuditLogPage';
import { CustomerPage } from './admin/CustomerPage';
import { CustomersPage } from './admin/CustomersPage';
import { UsersPage } from './admin/UsersPage';
import { aiPageOf } from './ai/paths';
import { ANALYTICS_ANALYSES_PAGE, ANALYTICS_HOME, analyticsPageOf } from './analytics/paths';
import { useMe, useSession } from './auth/hooks';
import { lastEndReason } from './auth/session';
import { permissionsOf } from './auth/types';
import { automationPageOf } from './automation/pages';
import { ErrorNotice } from './components/ErrorNotice';
import { PAGE_HEADING_ID, PageHeader } from './components/PageHeader';
import { Sidebar } from './components/Sidebar';
import { inspectionPageOf } from './inspection/paths';
import {
  ADMIN_PAGES,
  API_KEYS_PAGE,
  AUDIT_LOG_PAGE,
  CUSTOMERS_PAGE,
  findModule,
  type GuardedPageInfo,
  PLANT_BATCHES_PAGE,
  PLANT_OVERVIEW_PAGE,
  PLANT_REPORTS_PAGE,
  USERS_PAGE,
} from './modules';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { LoginPage } from './pages/LoginPage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { BatchesPage } from './plant/BatchesPage';
import { BatchPage } from './plant/BatchPage';
import { OverviewPage } from './plant/OverviewPage';
import { navigate, Redirect, usePathname } from './router';
import { supplyPageOf } from './supply/paths';
import { telemetryPageOf } from './telemetry/paths';

/** Pages anyone may open without signing in. */
const PUBLIC_PATHS = new Set(['/', '/login', '/accept-invitation']);
const CUSTOMER_PATH = /^\/admin\/customers\/([^/]+)$/;
const BATCH_PATH = /^\/plant\/batches\/([^/]+)$/;

// The charting library is large: it loads with the reports page, not with every page.
const ReportsPage = lazy(() => import('./plant/ReportsPage').then((m) => ({ default: m.ReportsPage })));
// The telemetry pages (sensors, charts, alarms, import) load when one of them is opened.
const TelemetryPages = lazy(() =>
  import('./telemetry/TelemetryPages').then((m) => ({ default: m.TelemetryPages })),
);

// The work-order pages (upload, imports, analyses, mapping library, settings) load when one is opened.
const AnalyticsPages = lazy(() =>
  import('./analytics/AnalyticsPages').then((m) => ({ default: m.AnalyticsPages })),
);

// The inspection pages (camera grid, an image's review, the region editor, statistics) load when one is opened.
const InspectionPages = lazy(() =>
  import('./inspection/InspectionPages').then((m) => ({ default: m.InspectionPages })),
);

// The supply pages (inventory, a SKU's forecast and policy, decisions, forecasts, models, network) load when one is opened.
const SupplyPages = lazy(() => import('./supply/SupplyPages').then((m) => ({ default: m.SupplyPages })));

// The AI gateway pages (pipelines, editor, detail, dashboards, query map, workspaces) load when one is opened.
const AiPages = lazy(() => import('./ai/AiPages').then((m) => ({ default: m.AiPages })));

// The automation pages (schedules, notification rules, deliveries, the inbox) load when one is opened.
const AutomationPages = lazy(() =>
  import('./automation/AutomationPages').then((m) => ({ default: m.AutomationPages })),
);

/** Renders a guarded page (administration, plant) once the user's permissions are known and allow it. */
function PageGate({ page, children }: { page: GuardedPageInfo; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <p className="state-message">Loading your permissions…</p>;
  if (me.isError) return <ErrorNotice error={me.error} title="Could not load your profile" />;
  if (page.allowed(permissionsOf(me.data))) return children;
  return (
    <>
      <PageHeader title={page.title} description={page.description} />
      <section className="card" aria-label="Not allowed">
        <p data-testid="not-allowed">
          Your role does not give access to this page. Ask an administrator of your organisation if you need
          it.
        </p>
      </section>
    </>
  );
}

/** `/admin` alone leads to the first administration page the user may open. */
function AdminHome() {
  const me = useMe();
  if (me.isPending) return null;
  const first = ADMIN_PAGES.find((page) => page.allowed(permissionsOf(me.data)));
  return <Redirect to={first?.path ?? '/'} />;
}

function plantPageFor(path: string): ReactNode {
  const pages: [GuardedPageInfo, ReactNode][] = [
    [PLANT_OVERVIEW_PAGE, <OverviewPage key="plant-overview" />],
    [PLANT_BATCHES_PAGE, <BatchesPage key="plant-batches" />],
    [
      PLANT_REPORTS_PAGE,
      <Suspense key="plant-reports" fallback={<p className="state-message">Loading the reports…</p>}>
        <ReportsPage />
      </Suspense>,
    ],
  ];
  for (const [page, element] of pages) {
    if (page.path === path) return <PageGate page={page}>{element}</PageGate>;
  }
  const batchId = BATCH_PATH.exec(path)?.[1];
  if (!batchId) return null;
  return (
    <PageGate page={PLANT_BATCHES_PAGE}>
      <BatchPage key={batchId} id={decodeURIComponent(batchId)} />
    </PageGate>
  );
}

function telemetryPageFor(path: string): ReactNode {
  const page = telemetryPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <TelemetryPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function analyticsPageFor(path: string): ReactNode {
  // The module's own address leads to its analyses.
  if (path === ANALYTICS_HOME) return <Redirect to={ANALYTICS_ANALYSES_PAGE.path} />;
  const page = analyticsPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <AnalyticsPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function inspectionPageFor(path: string): ReactNode {
  const page = inspectionPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <InspectionPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function supplyPageFor(path: string): ReactNode {
  const page = supplyPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <SupplyPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function aiPageFor(path: string): ReactNode {
  const page = aiPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <AiPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function automationPageFor(path: string): ReactNode {
  const page = automationPageOf(path);
  if (!page) return null;
  return (
    <PageGate page={page}>
      <Suspense fallback={<p className="state-message">Loading…</p>}>
        <AutomationPages path={path} />
      </Suspense>
    </PageGate>
  );
}

function pageFor(path: string): ReactNode {
  if (path === '/') return <StatusPage />;
  const plant = plantPageFor(path);
  if (plant) return plant;
  const telemetry = telemetryPageFor(path);
  if (telemetry) return telemetry;
  const analytics = analyticsPageFor(path);
  if (analytics) return analytics;
  const inspection = inspectionPageFor(path);
  if (inspection) return inspection;
  const supply = supplyPageFor(path);
  if (supply) return supply;
  const ai = aiPageFor(path);
  if (ai) return ai;
  const automation = automationPageFor(path);
  if (automation) return automation;
  const module = findModule(path);
  if (module) return <ModulePage key={module.path} module={module} />;
  if (path === '/admin') return <AdminHome />;
  const admin: [GuardedPageInfo, ReactNode][] = [
    [USERS_PAGE, <UsersPage key="users" />],
    [API_KEYS_PAGE, <ApiKeysPage key="api-keys" />],
    [AUDIT_LOG_PAGE, <AuditLogPage key="audit-log" />],
    [CUSTOMERS_PAGE, <CustomersPage key="customers" />],
  ];
  for (const [page, element] of admin) {
    if (page.path === path) return <PageGate page={page}>{element}</PageGate>;
  }
  const customerId = CUSTOMER_PATH.exec(path)?.[1];
  if (customerId) {
    return (
      <PageGate page={CUSTOMERS_PAGE}>
        <CustomerPage key={customerId} id={decodeURIComponent(customerId)} />
      </PageGate>
    );
  }
  return <NotFoundPage path={path} />;
}

/** The signed-in frame: navigation, user menu and the page; sends visitors without a session to sign in. */
function Frame({ path }: { path: string }) {
  const signedIn = useSession() !== null;
  const mustSignIn = !signedIn && !PUBLIC_PATHS.has(path);

  useEffect(() => {
    if (!mustSignIn) return;
    // After "Sign out" the page left behind is not where the next person wants to land.
    const back = `${path}${window.location.search}`;
    const to = lastEndReason() === 'signedOut' ? '/login' : `/login?next=${encodeURIComponent(back)}`;
    navigate(to, { replace: true });
  }, [mustSignIn, path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Sidebar currentPath={path} />
      <main id="main" className="content" tabIndex={-1}>
        {mustSignIn ? null : pageFor(path)}
      </main>
    </div>
  );
}

export function App() {
  const path = usePathname();
  const shownPath = useRef(path);

  // After in-app navigation (not on first load), move focus to the new page
  // heading so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    window.scrollTo(0, 0);
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [path]);

  if (path === '/login') return <LoginPage />;
  if (path === '/accept-invitation') return <AcceptInvitationPage />;
  return <Frame path={path} />;
}
