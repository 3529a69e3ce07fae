// Whether sensor readings and alarms are flowing live, for the header of the telemetry pages.
import { ConnectionIndicator, type ConnectionWording } from '../components/ConnectionIndicator';

const TELEMETRY_WORDING: ConnectionWording = {
  open: 'New readings and alarms are pushed as they arrive.',
  reconnecting: 'The live connection was lost; the page reloads its data once it is back.',
  closed: ['Offline', 'No live connection: reload the page to see the latest readings.'],
};

export function TelemetryLiveIndicator() {
  return <ConnectionIndicator wording={TELEMETRY_WORDING} />;
}
