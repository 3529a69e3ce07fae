/** The `--` words between `node` and `src/main.ts` in package.json's start script. */
export function startFlags(): string[];
