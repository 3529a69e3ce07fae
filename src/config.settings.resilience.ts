// Behaviour under faults and input limits: database outages, backups, decompression and WebSocket limits (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.

import type { Config, Setting } from './config.settings.ts';

// biome-ignore lint/complexity/noBannedTypes: filled in as the settings are added
export type ResilienceConfig = {};

export const RESILIENCE_SETTINGS = [] as const satisfies readonly Setting<keyof Config>[];
