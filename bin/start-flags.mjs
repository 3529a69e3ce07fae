// The Node flags `npm start` gives the server: package.json's start script is the one place they
// are written. Plain JavaScript, so the launcher can read them on an older system Node too.
import { readFileSync } from 'node:fs';

/** The `--` words between `node` and `src/main.ts` in package.json's start script. */
export function startFlags() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf('src/main.ts')).filter((w) => w.startsWith('--'));
}
