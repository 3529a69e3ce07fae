// A chart with its text equivalents: a one-sentence summary, an image label, and a data table.
import type { ReactNode } from 'react';

export const CHART_COLORS = {
  oee: '#0369a1',
  availability: '#15803d',
  performance: '#b45309',
  quality: '#7c3aed',
  minutes: '#0ea5e9',
  cumulative: '#b91c1c',
  grid: '#e5eaf0',
  axis: '#5b6678',
};

/** How every chart draws its axes. */
export const AXIS_STYLE = { stroke: CHART_COLORS.axis, fontSize: 12 };

export function ChartCard({
  id,
  title,
  summary,
  chart,
  table,
  tableVisible = false,
  empty,
  level = 2,
}: {
  id: string;
  title: string;
  /** What the chart shows, in words: read by screen readers in place of the drawing. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  /** Show the table beside the chart instead of behind a "Data table" toggle. */
  tableVisible?: boolean;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | null;
  /** The heading's level: 3 for a chart inside a section of the page. */
  level?: 2 | 3;
}) {
  const headingId = `${id}-heading`;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section className="card chart-card" aria-labelledby={headingId} data-testid={id}>
      <Heading id={headingId}>{title}</Heading>
      {empty ? (
        <p className="state-message" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          <p className="chart-summary" data-testid={`${id}-summary`}>
            {summary}
          </p>
          {/* The drawing is one image to assistive technology; the summary and the table say what it shows. */}
          <div className="chart" role="img" aria-label={`${title}: ${summary}`}>
            <div aria-hidden="true">{chart}</div>
          </div>
          {tableVisible ? (
            table
          ) : (
            <details className="chart-data">
              <summary>Data table</summary>
              {table}
            </details>
          )}
        </>
      )}
    </section>
  );
}
