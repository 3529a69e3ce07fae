// Numbers as the explanation sentences print them: plain, deterministic (no locale), at most two
// decimals, thousands grouped with commas so a planner reads 12,400 at a glance.

function group(fixed: string): string {
  const [whole = '0', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** 420 → "420", 177.148 → "177.15", 1234.5 → "1,234.5". */
export function units(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  const fixed = Object.is(rounded, -0) ? '0' : String(rounded);
  return fixed.includes('e') ? rounded.toFixed(2) : group(fixed);
}

/** Money with two decimals: 12400 → "12,400.00". */
export function money(x: number): string {
  return group((Math.round(x * 100) / 100).toFixed(2));
}

/** 0.95 → "95%", 0.975 → "97.5%". */
export function percent(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}

export function plural(n: number, word: string): string {
  return `${units(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Hundredths of a unit, the grid factor weights live on so that they add up exactly. */
export const toHundredths = (x: number): number => Math.round(x * 100);
export const fromHundredths = (h: number): number => h / 100;

/** Round money to cents. */
export const cents = (x: number): number => Math.round(x * 100) / 100;
