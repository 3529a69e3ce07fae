// The review of one image: the radiograph large with zoom, pan and overlays; its defects to
// disposition one by one (buttons or keys); the part's verdict and disposition; the part's history
// and the station's recent parts. Live: changes by others on this camera show at once.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { Link, navigate, useSearchParam } from '../router';
import type { Defect, DefectDisposition, Overlay } from './api';
import { DefectPanel, DISPOSITION_KEYS } from './DefectPanel';
import { DISPOSITION_LABEL } from './format';
import {
  useCameraLive,
  useCameras,
  useDisposeDefect,
  useImageMeta,
  useInspectionRights,
  useRegions,
  useSettings,
  useTrigger,
} from './hooks';
import { ImageViewer, type ViewerControls } from './ImageViewer';
import { PartPanel } from './PartPanel';
import { gridPath, imagePath, regionsPath } from './paths';
import { TriggerTable } from './TriggerTable';

/** Names of the regions an image was judged by (its verdict keeps them, even of regions since removed). */
function judgedRegionNames(detail: Record<string, unknown>): Map<string, string> {
  const names = new Map<string, string>();
  const regions = Array.isArray(detail.regions) ? detail.regions : [];
  for (const region of regions as { regionId?: unknown; name?: unknown }[])
    if (typeof region.regionId === 'string' && typeof region.name === 'string')
      names.set(region.regionId, region.name);
  return names;
}

/** Keys typed into a form control are the control's. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const SHORTCUTS: readonly [string, string][] = [
  ...DISPOSITION_KEYS.map(({ key, label }): [string, string] => [key.toUpperCase(), label]),
  ['J / ↓', 'Next defect'],
  ['K / ↑', 'Previous defect'],
  ['+ / −', 'Zoom in / out'],
  ['0', 'Fit the image'],
];

export function ImagePage({ id }: { id: string }) {
  const meta = useImageMeta(id);
  const image = meta.data?.image;
  const defects = meta.data?.defects ?? [];
  const trigger = useTrigger(image?.triggerId);
  const stationId = trigger.data?.trigger.stationId;
  const cameras = useCameras(stationId);
  const regions = useRegions(image?.cameraId);
  const settings = useSettings();
  const rights = useInspectionRights();
  const dispose = useDisposeDefect();
  useCameraLive(image?.cameraId);

  const [overlay, setOverlay] = useState<Overlay>({ defects: true, regions: true });
  const wanted = useSearchParam('defect');
  const [selectedId, setSelectedId] = useState<string | null>(wanted);
  const [note, setNote] = useState('');
  const [said, setSaid] = useState('');
  const viewer = useRef<ViewerControls | null>(null);

  const selected: Defect | undefined =
    defects.find((d) => d.id === selectedId) ??
    defects.find((d) => d.disposition === 'pending') ??
    defects[0];
  const cameraById = new Map((cameras.data?.items ?? []).map((c) => [c.id, c]));
  const camera = image ? cameraById.get(image.cameraId) : undefined;
  const regionNames = new Map([
    ...(regions.data?.items ?? []).map((r): [string, string] => [r.id, r.name]),
    ...judgedRegionNames(image?.verdictDetail ?? {}),
  ]);

  const select = (defectId: string) => {
    setSelectedId(defectId);
    navigate(imagePath(id, defectId), { replace: true });
  };
  const move = (step: number) => {
    if (!selected || defects.length === 0) return;
    const next = defects[(defects.indexOf(selected) + step + defects.length) % defects.length];
    if (next) select(next.id);
  };
  const disposeSelected = (disposition: DefectDisposition) => {
    if (!selected || !rights.operate || dispose.isPending) return;
    const number = defects.indexOf(selected) + 1;
    dispose.mutate(
      { defectId: selected.id, disposition, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          setSaid(`Defect ${number}: ${DISPOSITION_LABEL[disposition]}.`);
          // On to the next defect still waiting for a disposition, if any.
          const after = [...defects.slice(number), ...defects.slice(0, number - 1)];
          const next = after.find((d) => d.disposition === 'pending');
          if (next) select(next.id);
        },
      },
    );
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key.toLowerCase();
    const disposition = DISPOSITION_KEYS.find((d) => d.key === key)?.disposition;
    if (disposition) disposeSelected(disposition);
    else if (key === 'j' || key === 'arrowdown') move(1);
    else if (key === 'k' || key === 'arrowup') move(-1);
    else if (key === '+' || key === '=') viewer.current?.zoomIn();
    else if (key === '-') viewer.current?.zoomOut();
    else if (key === '0') viewer.current?.fit();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const title = camera ? `${camera.name} (${camera.serialNumber})` : 'Image review';
  const label = image
    ? `Radiograph from ${camera?.serialNumber ?? 'the camera'}, ${image.verdict === 'pass' ? 'passed' : 'failed'}, ${defects.length} defects${overlay.defects ? ', defects outlined' : ''}${overlay.regions ? ', regions drawn' : ''}`
    : '';

  return (
    <>
      <PageHeader
        title={title}
        description="Review the image: zoom in on each defect and give it a disposition; decide what happens to the part."
        actions={
          <>
            <Link to={gridPath(stationId)} className="button button-secondary">
              Back to the cameras
            </Link>
            {camera ? (
              <Link to={regionsPath(camera.serialNumber)} className="button button-secondary">
                Regions of {camera.serialNumber}
              </Link>
            ) : null}
          </>
        }
      />
      {meta.isPending ? <p className="state-message">Loading the image…</p> : null}
      {meta.isError ? <ErrorNotice error={meta.error} title="Could not load the image" /> : null}
      {image ? (
        <div className="review-layout">
          <section className="card review-image" aria-labelledby="image-heading">
            <h2 id="image-heading" className="visually-hidden">
              Image
            </h2>
            <fieldset className="overlay-toggles">
              <legend>Overlays</legend>
              {(['defects', 'regions'] as const).map((part) => (
                <label key={part} className="choice">
                  <input
                    type="checkbox"
                    checked={overlay[part]}
                    onChange={(event) => setOverlay({ ...overlay, [part]: event.target.checked })}
                  />
                  {part === 'defects' ? 'Defects' : 'Regions'}
                </label>
              ))}
            </fieldset>
            <ImageViewer
              image={image}
              label={label}
              overlay={overlay}
              selected={selected}
              controls={viewer}
            />
            <p className="muted">
              Judged by region version {image.regionVersion} · {image.width} × {image.height} px,{' '}
              {image.bitDepth}-bit
            </p>
          </section>
          <section className="card review-defects" aria-labelledby="defects-heading">
            <h2 id="defects-heading">Defects ({defects.length})</h2>
            {settings.data?.secondReview ? (
              <p className="muted">
                Second review is on: a rejection waits for a second person to confirm it.
              </p>
            ) : null}
            <DefectPanel
              defects={defects}
              selected={selected}
              onSelect={select}
              regionNames={regionNames}
              rights={rights}
              note={note}
              onNote={setNote}
              onDispose={disposeSelected}
              disposing={dispose.isPending}
              disposeError={dispose.error}
            />
            <p className="visually-hidden" aria-live="polite" data-testid="disposition-said">
              {said}
            </p>
            <details className="shortcuts" open>
              <summary>Keyboard shortcuts</summary>
              <dl className="shortcut-list">
                {SHORTCUTS.map(([keys, what]) => (
                  <div key={keys}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </section>
        </div>
      ) : null}
      {trigger.isError ? <ErrorNotice error={trigger.error} title="Could not load the part" /> : null}
      {trigger.data && image ? (
        <PartPanel
          detail={trigger.data}
          imageId={image.id}
          cameras={cameraById}
          canDispose={rights.operate}
        />
      ) : null}
      {trigger.data ? (
        <>
          <section className="card" aria-labelledby="part-history-heading">
            <h2 id="part-history-heading">History of part {trigger.data.trigger.partSerial}</h2>
            <TriggerTable
              query={{ partSerial: trigger.data.trigger.partSerial, limit: 20 }}
              caption="Every inspection of this part"
              empty="No other inspection of this part."
              currentId={trigger.data.trigger.id}
              testId="part-history"
            />
          </section>
          <section className="card" aria-labelledby="station-history-heading">
            <h2 id="station-history-heading">Recent parts at this station</h2>
            <TriggerTable
              query={{ stationId: trigger.data.trigger.stationId, limit: 10 }}
              caption="Parts judged last at this station"
              empty="No parts yet."
              currentId={trigger.data.trigger.id}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
