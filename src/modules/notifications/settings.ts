// Parsers for the notification settings config.parsers.ts has no general form for.
// config.settings.ts declares the settings; createNotifications reads them.
import { ConfigError, type Raw, text } from '../../config.parsers.ts';

/** `smtp://host:port` or `smtps://user:pass@host:port`; empty: no email (deliveries fail with a reason). */
export function smtpUrl(raw: Raw, name: string): string | undefined {
  const s = text(raw, name);
  if (s === '') return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new ConfigError(`${name} must be a URL like smtp://host:2525 (got "${s}")`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError(`${name} must start with smtp:// or smtps:// (got "${url.protocol}")`);
  return s;
}

/** A sender: `address@host` or `Name <address@host>`. */
export function mailFrom(raw: Raw, name: string): string {
  const s = text(raw, name);
  if (!/^([^<>\r\n]{0,100}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(s))
    throw new ConfigError(`${name} must be an address or "Name <address>" (got "${s}")`);
  return s;
}
