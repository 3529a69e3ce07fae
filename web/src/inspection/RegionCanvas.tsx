// The drawing surface of the region editor: the camera's image with every region of the set drawn
// over it. While a region is being drawn, a click adds a point and clicking the first point (or
// Enter) closes it; points of the selected region can be dragged, or moved with the arrow keys and
// removed with Delete once focused.
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import { clampPoint, type Point, type RegionDraft } from './region-draft';

/** Handle radius and label size in screen pixels. */
const HANDLE_PX = 9;
const LABEL_PX = 14;
/** Arrow keys move a point by this share of the image (with Shift, four times as far). */
const KEY_STEP = 0.005;

const COLOURS = {
  inspect: '#38bdf8',
  ignore: '#e2e8f0',
  selected: '#facc15',
  error: '#f87171',
};

export function RegionCanvas({
  imageUrl,
  imageAlt,
  width,
  height,
  drafts,
  selectedKey,
  invalidKeys,
  selectedPoint,
  onSelect,
  onSelectPoint,
  onPolygon,
}: {
  imageUrl: string | null;
  imageAlt: string;
  /** The image's size in pixels (the surface keeps its proportions). */
  width: number;
  height: number;
  drafts: readonly RegionDraft[];
  selectedKey: string | null;
  /** Regions whose outline the server refused. */
  invalidKeys: ReadonlySet<string>;
  selectedPoint: number | null;
  onSelect: (key: string) => void;
  onSelectPoint: (index: number | null) => void;
  onPolygon: (key: string, polygon: Point[], closed: boolean) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [shownWidth, setShownWidth] = useState(width);
  const drag = useRef<{ pointerId: number; index: number; moved: boolean } | null>(null);
  const selected = drafts.find((d) => d.key === selectedKey);
  const drawing = selected !== undefined && !selected.closed;
  // Sizes in image pixels that look the same on screen at any display size.
  const unit = width / Math.max(1, shownWidth);

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setShownWidth(element.clientWidth || width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);

  const pointAt = (event: { clientX: number; clientY: number }): Point => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return [0, 0];
    return clampPoint([(event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height]);
  };

  const addPoint = (event: PointerEvent<SVGRectElement>) => {
    if (event.button !== 0) return;
    if (!drawing || !selected) {
      onSelectPoint(null);
      return;
    }
    onPolygon(selected.key, [...selected.polygon, pointAt(event)], false);
    onSelectPoint(selected.polygon.length);
  };

  const startDrag = (index: number) => (event: PointerEvent<SVGCircleElement>) => {
    if (event.button !== 0 || !selected) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, index, moved: false };
    onSelectPoint(index);
  };
  const moveDrag = (event: PointerEvent<SVGCircleElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId || !selected) return;
    current.moved = true;
    const polygon = selected.polygon.map((p, i) => (i === current.index ? pointAt(event) : p));
    onPolygon(selected.key, polygon, selected.closed);
  };
  const endDrag = () => {
    const current = drag.current;
    drag.current = null;
    // A click (no drag) on the first point closes an outline being drawn.
    if (
      current &&
      !current.moved &&
      current.index === 0 &&
      drawing &&
      selected &&
      selected.polygon.length >= 3
    )
      onPolygon(selected.key, selected.polygon, true);
  };

  const pointKeys = (index: number) => (event: KeyboardEvent<SVGCircleElement>) => {
    if (!selected) return;
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const moves: Record<string, Point> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      const polygon = selected.polygon.map((p, i) =>
        i === index ? clampPoint([p[0] + move[0], p[1] + move[1]]) : p,
      );
      onPolygon(selected.key, polygon, selected.closed);
    } else if (
      (event.key === 'Delete' || event.key === 'Backspace') &&
      (!selected.closed || selected.polygon.length > 3)
    ) {
      onPolygon(
        selected.key,
        selected.polygon.filter((_, i) => i !== index),
        selected.closed,
      );
      onSelectPoint(null);
    } else if (event.key === 'Enter' && drawing && selected.polygon.length >= 3) {
      onPolygon(selected.key, selected.polygon, true);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const scaled = (polygon: readonly Point[]) =>
    polygon.map(([x, y]) => `${x * width},${y * height}`).join(' ');

  return (
    <div className="region-canvas" style={{ aspectRatio: `${width} / ${height}` }} data-drawing={drawing}>
      {imageUrl ? (
        <img src={imageUrl} alt={imageAlt} draggable={false} />
      ) : (
        <p className="camera-image-placeholder">No image from this camera yet: draw on the blank frame.</p>
      )}
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        className={drawing ? 'region-svg is-drawing' : 'region-svg'}
        data-testid="region-canvas"
        aria-label={drawing ? 'Drawing surface: click to add points' : 'Regions of this camera'}
      >
        {/* The surface that takes the clicks; the outline list and form offer the same actions by keyboard. */}
        <rect x={0} y={0} width={width} height={height} fill="transparent" onPointerDown={addPoint} />
        {drafts.map((draft) => {
          const isSelected = draft.key === selectedKey;
          const colour = invalidKeys.has(draft.key)
            ? COLOURS.error
            : isSelected
              ? COLOURS.selected
              : COLOURS[draft.kind];
          const [lx, ly] = draft.polygon[0] ?? [0, 0];
          return (
            <g key={draft.key} data-region={draft.name}>
              {draft.closed ? (
                <polygon
                  points={scaled(draft.polygon)}
                  fill={colour}
                  fillOpacity={draft.kind === 'ignore' ? 0.3 : 0.12}
                  stroke={colour}
                  strokeWidth={isSelected ? 3 : 2}
                  strokeDasharray={draft.kind === 'ignore' ? '8 5' : undefined}
                  vectorEffect="non-scaling-stroke"
                  className={drawing ? 'region-shape' : 'region-shape is-selectable'}
                  // While drawing, clicks inside other regions add points too.
                  pointerEvents={drawing ? 'none' : undefined}
                  onPointerDown={(event) => {
                    if (drawing || event.button !== 0) return;
                    event.stopPropagation();
                    onSelect(draft.key);
                  }}
                />
              ) : (
                <polyline
                  points={scaled(draft.polygon)}
                  fill="none"
                  stroke={colour}
                  strokeWidth={3}
                  vectorEffect="non-scaling-stroke"
                  pointerEvents="none"
                />
              )}
              {draft.polygon.length > 0 ? (
                <text
                  x={lx * width + 6 * unit}
                  y={ly * height + (LABEL_PX + 6) * unit}
                  fontSize={LABEL_PX * unit}
                  className="region-label"
                  pointerEvents="none"
                >
                  {draft.name}
                </text>
              ) : null}
            </g>
          );
        })}
        {selected
          ? selected.polygon.map(([x, y], index) => (
              // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the handle takes its role, focus and keys
              <circle
                // Points have no identity but their place in the outline.
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is what a point is
                key={index}
                cx={x * width}
                cy={y * height}
                r={(index === 0 && drawing ? HANDLE_PX * 1.4 : HANDLE_PX) * unit}
                className={index === selectedPoint ? 'region-handle is-selected' : 'region-handle'}
                role="button"
                tabIndex={0}
                aria-label={`Point ${index + 1} of ${selected.name}${index === 0 && drawing ? ' (click to close the outline)' : ''}: arrow keys move it, Delete removes it`}
                data-testid={`region-point-${index}`}
                onPointerDown={startDrag(index)}
                onPointerMove={moveDrag}
                onPointerUp={endDrag}
                onPointerCancel={() => {
                  drag.current = null;
                }}
                onKeyDown={pointKeys(index)}
                onFocus={() => onSelectPoint(index)}
              />
            ))
          : null}
      </svg>
    </div>
  );
}
