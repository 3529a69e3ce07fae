// The station's HMI: every camera with its newest image and verdict, refreshed as parts pass (live
// on `station:<id>`), the part the station inspects, and the parts judged last.
import { ConnectionIndicator, type ConnectionWording } from '../components/ConnectionIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Link, navigate, useSearchParam } from '../router';
import { CameraCard } from './CameraCard';
import { CurrentPartCard } from './CurrentPartCard';
import { useCameras, useLatestImages, useStationLive, useStations } from './hooks';
import { gridPath, INSPECTION_CAMERAS_PAGE, INSPECTION_STATISTICS_PAGE } from './paths';
import { TriggerTable } from './TriggerTable';

const WORDING: ConnectionWording = {
  open: 'New images and verdicts are pushed as parts pass.',
  reconnecting: 'The live connection was lost; the page reloads its images once it is back.',
  closed: ['Offline', 'No live connection: reload the page to see the newest images.'],
};

/** Parts listed under the cameras. */
const RECENT_PARTS = 10;

function StationCameras({ stationId }: { stationId: string }) {
  const cameras = useCameras(stationId);
  const latest = useLatestImages(stationId);
  useStationLive(stationId);
  const byCamera = new Map((latest.data?.items ?? []).map((item) => [item.image.cameraId, item]));
  const items = cameras.data?.items ?? [];

  return (
    <>
      <CurrentPartCard key={stationId} stationId={stationId} />
      <section className="camera-section" aria-labelledby="cameras-heading">
        <h2 id="cameras-heading" className="visually-hidden">
          Cameras
        </h2>
        {cameras.isPending ? <p className="state-message">Loading cameras…</p> : null}
        {cameras.isError ? <ErrorNotice error={cameras.error} title="Could not load the cameras" /> : null}
        {latest.isError ? (
          <ErrorNotice error={latest.error} title="Could not load the newest images" />
        ) : null}
        {cameras.data && items.length === 0 ? (
          <p className="state-message card">
            This station has no cameras yet. An administrator registers them.
          </p>
        ) : null}
        <div className="camera-grid" data-testid="camera-grid">
          {items.map((camera) => (
            <CameraCard key={camera.id} camera={camera} latest={byCamera.get(camera.id)} />
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="recent-parts-heading">
        <h2 id="recent-parts-heading">Recent parts</h2>
        <TriggerTable
          query={{ stationId, limit: RECENT_PARTS }}
          caption="Parts judged last at this station"
          empty="No part has passed this station yet."
          testId="recent-parts"
        />
      </section>
    </>
  );
}

export function CameraGridPage() {
  const stations = useStations();
  const chosen = useSearchParam('station');
  const items = stations.data?.items ?? [];
  const station = items.find((s) => s.id === chosen) ?? items[0];

  return (
    <>
      <PageHeader
        title={INSPECTION_CAMERAS_PAGE.title}
        description={INSPECTION_CAMERAS_PAGE.description}
        actions={<ConnectionIndicator wording={WORDING} />}
      />
      {stations.isPending ? <p className="state-message">Loading stations…</p> : null}
      {stations.isError ? <ErrorNotice error={stations.error} title="Could not load the stations" /> : null}
      {stations.data && items.length === 0 ? (
        <section className="card" aria-label="No stations">
          <p className="state-message" data-testid="stations-empty">
            No inspection stations yet. An administrator creates them and registers their cameras through the
            API (POST /api/v1/inspection/stations, /cameras).
          </p>
        </section>
      ) : null}
      {station ? (
        <>
          <div className="toolbar inspection-toolbar">
            <SelectField
              id="inspection-station"
              label="Station"
              value={station.id}
              onChange={(id) => navigate(gridPath(id), { replace: true })}
            >
              {items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <Link to={`${INSPECTION_STATISTICS_PAGE.path}?station=${encodeURIComponent(station.id)}`}>
              Statistics of this station
            </Link>
          </div>
          <StationCameras key={station.id} stationId={station.id} />
        </>
      ) : null}
    </>
  );
}
