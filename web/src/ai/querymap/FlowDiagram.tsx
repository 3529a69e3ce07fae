// Flows between sectors (or workspaces): each drawn on a circle, and a band between two of them as
// wide as the traffic they have in common (the requests of the clusters both ask in). The table
// under it lists the same flows in text.
import { DataTable } from '../../components/DataTable';
import type { QueryFlow } from '../api';
import { formatCount, sectorLabel } from '../format';
import { clusterColor } from './QueryScatter';

const SIZE = 420;
const RADIUS = 150;
const CENTER = SIZE / 2;

export function FlowDiagram({ flows, kind }: { flows: readonly QueryFlow[]; kind: 'sector' | 'workspace' }) {
  const names = new Map<string, string>();
  for (const f of flows) {
    names.set(f.from, f.fromName);
    names.set(f.to, f.toName);
  }
  const keys = [...names.keys()].sort();
  const place = new Map(
    keys.map((key, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, keys.length) - Math.PI / 2;
      return [key, { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle), angle }];
    }),
  );
  const most = Math.max(1, ...flows.map((f) => f.requests));
  const label = (key: string) =>
    kind === 'sector' ? sectorLabel(names.get(key) ?? key) : (names.get(key) ?? key);
  const what = kind === 'sector' ? 'sectors' : 'workspaces';
  if (flows.length === 0) {
    return (
      <p className="state-message" data-testid={`flows-empty-${kind}`}>
        No two {what} ask the same kinds of questions yet.
      </p>
    );
  }
  const summary = flows
    .slice(0, 5)
    .map((f) => `${label(f.from)} and ${label(f.to)}: ${formatCount(f.requests)} requests`)
    .join('; ');
  return (
    <div className="ai-flows">
      <svg
        className="ai-flow-diagram"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`Flows between ${what}: ${summary}.`}
        data-testid={`flow-diagram-${kind}`}
      >
        {flows.map((f, i) => {
          const a = place.get(f.from);
          const b = place.get(f.to);
          if (!a || !b) return null;
          return (
            <path
              key={`${f.from}>${f.to}`}
              d={`M${a.x},${a.y} Q${CENTER},${CENTER} ${b.x},${b.y}`}
              fill="none"
              stroke={clusterColor(i)}
              strokeOpacity={0.55}
              strokeWidth={2 + 14 * (f.requests / most)}
              strokeLinecap="round"
              data-testid="flow-band"
            />
          );
        })}
        {keys.map((key) => {
          const p = place.get(key);
          if (!p) return null;
          const right = Math.cos(p.angle) >= 0;
          return (
            <g key={key}>
              <circle cx={p.x} cy={p.y} r={7} fill="#0f172a" />
              <text
                x={p.x + (right ? 12 : -12)}
                y={p.y + 4}
                textAnchor={right ? 'start' : 'end'}
                fontSize={12}
                fill="#0f172a"
              >
                {label(key).slice(0, 22)}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable
        columns={['Between', 'And', 'Shared clusters', 'Requests in common']}
        dense
        caption={`Flows between ${what}`}
      >
        {flows.map((f) => (
          <tr key={`${f.from}>${f.to}`} data-testid="flow-row">
            <th scope="row">{label(f.from)}</th>
            <td>{label(f.to)}</td>
            <td className="numeric">{formatCount(f.sharedClusters)}</td>
            <td className="numeric">{formatCount(f.requests)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
