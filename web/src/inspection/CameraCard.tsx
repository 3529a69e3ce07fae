// One camera of the grid: its newest image with the defects and regions drawn on it, the verdict in
// large type, the part it belongs to, when, and how many defects; the image opens its review.
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Link } from '../router';
import type { Camera, ImageWithDefects } from './api';
import { formatTime } from './format';
import { useImageUrl, useInspectionRights, useTrigger } from './hooks';
import { imagePath, regionsPath } from './paths';
import { VerdictBadge } from './VerdictBadge';

/** Widths the cards ask for, so that cards of about the same size share the rendered variant. */
const WIDTH_STEP = 160;
const MAX_WIDTH = 2048;

/** The element's width in device pixels, rounded up to a step (undefined until measured). */
function useRenderWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const pixels = element.clientWidth * (window.devicePixelRatio || 1);
      if (pixels <= 0) return;
      setWidth(Math.min(MAX_WIDTH, Math.ceil(pixels / WIDTH_STEP) * WIDTH_STEP));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const OVERLAY = { defects: true, regions: true };

export function CameraCard({ camera, latest }: { camera: Camera; latest: ImageWithDefects | undefined }) {
  const image = latest?.image;
  const { ref, width } = useRenderWidth();
  const rendered = useImageUrl(image && width ? image.id : null, width, OVERLAY);
  const trigger = useTrigger(image?.triggerId).data?.trigger;
  const rights = useInspectionRights();
  const headingId = `camera-${camera.id}-heading`;
  const defects = image?.defectCount ?? 0;
  const description = image
    ? `Newest image of ${camera.name} (${camera.serialNumber})${trigger ? `, part ${trigger.partSerial}` : ''}: ${image.verdict === 'pass' ? 'pass' : 'fail'}, ${defects} defect${defects === 1 ? '' : 's'}`
    : '';

  return (
    <article
      className="card camera-card"
      aria-labelledby={headingId}
      data-testid={`camera-card-${camera.serialNumber}`}
      data-image-id={image?.id ?? ''}
    >
      <div className="camera-card-head">
        <h3 id={headingId}>
          {camera.name} <span className="camera-serial">{camera.serialNumber}</span>
        </h3>
        {camera.status !== 'online' ? <span className="badge badge-warn">{camera.status}</span> : null}
      </div>
      <div
        ref={ref}
        className="camera-image"
        style={{ aspectRatio: `${image?.width ?? camera.width} / ${image?.height ?? camera.height}` }}
      >
        {image ? (
          <Link to={imagePath(image.id)} className="camera-image-link" data-testid="camera-image-link">
            {rendered.url ? (
              <img src={rendered.url} alt={description} data-testid="camera-image" data-image-id={image.id} />
            ) : (
              <span className="camera-image-placeholder">Loading the image…</span>
            )}
          </Link>
        ) : (
          <p className="camera-image-placeholder" data-testid="camera-no-image">
            No image yet: it appears as soon as a part passes.
          </p>
        )}
      </div>
      {rendered.error ? <ErrorNotice error={rendered.error} title="Could not load the image" /> : null}
      {image ? (
        <div className="camera-card-verdict">
          <VerdictBadge verdict={image.verdict} testId="camera-verdict" />
          <dl className="camera-facts">
            <div>
              <dt>Part</dt>
              <dd data-testid="camera-part-serial">{trigger?.partSerial ?? '…'}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>
                <time dateTime={image.capturedAt}>{formatTime(image.capturedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Defects</dt>
              <dd data-testid="camera-defect-count">{defects}</dd>
            </div>
          </dl>
        </div>
      ) : null}
      <div className="camera-card-actions">
        {image ? (
          <Link to={imagePath(image.id)} className="button camera-action">
            Review<span className="visually-hidden"> the image of {camera.serialNumber}</span>
          </Link>
        ) : null}
        <Link to={regionsPath(camera.serialNumber)} className="button button-secondary camera-action">
          {rights.analyze ? 'Edit regions' : 'Regions'}
          <span className="visually-hidden"> of {camera.serialNumber}</span>
        </Link>
      </div>
    </article>
  );
}
