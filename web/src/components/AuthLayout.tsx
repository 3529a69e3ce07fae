import { type ReactNode, useEffect } from 'react';
import { Link } from '../router';
import { PAGE_HEADING_ID } from './PageHeader';

/** The frame of the pages used before signing in: a centred card under the brand. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · PlantIntel`;
  }, [title]);

  return (
    <main id="main" className="auth-screen">
      <div className="auth-card">
        <p className="auth-brand">
          <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="#1e293b" />
            <path d="M7 23V13l6 4v-4l6 4V9h6v14z" fill="#38bdf8" />
          </svg>
          <span>PlantIntel</span>
        </p>
        <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
      <p className="auth-footer">
        <Link to="/">System status</Link>
        <span aria-hidden="true"> · </span>
        <a href="/docs">API reference</a>
      </p>
    </main>
  );
}
