// The only module that reads process.env. Everything else receives a validated Config.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError, databaseUrl, integer, type Raw } from './config.parsers.ts';
import { type Config, SETTINGS } from './config.settings.ts';

export { ConfigError, LOG_LEVELS, type LogLevel } from './config.parsers.ts';
export { type Config, SETTINGS } from './config.settings.ts';

export const CONFIG_FILE_ENV = 'PLANTINTEL_CONFIG';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export const VERSION = readVersion();

// The YAML parser is loaded only for a configuration file: most processes have none, and loading it
// is a noticeable part of every start (and of every test process).
const requireHere = createRequire(import.meta.url);

function readYaml(file: string): Record<string, Raw> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${CONFIG_FILE_ENV}: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`);
  }
  let doc: unknown;
  try {
    doc = (requireHere('yaml') as typeof import('yaml')).parse(source);
  } catch (err) {
    throw new ConfigError(
      `${CONFIG_FILE_ENV}: ${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(`${CONFIG_FILE_ENV}: ${file} must contain a mapping of settings`);
  }
  const known = new Map<string, string>(SETTINGS.map((s) => [s.key, s.env]));
  for (const s of SETTINGS) known.set(s.env, s.env);
  const out: Record<string, Raw> = {};
  for (const [k, v] of Object.entries(doc)) {
    const env = known.get(k);
    if (!env) throw new ConfigError(`${CONFIG_FILE_ENV}: unknown setting "${k}" in ${file}`);
    out[env] = v as Raw;
  }
  return out;
}

/**
 * Builds the configuration from environment variables, falling back to the YAML file named by
 * PLANTINTEL_CONFIG (keys are either the variable names or their camelCase keys), then defaults.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const configFile = env[CONFIG_FILE_ENV]?.trim() || undefined;
  const fromFile = configFile ? readYaml(path.resolve(configFile)) : {};
  const values: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const raw: Raw = env[setting.env] ?? fromFile[setting.env];
    values[setting.key] = raw === undefined ? setting.fallback() : setting.parse(raw, setting.env);
  }
  return { ...(values as Omit<Config, 'version' | 'configFile'>), version: VERSION, configFile };
}

/** A loggable copy of the configuration: secrets are replaced by "[set]". */
export function describeConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { version: config.version, configFile: config.configFile };
  for (const s of SETTINGS) {
    const value = config[s.key];
    out[s.key] = 'secret' in s && s.secret && value !== undefined ? '[set]' : value;
  }
  return out;
}

/** Settings used by test helpers (which database to test against, which browser to drive). */
export function loadTestSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl: databaseUrl(env.DATABASE_URL ?? '', 'DATABASE_URL'),
    chromiumPath: env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium',
    /** The seed of the property tests (fixed, so every run of `npm test` gives the same verdict). */
    propertySeed: integer(-(2 ** 31), 2 ** 31 - 1)(env.PROPERTY_SEED?.trim() || '20261205', 'PROPERTY_SEED'),
  };
}

/** Where a client on this machine reaches the server: a wildcard HOST becomes localhost. */
export function localServerUrl({ host, port }: Pick<Config, 'host' | 'port'>): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}
