// Why a quantity: its factors in order as a small waterfall (each bar runs from the total before it
// to the total after it), each with its signed weight and its sentence, and their sum — which is
// the quantity proposed.
import type { Factor } from './api';
import { factorName, formatQuantity, formatSigned } from './format';
import { useReadable } from './hooks';

/** The factors' weights are given to hundredths: their sum, read to hundredths. */
export const factorSum = (factors: readonly Factor[]) =>
  Math.round(factors.reduce((sum, f) => sum + f.weight, 0) * 100) / 100;

export function FactorWaterfall({
  factors,
  quantity,
  testId,
}: {
  factors: readonly Factor[];
  quantity: number;
  testId?: string;
}) {
  // The running total after each factor.
  const totals: number[] = [];
  for (const f of factors) totals.push((totals.at(-1) ?? 0) + f.weight);
  const low = Math.min(0, ...totals);
  const high = Math.max(1e-9, ...totals);
  const at = (v: number) => ((v - low) / (high - low)) * 100;
  const readable = useReadable();
  const sum = factorSum(factors);
  const adds = Math.abs(sum - quantity) < 0.005;
  return (
    <div className="factor-waterfall" data-testid={testId}>
      <ol className="factor-list">
        {factors.map((f, i) => {
          const before = totals[i - 1] ?? 0;
          const after = totals[i] ?? 0;
          return (
            <li key={`${f.kind}:${f.sentence}`} className="factor" data-testid="factor" data-kind={f.kind}>
              <span className="factor-name">{factorName(f.kind)}</span>
              <span className="factor-track" aria-hidden="true">
                <span
                  className={f.weight < 0 ? 'factor-bar factor-minus' : 'factor-bar factor-plus'}
                  style={{
                    left: `${at(Math.min(before, after))}%`,
                    width: `${Math.max(0.5, Math.abs(at(after) - at(before)))}%`,
                  }}
                />
              </span>
              <span className="factor-weight" data-testid="factor-weight">
                {formatSigned(f.weight)}
              </span>
              <span className="factor-sentence">{readable(f.sentence)}</span>
            </li>
          );
        })}
      </ol>
      <p className="factor-sum" data-testid="factor-sum">
        Sum of the factors: <strong>{formatQuantity(sum)}</strong>
        {adds ? (
          <> = the quantity proposed, {formatQuantity(quantity)}.</>
        ) : (
          <> — the quantity proposed is {formatQuantity(quantity)}.</>
        )}
      </p>
    </div>
  );
}
