// Words and numbers of the inspection pages: verdicts, dispositions, defect types, sizes and rates.
import type { DefectDisposition, DefectType, PartDisposition, Region, Verdict } from './api';

export const VERDICT_LABEL: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL' };

export const DEFECT_TYPE_LABEL: Record<DefectType, string> = {
  porosity: 'Porosity',
  gas_pore: 'Gas pore',
  shrinkage: 'Shrinkage',
  inclusion: 'Inclusion',
  crack: 'Crack',
  other: 'Other',
};

export const DISPOSITION_LABEL: Record<DefectDisposition, string> = {
  pending: 'Pending',
  accept: 'Accepted',
  reject: 'Rejected',
  rework: 'Rework',
  false_positive: 'False positive',
};

export const DISPOSITION_BADGE: Record<DefectDisposition, string> = {
  pending: 'badge-neutral',
  accept: 'badge-ok',
  reject: 'badge-bad',
  rework: 'badge-warn',
  false_positive: 'badge-neutral',
};

export const PART_DISPOSITION_LABEL: Record<PartDisposition, string> = {
  accept: 'Accept',
  reject: 'Reject',
  rework: 'Rework',
  scrap: 'Scrap',
};

export const SEVERITY_LABEL: Record<Region['severity'], string> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
};

export const KIND_LABEL: Record<Region['kind'], string> = { inspect: 'Inspect', ignore: 'Ignore zone' };

export const SOURCE_LABEL = {
  vision: 'Vision system',
  detector: 'Built-in detector',
  manual: 'Marked by hand',
};

const number = (value: number, digits: number) =>
  value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** "1.24 mm" */
export const formatMm = (value: number) => `${number(value, 2)} mm`;
/** 0.123 → "12.3 %" */
export const formatShare = (value: number) => `${number(value * 100, 1)} %`;
/** 0.93 → "93 %", null → "—" */
export const formatConfidence = (value: number | null) =>
  value === null ? '—' : `${Math.round(value * 100)} %`;
export const formatCount = (value: number) => value.toLocaleString();

/** "14:03:27" today, "3 Mar, 14:03:27" before. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return date.toLocaleString(undefined, {
    ...(today ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
