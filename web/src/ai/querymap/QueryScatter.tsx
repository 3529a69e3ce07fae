// The query map's drawing: every cached query at its 2-D place, coloured by cluster, sized by the
// requests that reached it, with each cluster's name at its centre. One image to assistive
// technology (its summary names the clusters); the cluster table says the same in text.
import type { QueryCluster, QueryPoint } from '../api';

export const CLUSTER_COLORS = [
  '#0369a1',
  '#b45309',
  '#15803d',
  '#7c3aed',
  '#b91c1c',
  '#0f766e',
  '#a21caf',
  '#4d7c0f',
  '#c2410c',
  '#1d4ed8',
  '#be185d',
  '#475569',
];

export const clusterColor = (cluster: number) =>
  CLUSTER_COLORS[((cluster % CLUSTER_COLORS.length) + CLUSTER_COLORS.length) % CLUSTER_COLORS.length] ??
  '#475569';

const SIZE = 560;
const PAD = 36;
const toScreen = (v: number) => PAD + ((v + 1) / 2) * (SIZE - 2 * PAD);

export function QueryScatter({
  points,
  clusters,
}: {
  points: readonly QueryPoint[];
  clusters: readonly QueryCluster[];
}) {
  const most = Math.max(1, ...points.map((p) => p.requests));
  const summary =
    `${points.length} queries in ${clusters.length} clusters: ` +
    clusters
      .slice(0, 6)
      .map((c) => `${c.label} (${c.queries})`)
      .join(', ') +
    (clusters.length > 6 ? ', …' : '.');
  return (
    <div className="ai-map-wrap">
      <svg
        className="ai-map"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Query map: ${summary}`}
        data-testid="query-scatter"
        data-points={points.length}
      >
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#f8fafc" rx={8} />
        <line x1={SIZE / 2} y1={PAD / 2} x2={SIZE / 2} y2={SIZE - PAD / 2} stroke="#e2e8f0" />
        <line x1={PAD / 2} y1={SIZE / 2} x2={SIZE - PAD / 2} y2={SIZE / 2} stroke="#e2e8f0" />
        {points.map((p) => (
          <circle
            key={p.entryId}
            cx={toScreen(p.x)}
            cy={toScreen(-p.y)}
            r={3 + 6 * Math.sqrt(p.requests / most)}
            fill={clusterColor(p.cluster)}
            fillOpacity={0.65}
            stroke="#ffffff"
            strokeWidth={0.8}
            data-testid="query-point"
            data-cluster={p.cluster}
          >
            <title>{`${p.text} (${p.requests} requests, ${p.hits} cache hits)`}</title>
          </circle>
        ))}
        {clusters.map((c) => (
          <text
            key={c.id}
            x={toScreen(c.x)}
            y={toScreen(-c.y) - 10}
            textAnchor="middle"
            fontSize={12}
            fontWeight={700}
            fill="#0f172a"
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {c.label.slice(0, 28)}
          </text>
        ))}
      </svg>
      <ul className="ai-map-legend" aria-label="Clusters by colour">
        {clusters.map((c) => (
          <li key={c.id}>
            <span className="ai-swatch" style={{ background: clusterColor(c.id) }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
