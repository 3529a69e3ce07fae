// A sensor's last two hours as a small inline line, scaled to its own range.
import { formatValue } from './format';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

export function Sparkline({
  values,
  unit,
  label,
  tone = 'ok',
}: {
  values: readonly number[];
  unit: string | null;
  /** What the line is of, for screen readers ("Fill weight"). */
  label: string;
  /** Colours the line like the sensor's spec status. */
  tone?: 'ok' | 'warn' | 'bad' | 'neutral';
}) {
  if (values.length < 2) {
    return <span className="muted sparkline-empty">no trend</span>;
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const x = (i: number) => PAD + (i / (values.length - 1)) * (WIDTH - 2 * PAD);
  const y = (v: number) => PAD + (1 - (v - min) / (max - min)) * (HEIGHT - 2 * PAD);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1] as number;
  const first = values[0] as number;
  return (
    <svg
      className={`sparkline sparkline-${tone}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={`${label}, last two hours: ${formatValue(first, unit)} to ${formatValue(last, unit)}, range ${formatValue(Math.min(...values))} – ${formatValue(Math.max(...values))}`}
    >
      <polyline points={points} fill="none" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx={x(values.length - 1)} cy={y(last)} r="2.2" />
    </svg>
  );
}
