import { type ReactNode, useEffect } from 'react';

export const PAGE_HEADING_ID = 'page-heading';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · PlantIntel`;
  }, [title]);

  return (
    <div className="page-header">
      <div>
        {/* tabIndex lets the app move focus here after in-app navigation. */}
        <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
          {title}
        </h1>
        <p className="page-description">{description}</p>
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
