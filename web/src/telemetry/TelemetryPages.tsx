// The telemetry pages, loaded together when one of them is first opened (see App.tsx).
import { AlarmsPage } from './AlarmsPage';
import { ImportPage } from './ImportPage';
import { sensorIdOf, TELEMETRY_ALARMS_PAGE, TELEMETRY_IMPORT_PAGE } from './paths';
import { SensorPage } from './SensorPage';
import { SensorsPage } from './SensorsPage';
import './telemetry.css';

export function TelemetryPages({ path }: { path: string }) {
  if (path === TELEMETRY_ALARMS_PAGE.path) return <AlarmsPage />;
  if (path === TELEMETRY_IMPORT_PAGE.path) return <ImportPage />;
  const sensorId = sensorIdOf(path);
  if (sensorId) return <SensorPage key={sensorId} id={sensorId} />;
  return <SensorsPage />;
}
