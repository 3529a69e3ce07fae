// Input limits on every upload path: request sizes, pixels, decompression, WebSocket fan-out (issue 20).
// Same shape as config.settings.ts: environment variable, default, parser; SETTINGS lists them all.

import type { Config, Setting } from './config.settings.ts';

// biome-ignore lint/complexity/noBannedTypes: filled in as the settings are added
export type LimitsConfig = {};

export const LIMIT_SETTINGS = [] as const satisfies readonly Setting<keyof Config>[];
