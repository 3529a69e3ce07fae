import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum recommendation).
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verifying against this when the email is unknown makes both failures take the same time.
let decoy: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`; a missing hash costs the same time and is false.
 * A stored hash the verifier cannot read throws: that is a fault to see, not a wrong password.
 */
export async function checkPassword(passwordHash: string | null | undefined, password: string) {
  if (!passwordHash) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password);
}
