// A horizontal meter of a ratio against a target, coloured by how far from target it is.
/** Below target by more than this (in fraction points) reads as bad rather than a warning. */
const WARN_BAND = 0.1;

export function toneOf(value: number | null, target: number): 'ok' | 'warn' | 'bad' | 'none' {
  if (value === null) return 'none';
  if (value >= target) return 'ok';
  return value >= target - WARN_BAND ? 'warn' : 'bad';
}

/** Decorative: the value and the target are always written out next to it. */
export function OeeMeter({
  value,
  target,
  neutral = false,
}: {
  value: number | null;
  target: number;
  /** One colour whatever the value (for factors, whose target is not the line's). */
  neutral?: boolean;
}) {
  // Performance may exceed 100 %: the scale grows with it instead of capping the value.
  const scale = Math.max(1, value ?? 0, target);
  const width = value === null ? 0 : (value / scale) * 100;
  return (
    <div className={`meter meter-${neutral ? 'neutral' : toneOf(value, target)}`} aria-hidden="true">
      <div className="meter-fill" style={{ width: `${width}%` }} />
      <div className="meter-target" style={{ left: `${(target / scale) * 100}%` }} />
    </div>
  );
}
