// Every table of the application, one file per module. drizzle-kit reads this file.

export * from './analyses.ts';
export * from './analytics.ts';
export * from './identity.ts';
export * from './inspection.ts';
export * from './notifications.ts';
export * from './pipelines.ts';
export * from './plant.ts';
export * from './platform.ts';
export * from './platform-events.ts';
export * from './schedules.ts';
export * from './supply.ts';
export * from './supply-ops.ts';
export * from './supply-planning.ts';
export * from './telemetry.ts';
