// The 39 analyzer configuration variables (seed 000's AnalyzerConfigEditor, issue 14): each with
// its unit, range, default and the analyzer that reads it, and the three presets. A tenant keeps
// one configuration per facility (and a tenant-wide one); an analysis snapshots the values it ran
// with. Every variable changes behaviour: the analyzers' tests prove it variable by variable.
import { CONFIG_VARIABLES, type ConfigVariableDef, type SpcRuleSet } from './config-variables.ts';

export {
  CONFIG_VARIABLES,
  type ConfigScope,
  type ConfigVariableDef,
  SPC_RULE_SETS,
  type SpcRuleSet,
} from './config-variables.ts';

export const CONFIG_KEYS = CONFIG_VARIABLES.map((v) => v.key);
export const CONFIG_BY_KEY: ReadonlyMap<string, ConfigVariableDef> = new Map(
  CONFIG_VARIABLES.map((v) => [v.key, v]),
);

export const PRESETS = ['conservative', 'balanced', 'aggressive'] as const;
export type Preset = (typeof PRESETS)[number];
export type PresetType = Preset | 'custom';

export type ConfigValue = number | boolean | string;

/** Typed access to one configuration: numbers, flags and the rule set by name. */
export interface ConfigValues {
  readonly values: Readonly<Record<string, ConfigValue>>;
}

export function presetValues(preset: Preset): Record<string, ConfigValue> {
  const i = PRESETS.indexOf(preset);
  return Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.key, v.presets[i] as ConfigValue]));
}

export const DEFAULT_CONFIG: Readonly<Record<string, ConfigValue>> = presetValues('balanced');

export function configValues(values: Record<string, ConfigValue> = {}): ConfigValues {
  return { values: { ...DEFAULT_CONFIG, ...values } };
}

export function numberOf(config: ConfigValues, key: string): number {
  const value = config.values[key];
  if (typeof value !== 'number') throw new Error(`configuration variable ${key} is not a number`);
  return value;
}
export function flagOf(config: ConfigValues, key: string): boolean {
  return config.values[key] === true;
}
export function spcRulesOf(config: ConfigValues): SpcRuleSet {
  return config.values.spc_rules as SpcRuleSet;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Why each value is not acceptable: unknown variable, wrong type, outside its range. */
export function configProblems(values: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const def = CONFIG_BY_KEY.get(key);
    if (!def) {
      problems.push({ variable: key, message: `${key} is not a configuration variable` });
      continue;
    }
    if (def.type === 'boolean') {
      if (typeof value !== 'boolean')
        problems.push({ variable: key, message: `${key} must be true or false` });
    } else if (def.type === 'enum') {
      if (typeof value !== 'string' || !def.values.includes(value))
        problems.push({ variable: key, message: `${key} must be one of ${def.values.join(', ')}` });
    } else if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < def.min ||
      value > def.max ||
      (def.type === 'integer' && !Number.isInteger(value))
    ) {
      const kind = def.type === 'integer' ? 'a whole number' : 'a number';
      problems.push({
        variable: key,
        message: `${key} must be ${kind} from ${def.min} to ${def.max} (${def.unit})`,
      });
    }
  }
  return problems;
}

/** The variables whose values differ between two configurations. */
export function configDiff(
  before: Record<string, ConfigValue>,
  after: Record<string, ConfigValue>,
): { variable: string; from: ConfigValue | null; to: ConfigValue | null }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => before[k] !== after[k])
    .sort()
    .map((k) => ({ variable: k, from: before[k] ?? null, to: after[k] ?? null }));
}

/** The preset whose values these are exactly, else custom. */
export function presetOf(values: Record<string, ConfigValue>): PresetType {
  const full = { ...DEFAULT_CONFIG, ...values };
  for (const preset of PRESETS) if (configDiff(presetValues(preset), full).length === 0) return preset;
  return 'custom';
}
