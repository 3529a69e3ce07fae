/** Simple 20×20 stroke icons for the navigation, keyed by module path. Decorative only. */
const PATHS: Record<string, string> = {
  '/': 'M3 10h3l2-5 4 10 2-5h3',
  '/plant': 'M3 17V9l4 3V9l4 3V5h6v12z',
  '/telemetry': 'M3 14l4-4 3 3 7-7M13 6h4v4',
  '/analytics': 'M4 17V11M9 17V6M14 17v-8M3 17h14',
  '/inspection': 'M9 15a6 6 0 1 1 0-12 6 6 0 0 1 0 12zM13.5 13.5 17 17M6.5 9l2 2 3.5-3.5',
  '/supply': 'M2 6h10v8H2zM12 9h3l3 3v2h-6zM5 17a1.5 1.5 0 1 0 0-.01M15 17a1.5 1.5 0 1 0 0-.01',
  '/ai': 'M5 4a2 2 0 1 0 0 .01M5 6v8M15 12a2 2 0 1 0 0 .01M5 10c0-2 10-2 10 2M5 16a2 2 0 1 0 0 .01',
  '/admin/users':
    'M7.5 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M13 3.5a3 3 0 0 1 0 5.5M15 12c1.8.6 3 2.4 3 5',
  '/admin/api-keys': 'M7 13a4 4 0 1 1 0-8 4 4 0 0 1 0 8zM10.5 10.5 18 18M15 15l2-2M13 13l2-2',
  '/admin/audit-log': 'M5 2h8l3 3v13H5zM8 7h5M8 10h5M8 13h3',
  '/admin/customers': 'M3 18V6l7-4 7 4v12M7 18v-5h6v5M7 8h.01M13 8h.01',
};

export function NavIcon({ path }: { path: string }) {
  const d = PATHS[path];
  if (!d) return null;
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
