/** The `--` words between `node` and `src/main.ts` in package.json's start script. */
export function startFlags(): string[];
/** The `NAME=${NAME:-value}` defaults before `node` in package.json's start script: name → value. */
export function startEnv(): Record<string, string>;
