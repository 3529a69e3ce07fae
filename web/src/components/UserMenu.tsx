import { useEffect, useId, useRef, useState } from 'react';
import { useMe } from '../auth/hooks';
import { signOut } from '../auth/session';
import type { Me } from '../auth/types';
import { navigate } from '../router';
import { ErrorNotice } from './ErrorNotice';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function roleLabel(me: Me): string {
  const parts = [me.role ? capitalise(me.role) : null, me.platformRole ? 'Platform superadmin' : null];
  return parts.filter(Boolean).join(' · ') || 'No role';
}

function organisationOf(me: Me): string {
  if (me.tenant) return me.tenant.name;
  return me.platformRole ? 'Platform administration' : 'No organisation';
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase());
  return (letters.length > 1 ? `${letters[0]}${letters.at(-1)}` : (letters[0] ?? '?')).slice(0, 2);
}

/** Who is signed in (name, organisation, role) and the way out. */
export function UserMenu() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const handleSignOut = async () => {
    setSigningOut(true);
    await signOut();
    navigate('/login');
  };

  const data = me.data;
  const name = data?.user.name ?? (me.isError ? 'Your account' : 'Loading…');

  return (
    <div className="user-menu" ref={root} data-testid="user-menu">
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="avatar" aria-hidden="true">
          {data ? initials(data.user.name) : '…'}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name" data-testid="user-name">
            {name}
          </span>
          {data ? (
            <span className="user-menu-org" data-testid="user-organisation">
              {organisationOf(data)}
            </span>
          ) : null}
        </span>
      </button>
      {open ? (
        <div className="user-menu-panel" id={panelId}>
          {data ? (
            <dl className="user-facts">
              <div>
                <dt>Signed in as</dt>
                <dd>{data.user.email}</dd>
              </div>
              <div>
                <dt>Organisation</dt>
                <dd>{organisationOf(data)}</dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd data-testid="user-role">{roleLabel(data)}</dd>
              </div>
            </dl>
          ) : null}
          {me.isError ? <ErrorNotice error={me.error} title="Could not load your profile" /> : null}
          <button
            type="button"
            className="button button-secondary user-menu-sign-out"
            onClick={handleSignOut}
            disabled={signingOut}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
