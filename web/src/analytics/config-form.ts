// The analyzer configuration as the editor holds it: values as typed, checked against each variable's
// type and range, compared with the chosen preset, and turned into what `PUT /admin/config` takes.
import { ApiError } from '../api';
import type { ConfigValue, ConfigValues, ConfigVariable, PresetType } from './analysis-api';
import { formatNumber } from './analysis-format';

/** Numbers as typed (text), flags and choices as they are. */
export type Draft = Record<string, string | boolean>;

/** The variables' groups in the order the editor shows them. */
export const VARIABLE_GROUPS = ['shared', 'cost', 'equipment', 'quality', 'efficiency'] as const;
export const GROUP_TITLE: Record<string, string> = {
  shared: 'Shared by every analyzer',
  cost: 'Cost',
  equipment: 'Equipment',
  quality: 'Quality',
  efficiency: 'Efficiency',
};

export const PRESET_LABEL: Record<PresetType, string> = {
  conservative: 'Conservative (fewer, surer findings)',
  balanced: 'Balanced (the defaults)',
  aggressive: 'Aggressive (more findings, earlier)',
  custom: 'Custom',
};

const isNumeric = (v: ConfigVariable) => v.type === 'number' || v.type === 'integer';

export function draftOf(variables: readonly ConfigVariable[], values: Record<string, ConfigValue>): Draft {
  return Object.fromEntries(
    variables.map((v) => {
      const value = values[v.key] ?? v.default;
      return [v.key, typeof value === 'boolean' ? value : String(value)];
    }),
  );
}

/** What is wrong with a variable's value as typed, or null. */
export function problemOf(variable: ConfigVariable, value: string | boolean | undefined): string | null {
  if (!isNumeric(variable) || typeof value !== 'string') return null;
  const text = value.trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return 'Enter a number.';
  if (variable.type === 'integer' && !Number.isInteger(n)) return 'Enter a whole number.';
  if (variable.min !== null && n < variable.min) return `At least ${formatNumber(variable.min)}.`;
  if (variable.max !== null && n > variable.max) return `At most ${formatNumber(variable.max)}.`;
  return null;
}

export function problemsOf(variables: readonly ConfigVariable[], draft: Draft): Map<string, string> {
  const problems = new Map<string, string>();
  for (const v of variables) {
    const problem = problemOf(v, draft[v.key]);
    if (problem) problems.set(v.key, problem);
  }
  return problems;
}

/** The value a draft entry stands for (numbers parsed); undefined while it is not valid. */
export function draftValue(
  variable: ConfigVariable,
  value: string | boolean | undefined,
): ConfigValue | undefined {
  if (value === undefined || problemOf(variable, value)) return undefined;
  return isNumeric(variable) ? Number(value) : value;
}

/** "Range 0 – 100 %", "One of western-electric, nelson", "Yes or no". */
export function rangeText(variable: ConfigVariable): string {
  if (variable.type === 'boolean') return 'Yes or no';
  if (variable.type === 'enum') return `One of ${(variable.values ?? []).join(', ')}`;
  const unit = variable.unit ? ` ${variable.unit}` : '';
  return `Range ${formatNumber(variable.min)} – ${formatNumber(variable.max)}${unit}`;
}

export function valueText(value: ConfigValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** The values a preset stands for; custom configurations are compared with the balanced defaults. */
export function presetValues(
  presets: Record<string, Record<string, ConfigValue>>,
  presetType: PresetType,
): Record<string, ConfigValue> {
  return presets[presetType === 'custom' ? 'balanced' : presetType] ?? {};
}

/** The variables whose value differs from `base`, with their value (what the server is sent). */
export function overridesOf(
  variables: readonly ConfigVariable[],
  draft: Draft,
  base: Record<string, ConfigValue>,
): ConfigValues {
  const changed: Record<string, ConfigValue> = {};
  for (const v of variables) {
    const value = draftValue(v, draft[v.key]);
    if (value !== undefined && value !== (base[v.key] ?? v.default)) changed[v.key] = value;
  }
  return changed as ConfigValues;
}

/** The server's 400 details by the variable they name (`/body/config/<key>`, `/config/<key>`). */
export function serverProblems(error: unknown, keys: ReadonlySet<string>): Map<string, string> {
  const problems = new Map<string, string>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return problems;
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    const key = typeof detail.path === 'string' ? detail.path.split('/').at(-1) : undefined;
    if (key && keys.has(key) && typeof detail.message === 'string') problems.set(key, detail.message);
  }
  return problems;
}
