// The downtime-reason catalogue every tenant starts with (it can add and change its own).

export const LINE_STATUSES = ['running', 'idle', 'down', 'maintenance'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const REASON_CATEGORIES = [
  'breakdown',
  'minor stop',
  'changeover',
  'material shortage',
  'no operator',
  'quality',
  'maintenance',
  'break',
  'no demand',
  'sanitation',
  'other',
] as const;

export const DEFAULT_REASONS = [
  { code: 'BREAKDOWN', label: 'Equipment breakdown', planned: false, category: 'breakdown' },
  { code: 'MINOR_STOP', label: 'Minor stop / jam', planned: false, category: 'minor stop' },
  { code: 'CHANGEOVER', label: 'Changeover / setup', planned: false, category: 'changeover' },
  { code: 'MATERIAL_SHORTAGE', label: 'Material shortage', planned: false, category: 'material shortage' },
  { code: 'NO_OPERATOR', label: 'No operator available', planned: false, category: 'no operator' },
  { code: 'QUALITY_HOLD', label: 'Quality hold', planned: false, category: 'quality' },
  { code: 'UNSPECIFIED', label: 'Unspecified stop', planned: false, category: 'other' },
  { code: 'PLANNED_MAINTENANCE', label: 'Planned maintenance', planned: true, category: 'maintenance' },
  { code: 'CLEANING', label: 'Planned cleaning / sanitation', planned: true, category: 'sanitation' },
  { code: 'BREAK', label: 'Break', planned: true, category: 'break' },
  { code: 'NO_DEMAND', label: 'No demand scheduled', planned: true, category: 'no demand' },
] as const;

/** The reason a status change gets when none is given. */
export const DEFAULT_REASON_OF_STATUS: Record<Exclude<LineStatus, 'running'>, string> = {
  idle: 'UNSPECIFIED',
  down: 'UNSPECIFIED',
  maintenance: 'PLANNED_MAINTENANCE',
};
