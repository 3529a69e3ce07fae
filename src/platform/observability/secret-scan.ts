// Test support: a log destination that notes every line that looks as if it holds a secret, so a
// test suite proves its log output clean (createTestApp routes all its logging through one).
import type { DestinationStream } from 'pino';

/** What our secrets look like when they leak. */
export const SECRET_PATTERNS: Record<string, RegExp> = {
  'a JWT': /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/,
  'an API key': /\bpi_[A-Za-z0-9_-]{20,}/,
  'an argon2 hash': /\$argon2/,
  'a SHA-256 hash (token hashes)': /\b[0-9a-fA-F]{64}\b/,
};

const MAX_SHOWN = 300;

export interface SecretScan {
  destination: DestinationStream;
  /** Throws naming the first offending lines, if any line matched. */
  assertClean(): void;
}

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scans each line for SECRET_PATTERNS and `literals` (e.g. the test password), then hands it to `tee`. */
export function scanLogsForSecrets(literals: string[], tee?: DestinationStream): SecretScan {
  const patterns: [string, RegExp][] = [
    ...Object.entries(SECRET_PATTERNS),
    ...literals.map((l): [string, RegExp] => [`"${l}"`, new RegExp(escapeRegExp(l))]),
  ];
  // One combined test per line; the pattern is named only once a line matched.
  const any = new RegExp(patterns.map(([, p]) => `(?:${p.source})`).join('|'));
  const leaks: string[] = [];
  return {
    destination: {
      write(line: string) {
        if (any.test(line)) {
          const [what] = patterns.find(([, p]) => p.test(line)) ?? ['a secret'];
          const shown = line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN)}…` : line.trimEnd();
          leaks.push(`${what} in: ${shown}`);
        }
        tee?.write(line);
      },
    },
    assertClean() {
      if (leaks.length === 0) return;
      throw new Error(
        `${leaks.length} log line(s) look as if they hold a secret:\n${leaks.slice(0, 3).join('\n')}`,
      );
    },
  };
}
