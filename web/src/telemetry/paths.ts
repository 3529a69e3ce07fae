// Addresses of the telemetry pages, kept apart from the pages themselves (which load on demand).
import {
  type GuardedPageInfo,
  TELEMETRY_ALARMS_PAGE,
  TELEMETRY_IMPORT_PAGE,
  TELEMETRY_PAGES,
  TELEMETRY_SENSORS_PAGE,
} from '../modules';

export const SENSOR_PATH = /^\/telemetry\/sensors\/([^/]+)$/;

/** Address of a sensor's page in the dashboard. */
export const sensorPath = (sensorId: string) => `/telemetry/sensors/${encodeURIComponent(sensorId)}`;

/** The sensor id in a sensor page's address, or null. */
export function sensorIdOf(path: string): string | null {
  const id = SENSOR_PATH.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** The telemetry page `path` is (a sensor's page counts as the sensors list's), or undefined. */
export function telemetryPageOf(path: string): GuardedPageInfo | undefined {
  const page = TELEMETRY_PAGES.find((p) => p.path === path);
  if (page) return page;
  return SENSOR_PATH.test(path) ? TELEMETRY_SENSORS_PAGE : undefined;
}

export { TELEMETRY_ALARMS_PAGE, TELEMETRY_IMPORT_PAGE, TELEMETRY_SENSORS_PAGE };
