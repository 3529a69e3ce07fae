// The Node flags and environment defaults `npm start` gives the server: package.json's start
// script is the one place they are written. Plain JavaScript, so the launcher can read them on an
// older system Node too.
import { readFileSync } from 'node:fs';

function startWords() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.scripts.start.split(/\s+/);
}

/** The `--` words between `node` and `src/main.ts` in package.json's start script. */
export function startFlags() {
  const words = startWords();
  return words
    .slice(words.indexOf('node') + 1, words.indexOf('src/main.ts'))
    .filter((w) => w.startsWith('--'));
}

/**
 * The variables the start script sets before `node` as `NAME=${NAME:-value}` (a default the
 * caller's environment overrides): name → value.
 */
export function startEnv() {
  const words = startWords();
  const env = {};
  for (const word of words.slice(0, words.indexOf('node'))) {
    const match = /^([A-Z_][A-Z0-9_]*)=\$\{\1:-([^}]*)\}$/.exec(word);
    if (!match) throw new Error(`package.json's start script: ${word} is not NAME=\${NAME:-value}`);
    env[match[1]] = match[2];
  }
  return env;
}
