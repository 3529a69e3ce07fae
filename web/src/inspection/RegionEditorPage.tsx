// The region editor of one camera: its newest image as the background, the regions of a set drawn
// and edited on it, their rules, a preview of the recent images' verdicts by the unsaved regions,
// and saving (each change a new region version). Analysts and admins save; anyone may try.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Link } from '../router';
import { DEFAULT_REGION_SET, inspectionApi, inspectionKeys, type Region } from './api';
import { KIND_LABEL, SEVERITY_LABEL } from './format';
import { useCamera, useImageUrl, useInspectionRights, useParts, useRegions } from './hooks';
import { gridPath, imagePath } from './paths';
import { RegionCanvas } from './RegionCanvas';
import { RegionForm } from './RegionForm';
import { RegionPreview } from './RegionPreview';
import {
  changeCount,
  changesOf,
  draftOf,
  formProblems,
  newDraft,
  type Point,
  type RegionDraft,
  regionInput,
} from './region-draft';

const BACKGROUND = { defects: true, regions: false };

/** Whether the server refused a region's outline (rather than its rules). */
const outlineRefused = (error: unknown) =>
  error instanceof ApiError &&
  Array.isArray(error.details) &&
  error.details.some((d: { path?: unknown }) => typeof d.path === 'string' && d.path.includes('polygon'));

export function RegionEditorPage({ serialNumber }: { serialNumber: string }) {
  const queryClient = useQueryClient();
  const found = useCamera(serialNumber);
  const camera = found.data?.camera;
  const latest = found.data?.latest?.image;
  const regions = useRegions(camera?.id);
  const parts = useParts();
  const rights = useInspectionRights();
  const background = useImageUrl(
    latest?.id ?? null,
    latest ? Math.min(latest.width, 2048) : undefined,
    BACKGROUND,
  );

  const [drafts, setDrafts] = useState<RegionDraft[] | null>(null);
  const [regionSet, setRegionSet] = useState(DEFAULT_REGION_SET);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [selectedPoint, setSelectedPoint] = useState<number | null>(null);
  const [saveErrors, setSaveErrors] = useState<Map<string, unknown>>(new Map());
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ version: number; changes: number } | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);

  useEffect(() => {
    if (regions.data && drafts === null) setDrafts(regions.data.items.map(draftOf));
  }, [regions.data, drafts]);

  const all = drafts ?? [];
  const shown = all.filter((d) => d.regionSet === regionSet);
  const selected = shown.find((d) => d.key === selectedKey);
  const drawing = selected !== undefined && !selected.closed;
  const savedRegions: Region[] = regions.data?.items ?? [];
  const pending = changesOf(savedRegions, all);
  const sets = [
    ...new Set([
      DEFAULT_REGION_SET,
      ...all.map((d) => d.regionSet),
      ...(parts.data?.items ?? []).map((p) => p.regionSet),
    ]),
  ];

  const update = (draft: RegionDraft) => {
    setDrafts((current) => (current ?? []).map((d) => (d.key === draft.key ? draft : d)));
    setSaved(null);
  };
  const setPolygon = (key: string, polygon: Point[], closed: boolean) => {
    const draft = all.find((d) => d.key === key);
    if (draft) update({ ...draft, polygon, closed });
  };
  const select = (key: string | null) => {
    setSelectedKey(key);
    setSelectedPoint(null);
  };
  const addRegion = () => {
    const draft = newDraft(regionSet, shown);
    setDrafts([...all, draft]);
    select(draft.key);
  };
  const removeRegion = (key: string) => {
    setDrafts(all.filter((d) => d.key !== key));
    select(null);
  };
  const removePoint = () => {
    if (!selected || selectedPoint === null) return;
    setPolygon(
      selected.key,
      selected.polygon.filter((_, i) => i !== selectedPoint),
      selected.closed,
    );
    setSelectedPoint(null);
  };

  // Enter closes the outline being drawn; Escape stops drawing (closing it from 3 points, else dropping it).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (!selected || (target && ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName))) return;
    if (event.key === 'Enter' && selected.polygon.length >= 3)
      setPolygon(selected.key, selected.polygon, true);
    else if (event.key === 'Escape' && selected.polygon.length >= 3)
      setPolygon(selected.key, selected.polygon, true);
    else if (event.key === 'Escape') removeRegion(selected.key);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    if (!drawing) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [drawing]);

  const preview = useMutation({
    mutationFn: () => inspectionApi.previewRegions(camera?.id ?? '', shown.map(regionInput)),
  });
  /** Whether `drafts` can be sent; if not, says which need fixing. */
  const ready = (drafts: readonly RegionDraft[]) => {
    const unfinished = drafts.filter((d) => Object.keys(formProblems(d)).length > 0);
    setBlocked(
      unfinished.length > 0
        ? `Fix the marked fields first: ${unfinished.map((d) => d.name || 'unnamed region').join(', ')}.`
        : null,
    );
    return unfinished.length === 0;
  };

  const save = async () => {
    if (!camera || saving || !ready(all)) return;
    setSaving(true);
    const errors = new Map<string, unknown>();
    let version: number | null = null;
    let done = 0;
    const working = [...all];
    const attempt = async (key: string, send: () => Promise<number | null>) => {
      try {
        version = (await send()) ?? version;
        done += 1;
      } catch (error) {
        errors.set(key, error);
      }
    };
    for (const region of pending.remove)
      await attempt(region.id, async () => {
        await inspectionApi.deleteRegion(region.id);
        return null;
      });
    for (const draft of pending.update)
      await attempt(draft.key, async () => {
        const answer = await inspectionApi.replaceRegion(draft.id ?? '', draft.regionSet, regionInput(draft));
        return answer.version;
      });
    for (const draft of pending.create)
      await attempt(draft.key, async () => {
        const answer = await inspectionApi.createRegion(camera.id, draft.regionSet, regionInput(draft));
        // Saved now: a retry after another region failed must not create it twice.
        const index = working.findIndex((d) => d.key === draft.key);
        working[index] = { ...draft, id: answer.region.id };
        return answer.version;
      });
    const fresh = await regions.refetch();
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.camera(serialNumber) });
    setSaveErrors(errors);
    if (errors.size === 0 && fresh.data) {
      setDrafts(fresh.data.items.map(draftOf));
      const chosen = working.find((d) => d.key === selectedKey);
      select(chosen?.id ?? null);
    } else setDrafts(working);
    if (done > 0) setSaved({ version: version ?? fresh.data?.version ?? 0, changes: done });
    setSaving(false);
  };

  const nameOf = (key: string) =>
    all.find((d) => d.key === key)?.name ?? savedRegions.find((r) => r.id === key)?.name ?? 'A region';
  const invalid = new Set([...saveErrors].filter(([, e]) => outlineRefused(e)).map(([key]) => key));
  const title = camera ? `Regions of ${camera.name} (${camera.serialNumber})` : `Regions of ${serialNumber}`;

  return (
    <>
      <PageHeader
        title={title}
        description="Draw where the rules apply and where indications are ignored, set each region's acceptance rules, preview what they would say about the recent images, then save: every save is a new region version."
        actions={
          <>
            <Link to={gridPath(camera?.stationId)} className="button button-secondary">
              Back to the cameras
            </Link>
            {latest ? (
              <Link to={imagePath(latest.id)} className="button button-secondary">
                Newest image
              </Link>
            ) : null}
          </>
        }
      />
      {found.isPending ? <p className="state-message">Loading the camera…</p> : null}
      {found.isError ? <ErrorNotice error={found.error} title="Could not load the camera" /> : null}
      {regions.isError ? <ErrorNotice error={regions.error} title="Could not load the regions" /> : null}
      {camera && drafts ? (
        <div className="region-layout">
          <section className="card region-drawing" aria-labelledby="drawing-heading">
            <div className="region-toolbar">
              <h2 id="drawing-heading">Outlines</h2>
              <SelectField
                id="region-set"
                label="Region set"
                value={regionSet}
                onChange={setRegionSet}
                narrow
              >
                {sets.map((set) => (
                  <option key={set} value={set}>
                    {set}
                  </option>
                ))}
              </SelectField>
              <span className="region-version" data-testid="region-version">
                Saved version {regions.data?.version ?? '—'}
              </span>
            </div>
            <p className="field-hint" aria-live="polite">
              {drawing
                ? 'Click on the image to add points; click the first point or press Enter to close the outline, Escape to stop.'
                : 'Select a region to edit its points, or add one.'}
            </p>
            <RegionCanvas
              imageUrl={background.url}
              imageAlt={`Newest image of ${camera.serialNumber}, under the regions`}
              width={latest?.width ?? camera.width}
              height={latest?.height ?? camera.height}
              drafts={shown}
              selectedKey={selectedKey}
              invalidKeys={invalid}
              selectedPoint={selectedPoint}
              onSelect={select}
              onSelectPoint={setSelectedPoint}
              onPolygon={setPolygon}
            />
            {selected && invalid.has(selected.key) ? (
              <ErrorNotice
                error={saveErrors.get(selected.key)}
                title={`The outline of ${nameOf(selected.key)} was refused`}
              />
            ) : null}
            <div className="region-actions">
              <button type="button" className="button" onClick={addRegion} disabled={drawing}>
                New region
              </button>
              {drawing && selected && selected.polygon.length >= 3 ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => setPolygon(selected.key, selected.polygon, true)}
                >
                  Close outline
                </button>
              ) : null}
              <button
                type="button"
                className="button button-secondary"
                onClick={removePoint}
                disabled={
                  !selected || selectedPoint === null || (selected.closed && selected.polygon.length <= 3)
                }
              >
                Delete point
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => selected && removeRegion(selected.key)}
                disabled={!selected}
              >
                Delete region
              </button>
            </div>
          </section>
          <section className="card region-side" aria-labelledby="regions-heading">
            <h2 id="regions-heading">Regions ({shown.length})</h2>
            {shown.length === 0 ? (
              <p className="state-message">No regions in this set: images pass unjudged.</p>
            ) : null}
            <ul className="region-list">
              {shown.map((draft) => (
                <li key={draft.key}>
                  <button
                    type="button"
                    className={draft.key === selectedKey ? 'region-item is-selected' : 'region-item'}
                    aria-pressed={draft.key === selectedKey}
                    onClick={() => select(draft.key)}
                    disabled={drawing && draft.key !== selectedKey}
                  >
                    <span>{draft.name || 'Unnamed'}</span>
                    <span className="muted">
                      {KIND_LABEL[draft.kind]} · {SEVERITY_LABEL[draft.severity]}
                      {draft.id ? '' : ' · new'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {selected ? (
              <RegionForm
                key={selected.key}
                draft={selected}
                onChange={update}
                saveError={invalid.has(selected.key) ? undefined : saveErrors.get(selected.key)}
              />
            ) : null}
            {[...saveErrors]
              .filter(([key]) => key !== selectedKey)
              .map(([key, error]) => (
                <ErrorNotice key={key} error={error} title={`${nameOf(key)} was not saved`} />
              ))}
          </section>
          <section className="card region-save" aria-labelledby="save-heading">
            <h2 id="save-heading">Preview and save</h2>
            <p className="field-hint">
              {changeCount(pending) === 0
                ? 'No unsaved changes.'
                : `Unsaved: ${pending.create.length} new, ${pending.update.length} changed, ${pending.remove.length} removed.`}
            </p>
            <div className="region-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => ready(shown) && preview.mutate()}
                disabled={preview.isPending || drawing}
              >
                {preview.isPending ? 'Judging…' : 'Preview on recent images'}
              </button>
              {rights.analyze ? (
                <button
                  type="button"
                  className="button"
                  onClick={save}
                  disabled={saving || drawing || changeCount(pending) === 0}
                >
                  {saving ? 'Saving…' : 'Save regions'}
                </button>
              ) : (
                <p className="state-message">
                  Analysts and administrators save regions; you can try changes and preview them.
                </p>
              )}
            </div>
            {blocked ? <p className="field-problem">{blocked}</p> : null}
            {saved ? (
              <p className="notice notice-success" role="status" data-testid="region-saved">
                Saved {saved.changes} change{saved.changes === 1 ? '' : 's'}: region version {saved.version}.
                Parts from now on are judged by it; earlier verdicts keep their version.
              </p>
            ) : null}
            {preview.isError ? (
              <ErrorNotice error={preview.error} title="Could not preview these regions" />
            ) : null}
            {preview.data ? <RegionPreview items={preview.data.items} /> : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
