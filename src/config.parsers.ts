// Parsers for configuration values: each checks one raw value (from the environment or the YAML
// file) and names the variable in its error. config.ts holds the settings that use them.
import { isIP } from 'node:net';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Raised for any invalid setting; the CLI prints the message and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Raw = string | number | boolean | string[] | undefined;

export function text(raw: Raw, name: string): string {
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw).trim();
  throw new ConfigError(`${name} must be a string`);
}

export function integer(min: number, max: number) {
  return (raw: Raw, name: string): number => {
    const s = text(raw, name);
    const n = Number(s);
    if (!/^-?\d+$/.test(s) || n < min || n > max) {
      throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${s}")`);
    }
    return n;
  };
}

/** 0 (the feature off) or an integer between min and max. */
export function offOrInteger(min: number, max: number) {
  const within = integer(min, max);
  return (raw: Raw, name: string): number => {
    if (text(raw, name) === '0') return 0;
    try {
      return within(raw, name);
    } catch {
      throw new ConfigError(
        `${name} must be 0 (off) or an integer between ${min} and ${max} (got "${text(raw, name)}")`,
      );
    }
  };
}

export function decimal(min: number, max: number) {
  return (raw: Raw, name: string): number => {
    const s = text(raw, name);
    const n = Number(s);
    if (!/^\d+(\.\d+)?$/.test(s) || n < min || n > max) {
      throw new ConfigError(`${name} must be a number between ${min} and ${max} (got "${s}")`);
    }
    return n;
  };
}

export function optionalText(raw: Raw, name: string): string | undefined {
  const s = text(raw, name);
  return s === '' ? undefined : s;
}

export function databaseUrl(raw: Raw, name: string): string | undefined {
  const s = optionalText(raw, name);
  if (s === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new ConfigError(`${name} must be a URL like postgres://user@host:5432/db`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must use the postgres:// scheme (got "${url.protocol}")`);
  }
  return s;
}

export function origins(raw: Raw, name: string): string[] {
  const list = Array.isArray(raw) ? raw : text(raw, name).split(',');
  const cleaned = list.map((o) => String(o).trim()).filter((o) => o !== '');
  for (const o of cleaned) {
    if (o === '*') continue;
    try {
      const u = new URL(o);
      if (u.origin !== o.replace(/\/$/, '')) throw new Error('not an origin');
    } catch {
      throw new ConfigError(
        `${name} must be a comma-separated list of origins like https://plant.example.com (got "${o}")`,
      );
    }
  }
  return cleaned.map((o) => o.replace(/\/$/, ''));
}

export function boolean(raw: Raw, name: string): boolean {
  if (typeof raw === 'boolean') return raw;
  const s = text(raw, name).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return true;
  if (['0', 'false', 'no', 'off'].includes(s)) return false;
  throw new ConfigError(`${name} must be true/false or 1/0 (got "${s}")`);
}

export function httpUrl(raw: Raw, name: string): string | undefined {
  const s = optionalText(raw, name);
  if (s === undefined) return undefined;
  try {
    const u = new URL(s);
    if (u.protocol === 'https:' || u.protocol === 'http:') return s;
  } catch {
    // fall through to the message below
  }
  throw new ConfigError(`${name} must be an http(s) URL (got "${s}")`);
}

export function mqttUrl(raw: Raw, name: string): string | undefined {
  const s = optionalText(raw, name);
  if (s === undefined) return undefined;
  try {
    const u = new URL(s);
    if (['mqtt:', 'mqtts:', 'tcp:', 'tls:', 'ws:', 'wss:'].includes(u.protocol) && u.hostname) return s;
  } catch {
    // fall through to the message below
  }
  throw new ConfigError(`${name} must be a broker URL like mqtt://host:1883 or mqtts://host:8883`);
}

/** A shared-subscription group name: one topic level without wildcards; empty = none. */
export function mqttShareGroup(raw: Raw, name: string): string {
  const s = text(raw, name);
  if (/[/+#]/.test(s)) throw new ConfigError(`${name} must not contain "/", "+" or "#" (got "${s}")`);
  return s;
}

export function email(raw: Raw, name: string): string {
  const s = text(raw, name).toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(s)) throw new ConfigError(`${name} must be an email address (got "${s}")`);
  return s;
}

export function secret(minLength: number) {
  return (raw: Raw, name: string): string | undefined => {
    const s = optionalText(raw, name);
    if (s !== undefined && s.length < minLength) {
      throw new ConfigError(`${name} must be at least ${minLength} characters long`);
    }
    return s;
  };
}

export function logLevel(raw: Raw, name: string): LogLevel {
  const s = text(raw, name).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(s)) {
    throw new ConfigError(`${name} must be one of ${LOG_LEVELS.join(', ')} (got "${s}")`);
  }
  return s as LogLevel;
}

/** Fastify's `trustProxy`: off, all proxies, a number of hops, or the addresses of the proxies. */
export type TrustProxy = boolean | number | string[];

// proxy-addr's names for whole ranges, so a proxy on the same host can be trusted as `loopback`.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustProxy(raw: Raw, name: string): TrustProxy {
  if (typeof raw === 'boolean') return raw;
  const entries = (Array.isArray(raw) ? raw : text(raw, name).split(','))
    .map((e) => String(e).trim())
    .filter((e) => e !== '');
  const [only] = entries;
  if (entries.length <= 1) {
    const s = (only ?? '').toLowerCase();
    if (s === '' || s === 'false' || s === '0') return false;
    if (s === 'true') return true;
    if (/^\d+$/.test(s)) return Number(s);
  }
  const bad = entries.find((e) => !isAddressOrCidr(e));
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} must be true, false, a hop count or a comma-separated list of proxy IPs/CIDRs like 10.0.0.0/8 (got "${bad}")`,
    );
  }
  return entries;
}
