/** Simple 20×20 stroke icons for the navigation, keyed by module path. Decorative only. */
const PATHS: Record<string, string> = {
  '/': 'M3 10h3l2-5 4 10 2-5h3',
  '/plant': 'M3 17V9l4 3V9l4 3V5h6v12z',
  '/telemetry': 'M3 14l4-4 3 3 7-7M13 6h4v4',
  '/analytics': 'M4 17V11M9 17V6M14 17v-8M3 17h14',
  '/inspection': 'M9 15a6 6 0 1 1 0-12 6 6 0 0 1 0 12zM13.5 13.5 17 17M6.5 9l2 2 3.5-3.5',
  '/supply': 'M2 6h10v8H2zM12 9h3l3 3v2h-6zM5 17a1.5 1.5 0 1 0 0-.01M15 17a1.5 1.5 0 1 0 0-.01',
  '/pipelines': 'M5 4a2 2 0 1 0 0 .01M5 6v8M15 12a2 2 0 1 0 0 .01M5 10c0-2 10-2 10 2M5 16a2 2 0 1 0 0 .01',
  '/admin': 'M10 2l7 3v5c0 4-3 7-7 8-4-1-7-4-7-8V5z',
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
