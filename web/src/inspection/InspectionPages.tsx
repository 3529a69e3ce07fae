// The inspection pages, loaded together when one of them is first opened (see App.tsx).
import { CameraGridPage } from './CameraGridPage';
import { ImagePage } from './ImagePage';
import './inspection.css';
import { INSPECTION_STATISTICS_PAGE, imageIdOf, regionsSerialOf, triggerIdOf } from './paths';
import { RegionEditorPage } from './RegionEditorPage';
import { StatisticsPage } from './StatisticsPage';
import { TriggerPage } from './TriggerPage';

function pageFor(path: string) {
  if (path === INSPECTION_STATISTICS_PAGE.path) return <StatisticsPage />;
  const imageId = imageIdOf(path);
  if (imageId) return <ImagePage key={imageId} id={imageId} />;
  const triggerId = triggerIdOf(path);
  if (triggerId) return <TriggerPage key={triggerId} id={triggerId} />;
  const serial = regionsSerialOf(path);
  if (serial) return <RegionEditorPage key={serial} serialNumber={serial} />;
  return <CameraGridPage />;
}

export function InspectionPages({ path }: { path: string }) {
  // The camera grid, an image's review and the region editor take the screen's width.
  const wide = path !== INSPECTION_STATISTICS_PAGE.path;
  return <div className={wide ? 'inspection-wide' : undefined}>{pageFor(path)}</div>;
}
