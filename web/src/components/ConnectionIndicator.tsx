import { useConnectionState } from '../realtime';

/** What the indicator says, in the words of the page it stands on. */
export interface ConnectionWording {
  /** The title while connected. */
  open: string;
  /** The title while reconnecting after the connection was lost. */
  reconnecting: string;
  /** Label and title while there is no connection and none is being opened. */
  closed: readonly [label: string, title: string];
}

/** Whether live updates flow over the realtime connection. */
export function ConnectionIndicator({ wording }: { wording: ConnectionWording }) {
  const { status, reconnectAt } = useConnectionState();
  const [label, title] =
    status === 'open'
      ? ['Live', wording.open]
      : status === 'connecting'
        ? ['Connecting…', 'Opening the live connection.']
        : reconnectAt !== null
          ? ['Reconnecting…', wording.reconnecting]
          : wording.closed;
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
