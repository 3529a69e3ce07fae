// A radiograph large, with zoom (wheel, buttons, + and −) and pan (drag), the server's overlays
// switched on and off, and the selected defect ringed on top so it can be found at any zoom.
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import type { Defect, InspectionImage, Overlay } from './api';
import { useImageUrl } from './hooks';

const MIN_SCALE = 1;
const MAX_SCALE = 8;
const STEP = 1.5;
/** Widest variant asked for: enough to zoom into the demo and most panel images at full detail. */
const MAX_WIDTH = 2048;

interface View {
  scale: number;
  x: number;
  y: number;
}

const FIT: View = { scale: 1, x: 0, y: 0 };

/** Keeps the stage covering the frame: no empty margin shows while panning. */
function clamp(view: View, width: number, height: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
  const minX = width - width * scale;
  const minY = height - height * scale;
  return { scale, x: Math.min(0, Math.max(minX, view.x)), y: Math.min(0, Math.max(minY, view.y)) };
}

/** `view` zoomed by `factor` around the frame point (px, py), which stays where it is. */
function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

export interface ViewerControls {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
}

export function ImageViewer({
  image,
  label,
  overlay,
  selected,
  controls,
}: {
  image: InspectionImage;
  /** What the image shows, for screen readers. */
  label: string;
  overlay: Overlay;
  selected: Defect | undefined;
  /** Filled with the zoom actions, for the page's keyboard shortcuts. */
  controls?: { current: ViewerControls | null };
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(FIT);
  const drag = useRef<{ id: number; x: number; y: number; view: View } | null>(null);
  const rendered = useImageUrl(image.id, Math.min(image.width, MAX_WIDTH), overlay);

  const size = () => ({ width: frame.current?.clientWidth ?? 1, height: frame.current?.clientHeight ?? 1 });
  const apply = (next: (view: View) => View) =>
    setView((current) => {
      const { width, height } = size();
      return clamp(next(current), width, height);
    });
  const zoomCentre = (factor: number) => {
    const { width, height } = size();
    apply((v) => zoomAt(v, factor, width / 2, height / 2));
  };
  const actions: ViewerControls = {
    zoomIn: () => zoomCentre(STEP),
    zoomOut: () => zoomCentre(1 / STEP),
    fit: () => setView(FIT),
  };
  if (controls) controls.current = actions;

  // React listens to wheel passively; zooming must keep the page from scrolling.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = event.deltaY < 0 ? 1.2 : 1 / 1.2;
      setView((v) =>
        clamp(zoomAt(v, factor, event.clientX - box.left, event.clientY - box.top), box.width, box.height),
      );
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  // A defect chosen while zoomed in is brought to the middle.
  useEffect(() => {
    if (!selected) return;
    setView((v) => {
      if (v.scale === 1 || !frame.current) return v;
      const { clientWidth: width, clientHeight: height } = frame.current;
      const cx = (selected.cx / image.width) * width * v.scale;
      const cy = (selected.cy / image.height) * height * v.scale;
      return clamp({ scale: v.scale, x: width / 2 - cx, y: height / 2 - cy }, width, height);
    });
  }, [selected, image.width, image.height]);

  const ring = selected
    ? {
        x: selected.bbox.x - 6,
        y: selected.bbox.y - 6,
        w: selected.bbox.w + 12,
        h: selected.bbox.h + 12,
      }
    : null;

  return (
    <div className="viewer">
      <div className="viewer-controls">
        <button
          type="button"
          className="button button-secondary"
          onClick={actions.zoomIn}
          aria-keyshortcuts="+"
        >
          Zoom in
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={actions.zoomOut}
          aria-keyshortcuts="-"
        >
          Zoom out
        </button>
        <button type="button" className="button button-secondary" onClick={actions.fit} aria-keyshortcuts="0">
          Fit
        </button>
        <span className="viewer-zoom" data-testid="viewer-zoom">
          {Math.round(view.scale * 100)} %
        </span>
      </div>
      <div
        ref={frame}
        className={view.scale > 1 ? 'viewer-frame is-zoomed' : 'viewer-frame'}
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
        data-testid="viewer-frame"
        onPointerDown={(event) => {
          if (event.button !== 0 || view.scale === 1) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, view };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start || start.id !== event.pointerId) return;
          apply(() => ({
            ...start.view,
            x: start.view.x + event.clientX - start.x,
            y: start.view.y + event.clientY - start.y,
          }));
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onPointerCancel={() => {
          drag.current = null;
        }}
      >
        <div
          className="viewer-stage"
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        >
          {rendered.url ? (
            <img src={rendered.url} alt={label} draggable={false} data-testid="viewer-image" />
          ) : (
            <span className="camera-image-placeholder">Loading the image…</span>
          )}
          {ring ? (
            <svg
              className="viewer-marks"
              viewBox={`0 0 ${image.width} ${image.height}`}
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect
                x={ring.x}
                y={ring.y}
                width={ring.w}
                height={ring.h}
                rx={4}
                fill="none"
                stroke="#facc15"
                strokeWidth={3}
                vectorEffect="non-scaling-stroke"
              />
            </svg>
          ) : null}
        </div>
      </div>
      {rendered.error ? <ErrorNotice error={rendered.error} title="Could not load the image" /> : null}
    </div>
  );
}
