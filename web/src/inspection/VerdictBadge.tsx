// The verdict as the station shows it: PASS or FAIL, large and high-contrast, with a mark besides the
// colour so that it reads from a few metres and without colour vision.
import type { Verdict } from './api';
import { VERDICT_LABEL } from './format';

export function VerdictBadge({
  verdict,
  size = 'large',
  testId,
}: {
  verdict: Verdict;
  size?: 'large' | 'small';
  testId?: string;
}) {
  return (
    <span
      className={`verdict verdict-${verdict} verdict-${size}`}
      data-testid={testId}
      data-verdict={verdict}
    >
      <span aria-hidden="true" className="verdict-mark">
        {verdict === 'pass' ? '✓' : '✗'}
      </span>
      {VERDICT_LABEL[verdict]}
    </span>
  );
}
