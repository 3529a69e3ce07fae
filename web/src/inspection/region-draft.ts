// The region editor's working copy: regions as the form edits them (rules as typed text), turned
// into API bodies, and what saving has to send (new, changed and removed regions). No React here.
import type { DefectType, Region, RegionInput, Rules } from './api';
import { DEFAULT_REGION_SET } from './api';

export type Point = [number, number];

/** The rules as the form holds them: text as typed ('' = no such rule). */
export interface RulesForm {
  maxPoreSizeMm: string;
  maxPoreCount: string;
  maxDensityPerCm2: string;
  /** Percent (the API takes a share 0–1). */
  maxAreaSharePct: string;
  minSpacingMm: string;
  spacingMode: 'merge' | 'fail';
  ignoreBelowMm: string;
  /** Empty: every type counts. */
  types: DefectType[];
}

export interface RegionDraft {
  /** Stable while editing: the region's id, or a local one until it is saved. */
  key: string;
  /** The saved region this edits, or null for a new one. */
  id: string | null;
  regionSet: string;
  name: string;
  severity: Region['severity'];
  kind: Region['kind'];
  polygon: Point[];
  /** False while its outline is still being drawn. */
  closed: boolean;
  rules: RulesForm;
}

/** The rule fields that are numbers, with their labels and units. */
export const NUMBER_RULES: readonly {
  field: Exclude<keyof RulesForm, 'spacingMode' | 'types'>;
  label: string;
  integer?: boolean;
}[] = [
  { field: 'maxPoreSizeMm', label: 'Max pore size (mm)' },
  { field: 'maxPoreCount', label: 'Max pore count', integer: true },
  { field: 'maxDensityPerCm2', label: 'Max density (pores / cm²)' },
  { field: 'maxAreaSharePct', label: 'Max area share (%)' },
  { field: 'minSpacingMm', label: 'Min spacing (mm)' },
  { field: 'ignoreBelowMm', label: 'Ignore below (mm)' },
];

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

export function rulesForm(rules: Rules): RulesForm {
  return {
    maxPoreSizeMm: text(rules.maxPoreSizeMm),
    maxPoreCount: text(rules.maxPoreCount),
    maxDensityPerCm2: text(rules.maxDensityPerCm2),
    maxAreaSharePct:
      rules.maxAreaShare === undefined ? '' : String(Math.round(rules.maxAreaShare * 10_000) / 100),
    minSpacingMm: text(rules.minSpacingMm),
    spacingMode: rules.spacingMode ?? 'merge',
    ignoreBelowMm: text(rules.ignoreBelowMm),
    types: rules.types ?? [],
  };
}

export function draftOf(region: Region): RegionDraft {
  return {
    key: region.id,
    id: region.id,
    regionSet: region.regionSet,
    name: region.name,
    severity: region.severity,
    kind: region.kind,
    polygon: region.polygon.map(([x, y]) => [x ?? 0, y ?? 0]),
    closed: true,
    rules: rulesForm(region.rules),
  };
}

let created = 0;

/** A region to draw, named "Region n" after the drafts already there. */
export function newDraft(regionSet: string, existing: readonly RegionDraft[]): RegionDraft {
  created += 1;
  const names = new Set(existing.map((d) => d.name));
  let n = existing.length + 1;
  while (names.has(`Region ${n}`)) n += 1;
  return {
    key: `new-${created}`,
    id: null,
    regionSet: regionSet || DEFAULT_REGION_SET,
    name: `Region ${n}`,
    severity: 'major',
    kind: 'inspect',
    polygon: [],
    closed: false,
    rules: rulesForm({}),
  };
}

/** A number the field holds, undefined when empty, NaN when it is not a number. */
export function parseRule(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What is wrong with the fields before the server is asked (the server checks ranges and the polygon). */
export function formProblems(
  draft: RegionDraft,
): Partial<Record<keyof RulesForm | 'polygon' | 'name', string>> {
  const problems: Partial<Record<keyof RulesForm | 'polygon' | 'name', string>> = {};
  if (!draft.name.trim()) problems.name = 'Give the region a name.';
  if (!draft.closed || draft.polygon.length < 3)
    problems.polygon = 'Draw at least 3 points and close the outline (click the first point or press Enter).';
  for (const { field, integer } of NUMBER_RULES) {
    const value = parseRule(draft.rules[field]);
    if (value === undefined) continue;
    if (Number.isNaN(value)) problems[field] = 'Not a number.';
    else if (integer && !Number.isInteger(value)) problems[field] = 'A whole number.';
    else if (value < 0) problems[field] = 'Not below 0.';
  }
  return problems;
}

export function rulesOf(form: RulesForm): Rules {
  const rules: Rules = {};
  const set = (name: Exclude<keyof Rules, 'spacingMode' | 'types'>, value: number | undefined) => {
    if (value !== undefined && !Number.isNaN(value)) rules[name] = value;
  };
  set('maxPoreSizeMm', parseRule(form.maxPoreSizeMm));
  set('maxPoreCount', parseRule(form.maxPoreCount));
  set('maxDensityPerCm2', parseRule(form.maxDensityPerCm2));
  const share = parseRule(form.maxAreaSharePct);
  set('maxAreaShare', share === undefined ? undefined : share / 100);
  set('minSpacingMm', parseRule(form.minSpacingMm));
  if (rules.minSpacingMm !== undefined) rules.spacingMode = form.spacingMode;
  set('ignoreBelowMm', parseRule(form.ignoreBelowMm));
  if (form.types.length > 0) rules.types = [...form.types];
  return rules;
}

/** The body the API takes for a region (create, replace and preview alike). */
export function regionInput(draft: RegionDraft): RegionInput {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim(),
    severity: draft.severity,
    kind: draft.kind,
    polygon: draft.polygon.map(([x, y]) => [round(x), round(y)]),
    rules: rulesOf(draft.rules),
  };
}

const round = (v: number) => Math.round(v * 100_000) / 100_000;

function sameInput(a: RegionInput, b: RegionInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RegionChanges {
  create: RegionDraft[];
  update: RegionDraft[];
  remove: Region[];
}

/** What saving `drafts` over the `saved` regions sends: each change is one request and one version. */
export function changesOf(saved: readonly Region[], drafts: readonly RegionDraft[]): RegionChanges {
  const kept = new Map(drafts.filter((d) => d.id).map((d) => [d.id, d]));
  return {
    create: drafts.filter((d) => !d.id),
    update: drafts.filter((d) => {
      const before = saved.find((r) => r.id === d.id);
      return (
        before !== undefined &&
        (before.regionSet !== d.regionSet || !sameInput(regionInput(draftOf(before)), regionInput(d)))
      );
    }),
    remove: saved.filter((r) => !kept.has(r.id)),
  };
}

export const changeCount = (changes: RegionChanges) =>
  changes.create.length + changes.update.length + changes.remove.length;

/** A point clamped into the image (normalized coordinates). */
export const clampPoint = ([x, y]: Point): Point => [
  Math.min(1, Math.max(0, x)),
  Math.min(1, Math.max(0, y)),
];
