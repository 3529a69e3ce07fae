// Whether plant updates are flowing live, for the header of live pages.
import { ConnectionIndicator, type ConnectionWording } from '../components/ConnectionIndicator';

const PLANT_WORDING: ConnectionWording = {
  open: 'Changes on the lines are pushed as they happen.',
  reconnecting: 'The live connection was lost; the page reloads its data once it is back.',
  closed: ['Offline', 'No live connection: reload the page to see the latest state.'],
};

export function LiveIndicator() {
  return <ConnectionIndicator wording={PLANT_WORDING} />;
}
