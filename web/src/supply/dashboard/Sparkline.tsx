// A KPI's daily values as a small SVG line, with its target as a dashed line when it is in view.

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 3;

export function Sparkline({
  points,
  target,
  label,
  testId,
}: {
  points: readonly { day: string; value: number }[];
  target: number | null;
  label: string;
  testId?: string;
}) {
  if (points.length === 0)
    return (
      <svg
        className="sparkline sparkline-empty"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${label}: no daily figures`}
        data-testid={testId}
      >
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} />
      </svg>
    );
  const values = points.map((p) => p.value);
  let low = Math.min(...values);
  let high = Math.max(...values);
  // The target is shown when it lies within twice the values' spread: else it would flatten the line.
  const spread = Math.max(high - low, Math.abs(high) * 0.05, 1e-9);
  const showTarget = target !== null && target >= low - spread && target <= high + spread;
  if (showTarget && target !== null) {
    low = Math.min(low, target);
    high = Math.max(high, target);
  }
  if (high === low) {
    high += 1;
    low -= 1;
  }
  const x = (i: number) =>
    points.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - low) * (HEIGHT - 2 * PAD)) / (high - low);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1] as { value: number };
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label}: ${points.length} days, from ${points[0]?.day} to ${points[points.length - 1]?.day}`}
      data-testid={testId}
      data-points={points.length}
    >
      {showTarget && target !== null ? (
        <line className="sparkline-target" x1={PAD} x2={WIDTH - PAD} y1={y(target)} y2={y(target)} />
      ) : null}
      <polyline className="sparkline-line" points={line} />
      <circle className="sparkline-last" cx={x(points.length - 1)} cy={y(last.value)} r={2.5} />
    </svg>
  );
}
