// How the gateway's figures read: counts, percentages, milliseconds, tokens and money.
import type { ComplexityTier, PipelineStatus } from './api';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function formatCount(value: number | null | undefined): string {
  return finite(value) ? integer.format(value) : '—';
}

/** Token counts: exact below 10,000, compact above ("12.3K"). */
export function formatTokens(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  return Math.abs(value) < 10_000 ? integer.format(value) : compact.format(value);
}

/** A percentage given 0 … 100. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return finite(value) ? `${value.toFixed(digits)} %` : '—';
}

export function formatMs(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value < 10 ? value.toFixed(1) : integer.format(value)} ms`;
}

/** US dollars: cents above a dollar, more digits for the small amounts single requests cost. */
export function formatUsd(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs === 0 ? 2 : abs < 0.01 ? 4 : abs < 1 ? 3 : 2;
  return `$${value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

export const STATUS_LABEL: Record<PipelineStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  archived: 'Archived',
};

export const STATUS_BADGE: Record<PipelineStatus, string> = {
  draft: 'badge-neutral',
  active: 'badge-ok',
  paused: 'badge-warn',
  archived: 'badge-neutral',
};

export const TIER_LABEL: Record<ComplexityTier, string> = {
  simple: 'Simple',
  moderate: 'Moderate',
  complex: 'Complex',
  enterprise: 'Enterprise',
};

/** "healthcare" → "Healthcare". */
export const sectorLabel = (sector: string) =>
  sector.length === 0 ? sector : `${sector[0]?.toUpperCase() ?? ''}${sector.slice(1).replace(/[-_]/g, ' ')}`;

export function formatHour(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
