import type { Config } from '../../config.ts';
import type { Executor } from '../../platform/db/database.ts';
import { insertAttempt, lockAttemptKeys, succeededFrom, unsuccessfulSince } from './login-attempts.repo.ts';

// Brute force stays hard without handing anyone a lockout button:
// - one address gets a few tries per email (per (email, address) pair), then 429 for that pair only;
// - one address gets more tries across emails, then 429 — except for people who signed in from that
//   address before (colleagues behind the same proxy keep working);
// - an email attacked from many addresses is slowed down (a delay that doubles with each failure,
//   capped), never blocked: its owner's right password still works, from anywhere.

export type LoginLimitSettings = Pick<
  Config,
  | 'loginMaxFailuresPerEmail'
  | 'loginMaxFailuresPerIp'
  | 'loginWindowSeconds'
  | 'loginSlowdownAfter'
  | 'loginMaxDelayMs'
>;

export type Reservation =
  | { attemptId: number; delayMs: number; failuresOfEmail: number }
  | { refused: 'email_and_address' | 'address'; retryAfterSeconds: number };

const KNOWN_ADDRESS_DAYS = 30;
const FIRST_DELAY_MS = 250;

/** The delay before checking a password of an email with `failures` recent failures. */
export function slowdownMs(failures: number, settings: LoginLimitSettings): number {
  const over = failures - settings.loginSlowdownAfter;
  if (over < 0) return 0;
  return Math.min(settings.loginMaxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 20));
}

/**
 * Reserves a sign-in attempt before any password is checked, under a lock per email and per
 * address: attempts in flight count as failures until they succeed, so parallel requests cannot
 * slip past a limit together.
 */
export async function reserveAttempt(
  tx: Executor,
  email: string,
  ip: string,
  settings: LoginLimitSettings,
): Promise<Reservation> {
  const now = Date.now();
  const windowMs = settings.loginWindowSeconds * 1000;
  const since = new Date(now - windowMs);
  const retryAfter = (oldest: Date | null) => ((oldest?.getTime() ?? now) + windowMs - now) / 1000;
  await lockAttemptKeys(tx, email, ip);

  const pair = await unsuccessfulSince(tx, { email, ip }, since);
  if (pair.count >= settings.loginMaxFailuresPerEmail) {
    return { refused: 'email_and_address', retryAfterSeconds: retryAfter(pair.oldest) };
  }
  const address = await unsuccessfulSince(tx, { ip }, since);
  if (address.count >= settings.loginMaxFailuresPerIp) {
    const known = await succeededFrom(tx, email, ip, new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000));
    if (!known) return { refused: 'address', retryAfterSeconds: retryAfter(address.oldest) };
  }
  const ofEmail = await unsuccessfulSince(tx, { email }, since);
  const attemptId = await insertAttempt(tx, email, ip);
  return { attemptId, delayMs: slowdownMs(ofEmail.count, settings), failuresOfEmail: ofEmail.count };
}
