import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time (hashing first so lengths do not leak either). */
export function secureEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
