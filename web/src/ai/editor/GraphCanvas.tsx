// A pipeline's graph drawn in SVG: nodes at their positions, connections as arrows. In the editor a
// node is selected by click or keyboard (Enter), moved by dragging or the arrow keys, and connected
// by pressing its output port then the node to connect to. Nodes with problems are outlined red.
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import type { NodeType, PipelineGraph, PipelineNode } from '../api';
import { extent, NODE_HEIGHT, NODE_TYPE_LABEL, NODE_WIDTH, placed } from './graph';

const TYPE_COLOR: Record<NodeType, string> = {
  input: '#475569',
  retrieve: '#0369a1',
  cache: '#15803d',
  guard: '#b45309',
  model: '#7c3aed',
  postprocess: '#0f766e',
  output: '#475569',
};

const MOVE_STEP = 10;

function edgePath(from: PipelineNode, to: PipelineNode): string {
  const x1 = (from.position?.x ?? 0) + NODE_WIDTH;
  const y1 = (from.position?.y ?? 0) + NODE_HEIGHT / 2;
  const x2 = to.position?.x ?? 0;
  const y2 = (to.position?.y ?? 0) + NODE_HEIGHT / 2;
  const bend = Math.max(30, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

function NodeBox({ node, problems, selected }: { node: PipelineNode; problems: number; selected: boolean }) {
  const color = TYPE_COLOR[node.type] ?? '#475569';
  return (
    <>
      <rect
        width={NODE_WIDTH}
        height={NODE_HEIGHT}
        rx={8}
        fill="#ffffff"
        stroke={problems > 0 ? '#b91c1c' : selected ? '#0f172a' : color}
        strokeWidth={problems > 0 || selected ? 3 : 1.5}
        strokeDasharray={problems > 0 ? '6 3' : undefined}
      />
      <rect width={6} height={NODE_HEIGHT} rx={3} fill={color} />
      <text x={14} y={22} fontSize={13} fontWeight={600} fill="#0f172a">
        {(node.label || node.id).slice(0, 20)}
      </text>
      <text x={14} y={41} fontSize={11} fill="#475569">
        {NODE_TYPE_LABEL[node.type] ?? node.type}
        {problems > 0 ? ` · ${problems} problem${problems === 1 ? '' : 's'}` : ''}
      </text>
    </>
  );
}

/** The drawing alone, for pages that show a graph without editing it. */
export function GraphView({ graph, label }: { graph: PipelineGraph; label: string }) {
  const g = placed(graph);
  const { width, height } = extent(g);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const order = g.connections.map((c) => `${c.from} → ${c.to}`).join(', ');
  return (
    // Focusable so that keyboard users can scroll a graph wider than the screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="ai-graph-scroll" tabIndex={0} aria-label={label}>
      <svg
        className="ai-graph"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: ${g.nodes.length} nodes; ${order || 'no connections'}.`}
        data-testid="graph-view"
      >
        <ArrowMarker />
        {g.connections.map((c) => {
          const from = byId.get(c.from);
          const to = byId.get(c.to);
          return from && to ? (
            <path key={`${c.from}>${c.to}`} d={edgePath(from, to)} className="ai-edge" />
          ) : null;
        })}
        {g.nodes.map((n) => (
          <g key={n.id} transform={`translate(${n.position?.x ?? 0},${n.position?.y ?? 0})`}>
            <NodeBox node={n} problems={0} selected={false} />
          </g>
        ))}
      </svg>
    </section>
  );
}

function ArrowMarker() {
  return (
    <defs>
      <marker
        id="ai-arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto"
      >
        <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
      </marker>
    </defs>
  );
}

export function GraphCanvas({
  graph,
  selected,
  problems,
  onSelect,
  onMove,
  onConnect,
}: {
  graph: PipelineGraph;
  selected: string | null;
  /** Problem count per node id. */
  problems: ReadonlyMap<string, number>;
  onSelect: (id: string | null) => void;
  onMove: (id: string, x: number, y: number) => void;
  onConnect: (from: string, to: string) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: string; dx: number; dy: number; moved: boolean } | null>(null);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const { width, height } = extent(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));

  const point = (event: PointerEvent) => {
    const rect = svg.current?.getBoundingClientRect();
    const scale = rect && rect.width > 0 ? width / rect.width : 1;
    return { x: (event.clientX - (rect?.left ?? 0)) * scale, y: (event.clientY - (rect?.top ?? 0)) * scale };
  };

  const activate = (id: string) => {
    if (connectFrom && connectFrom !== id) {
      onConnect(connectFrom, id);
      setConnectFrom(null);
      onSelect(id);
      return;
    }
    setConnectFrom(null);
    onSelect(id);
  };

  const onKey = (node: PipelineNode) => (event: KeyboardEvent) => {
    const { x = 0, y = 0 } = node.position ?? {};
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-MOVE_STEP, 0],
      ArrowRight: [MOVE_STEP, 0],
      ArrowUp: [0, -MOVE_STEP],
      ArrowDown: [0, MOVE_STEP],
    };
    const move = moves[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(node.id);
    } else if (event.key === 'Escape') {
      setConnectFrom(null);
    } else if (move) {
      event.preventDefault();
      onMove(node.id, x + move[0], y + move[1]);
    }
  };

  return (
    <div className="ai-graph-scroll">
      <p className="ai-graph-hint" aria-live="polite" data-testid="graph-hint">
        {connectFrom
          ? `Choose the node ${byId.get(connectFrom)?.label || connectFrom} should lead to (Escape cancels).`
          : 'Select a node to edit it; drag it or use the arrow keys to move it; press its right-hand port, then another node, to connect them.'}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: the SVG drawing groups its node buttons; a fieldset cannot hold SVG */}
      <svg
        ref={svg}
        className="ai-graph ai-graph-editable"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        aria-label="Pipeline graph"
        role="group"
        data-testid="graph-canvas"
        onPointerMove={(event) => {
          const d = drag.current;
          if (!d) return;
          const p = point(event);
          d.moved = true;
          onMove(d.id, p.x - d.dx, p.y - d.dy);
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        <ArrowMarker />
        {graph.connections.map((c) => {
          const from = byId.get(c.from);
          const to = byId.get(c.to);
          return from && to ? (
            <path
              key={`${c.from}>${c.to}`}
              d={edgePath(from, to)}
              className="ai-edge"
              data-testid="graph-edge"
              data-from={c.from}
              data-to={c.to}
            />
          ) : null;
        })}
        {graph.nodes.map((n) => {
          const count = problems.get(n.id) ?? 0;
          const { x = 0, y = 0 } = n.position ?? {};
          const name = n.label || n.id;
          return (
            <g key={n.id}>
              {/* biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, focus and keys of one */}
              <g
                role="button"
                tabIndex={0}
                aria-pressed={selected === n.id}
                aria-label={`${name}, ${NODE_TYPE_LABEL[n.type] ?? n.type}${count > 0 ? `, ${count} problems` : ''}`}
                transform={`translate(${x},${y})`}
                className="ai-node"
                data-testid="graph-node"
                data-node-id={n.id}
                data-problems={count}
                onKeyDown={onKey(n)}
                onPointerDown={(event) => {
                  const p = point(event);
                  drag.current = { id: n.id, dx: p.x - x, dy: p.y - y, moved: false };
                  (event.target as Element).setPointerCapture?.(event.pointerId);
                }}
                onClick={() => activate(n.id)}
              >
                <NodeBox node={n} problems={count} selected={selected === n.id} />
              </g>
              {n.type !== 'output' ? (
                // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, focus and keys of one
                <circle
                  role="button"
                  tabIndex={0}
                  aria-label={`Connect from ${name}`}
                  aria-pressed={connectFrom === n.id}
                  cx={x + NODE_WIDTH}
                  cy={y + NODE_HEIGHT / 2}
                  r={7}
                  className={connectFrom === n.id ? 'ai-port ai-port-active' : 'ai-port'}
                  data-testid="graph-port"
                  data-node-id={n.id}
                  onClick={() => setConnectFrom(connectFrom === n.id ? null : n.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      setConnectFrom(connectFrom === n.id ? null : n.id);
                    }
                  }}
                />
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
