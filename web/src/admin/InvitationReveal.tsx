import type { ReactNode } from 'react';
import { SecretReveal, SecretValue } from '../components/SecretReveal';
import { formatDateTime } from '../format';
import type { Invitation } from './api';

/** The address the invited person opens; the page there accepts the token. */
export function invitationLink(token: string): string {
  return `${window.location.origin}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** An invitation link (and its token) right after it was made: the server never shows it again. */
export function InvitationReveal({
  title,
  invitation,
  note,
  onDismiss,
}: {
  title: string;
  invitation: Invitation;
  /** Said after how the link is used, e.g. that older links stopped working. */
  note?: ReactNode;
  onDismiss: () => void;
}) {
  return (
    <SecretReveal
      title={title}
      warning="Send this link to them now: it will not be shown again."
      onDismiss={onDismiss}
    >
      <p data-testid="invitation-how">
        They accept it with the PlantIntel account they already have, or by choosing a password if they are
        new to PlantIntel.
      </p>
      <SecretValue
        label="Invitation link"
        copyLabel="Copy link"
        value={invitationLink(invitation.token)}
        testId="invitation-link"
      />
      <SecretValue
        label="Invitation token"
        copyLabel="Copy token"
        value={invitation.token}
        testId="invitation-token"
      />
      <p className="muted">
        Valid until {formatDateTime(invitation.expiresAt)}.{note ? <> {note}</> : null}
      </p>
    </SecretReveal>
  );
}
