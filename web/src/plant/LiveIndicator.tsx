// Whether plant updates are flowing live, for the header of live pages.
import { useConnectionState } from '../realtime';

export function LiveIndicator() {
  const { status, reconnectAt } = useConnectionState();
  const [label, title] =
    status === 'open'
      ? ['Live', 'Changes on the lines are pushed as they happen.']
      : status === 'connecting'
        ? ['Connecting…', 'Opening the live connection.']
        : reconnectAt !== null
          ? ['Reconnecting…', 'The live connection was lost; the page reloads its data once it is back.']
          : ['Offline', 'No live connection: reload the page to see the latest state.'];
  const tone = reconnectAt !== null && status === 'closed' ? 'lost' : status;
  return (
    <span
      className={`live-indicator live-${tone}`}
      title={title}
      data-testid="realtime-state"
      data-status={status}
    >
      <span className="live-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
