// Logs, traces, metrics and the database pool (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.

import type { Config, Setting } from './config.settings.ts';

// biome-ignore lint/complexity/noBannedTypes: filled in as the settings are added
export type ObservabilityConfig = {};

export const OBSERVABILITY_SETTINGS = [] as const satisfies readonly Setting<keyof Config>[];
