/**
 * The sign-in of this browser tab: tokens in memory, mirrored to sessionStorage so a reload keeps
 * them (and closing the tab forgets them).
 *
 * Each refresh token works once and presenting a used one ends the whole sign-in, so there is at
 * most one refresh in flight (every caller shares its promise) and the rotated refresh token is
 * stored before anyone can ask for another refresh.
 */
import { ApiError, type Authenticator, request } from '../api';
import type { SessionTokens } from './types';

const STORAGE_KEY = 'plantintel.session';
const TAB_PREFIX = 'plantintel-tab:';
/** Renew this long before the access token expires (at most a quarter of its lifetime). */
const REFRESH_MARGIN_MS = 60_000;
/** A token this close to expiry is renewed before it is sent. */
const MIN_REMAINING_MS = 5_000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Local clock (ms), derived from `expiresIn` so a skewed clock does not matter. */
  expiresAt: number;
  lifetimeMs: number;
  refreshExpiresAt: number;
  /** Which tab owns the session (see `ownedByThisTab`). */
  tab: string;
}

/** Why the last session ended: shown on the sign-in page. */
export type EndReason = 'signedOut' | 'expired';

let current: Session | null = null;
let endReason: EndReason | null = null;
let refreshing: Promise<string | null> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
const identityListeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called when the signed-in person changes (sign-in, sign-out, expiry), not on token renewal. */
export function onIdentityChange(listener: () => void): () => void {
  identityListeners.add(listener);
  return () => identityListeners.delete(listener);
}

export function getSession(): Session | null {
  return current;
}

export function lastEndReason(): EndReason | null {
  return endReason;
}

// sessionStorage is copied into a duplicated tab. Two tabs rotating copies of one refresh token
// would look like token theft to the server and end the sign-in everywhere, so a stored session is
// only taken up by the tab that stored it: window.name survives a reload, but not a new tab.
function ownedByThisTab(session: Session): boolean {
  return window.name === `${TAB_PREFIX}${session.tab}`;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.lifetimeMs === 'number' &&
    typeof s.refreshExpiresAt === 'number' &&
    typeof s.tab === 'string'
  );
}

function save(session: Session | null) {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled or full: the session still lives in memory until the tab reloads.
  }
}

function restore(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const stored: unknown = raw ? JSON.parse(raw) : null;
    if (isSession(stored) && ownedByThisTab(stored) && stored.refreshExpiresAt > Date.now()) return stored;
    if (raw) window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Unreadable storage: start signed out.
  }
  return null;
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!current) return;
  const margin = Math.min(REFRESH_MARGIN_MS, current.lifetimeMs / 4);
  const delay = Math.max(0, current.expiresAt - margin - Date.now());
  refreshTimer = setTimeout(() => {
    // A failure ends the session (401) or is retried on the next request; nothing to report here.
    refresh().catch(() => undefined);
  }, delay);
}

function adopt(tokens: SessionTokens, tab: string) {
  const now = Date.now();
  const lifetimeMs = tokens.expiresIn * 1000;
  const refreshLeftMs = Date.parse(tokens.refreshExpiresAt) - Date.parse(tokens.expiresAt) + lifetimeMs;
  current = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + lifetimeMs,
    lifetimeMs,
    refreshExpiresAt: now + refreshLeftMs,
    tab,
  };
  save(current);
  scheduleRefresh();
  notify();
}

/** A fresh sign-in (login or accepted invitation) replaces whatever this tab had. */
function begin(tokens: SessionTokens) {
  // getRandomValues, unlike randomUUID, also works on plain-HTTP plant networks.
  const tab = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  window.name = `${TAB_PREFIX}${tab}`;
  endReason = null;
  adopt(tokens, tab);
  for (const listener of identityListeners) listener();
}

function end(reason: EndReason) {
  endReason = reason;
  if (!current) return;
  current = null;
  clearTimeout(refreshTimer);
  save(null);
  notify();
  for (const listener of identityListeners) listener();
}

async function rotate(): Promise<string | null> {
  const session = current;
  if (!session) return null;
  try {
    const tokens = await request<SessionTokens>('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: session.refreshToken },
      auth: false,
    });
    // Signed out (or in as someone else) while the refresh was under way: drop its answer.
    if (current !== session) return current?.accessToken ?? null;
    adopt(tokens, session.tab);
    return tokens.accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && current === session) {
      end('expired');
      return null;
    }
    throw error;
  }
}

/** Renews the tokens; concurrent callers share one request. Resolves null when the session is over. */
export function refresh(): Promise<string | null> {
  refreshing ??= rotate().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export const sessionAuthenticator: Authenticator = {
  async accessToken() {
    if (!current) return null;
    if (refreshing || current.expiresAt - Date.now() < MIN_REMAINING_MS) return refresh();
    return current.accessToken;
  },
  async renew(rejected) {
    // Another request already renewed the token the server refused: use the new one.
    if (current && current.accessToken !== rejected && !refreshing) return current.accessToken;
    return refresh();
  },
};

export async function signIn(input: { email: string; password: string }): Promise<void> {
  begin(await request<SessionTokens>('/api/v1/auth/login', { method: 'POST', body: input, auth: false }));
}

/**
 * Accepts an invitation as a person new to PlantIntel, choosing their password. An invitation for an
 * account that already exists is refused with `isSignInRequired`: accept it with `acceptInvitationAs`.
 */
export async function acceptInvitation(input: { token: string; password: string }): Promise<void> {
  begin(
    await request<SessionTokens>('/api/v1/auth/accept-invitation', {
      method: 'POST',
      body: input,
      auth: false,
    }),
  );
}

/** The server's answer to a new-person acceptance of an invitation meant for an existing account. */
export function isSignInRequired(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409 || !Array.isArray(error.details)) return false;
  return error.details.some(
    (detail) => typeof detail === 'object' && detail !== null && detail.message === 'sign_in_required',
  );
}

interface Credential {
  accessToken: string;
  refreshToken: string;
}

/** Ends a sign-in this tab no longer uses; a failure only leaves it to expire. */
function endOnServer({ accessToken, refreshToken }: Credential): void {
  request<void>('/api/v1/auth/logout', {
    method: 'POST',
    body: { refreshToken },
    headers: { authorization: `Bearer ${accessToken}` },
    auth: false,
  }).catch(() => undefined);
}

/**
 * Accepts an invitation with an existing account: the one signed in to this tab, or the one of
 * `credentials` (signed in just for this, without touching the tab's session until it succeeds). The
 * answer, a sign-in to the invitation's organisation, becomes the tab's session; the sign-ins it
 * replaces are ended on the server.
 */
export async function acceptInvitationAs(
  token: string,
  credentials?: { email: string; password: string },
): Promise<void> {
  let used: Credential;
  if (credentials) {
    used = await request<SessionTokens>('/api/v1/auth/login', {
      method: 'POST',
      body: credentials,
      auth: false,
    });
  } else {
    const accessToken = await sessionAuthenticator.accessToken();
    if (!accessToken || !current) throw new Error('You are no longer signed in: sign in to accept.');
    used = { accessToken, refreshToken: current.refreshToken };
  }
  let accepted: SessionTokens;
  try {
    accepted = await request<SessionTokens>('/api/v1/auth/invitations/accept', {
      method: 'POST',
      body: { token },
      headers: { authorization: `Bearer ${used.accessToken}` },
      auth: false,
    });
  } catch (error) {
    if (credentials) endOnServer(used);
    throw error;
  }
  const previous = current;
  begin(accepted);
  if (credentials) endOnServer(used);
  if (previous) endOnServer(previous);
}

/** Ends the sign-in on the server (its refresh tokens stop working) and forgets it here. */
export async function signOut(): Promise<void> {
  try {
    const token = await sessionAuthenticator.accessToken();
    if (token && current) {
      await request<void>('/api/v1/auth/logout', {
        method: 'POST',
        body: { refreshToken: current.refreshToken },
        headers: { authorization: `Bearer ${token}` },
        auth: false,
      });
    }
  } catch {
    // Unreachable server or an already-ended session: forgetting the tokens is what matters here.
  }
  end('signedOut');
}

/** Takes up the session this tab stored before a reload. Call once at start-up. */
export function startSession(): void {
  current = restore();
  scheduleRefresh();
}
