// What the unsaved regions would have said about the camera's recent images: each image's verdict
// now and by the edited regions, the changed ones first in the summary, with the new reasons.
import { DataTable } from '../components/DataTable';
import { Link } from '../router';
import type { PreviewItem, Verdict } from './api';
import { formatTime } from './format';
import { imagePath } from './paths';
import { VerdictBadge } from './VerdictBadge';

const verdictOf = (value: string): Verdict => (value === 'pass' ? 'pass' : 'fail');

function summaryOf(items: readonly PreviewItem[]): string {
  if (items.length === 0) return 'This camera has no images yet: nothing to compare.';
  const toFail = items.filter((i) => i.current === 'pass' && i.proposed === 'fail').length;
  const toPass = items.filter((i) => i.current === 'fail' && i.proposed === 'pass').length;
  const failing = items.filter((i) => i.proposed === 'fail').length;
  const changes =
    toFail + toPass === 0
      ? 'No verdict would change.'
      : `${toFail} would turn from pass to fail, ${toPass} from fail to pass.`;
  return `${items.length} recent images: ${failing} would fail with these regions. ${changes}`;
}

export function RegionPreview({ items }: { items: readonly PreviewItem[] }) {
  return (
    <div data-testid="region-preview">
      <p className="chart-summary" data-testid="region-preview-summary" aria-live="polite">
        {summaryOf(items)}
      </p>
      {items.length > 0 ? (
        <DataTable
          columns={['Part', 'Time', 'Now', 'With these regions', 'Reasons']}
          dense
          caption="Preview of the verdicts"
        >
          {items.map((item) => (
            <tr
              key={item.imageId}
              className={item.current !== item.proposed ? 'preview-changed' : undefined}
              data-testid="region-preview-row"
              data-proposed={item.proposed}
            >
              <td className="cell-nowrap">
                <Link to={imagePath(item.imageId)}>{item.partSerial}</Link>
              </td>
              <td className="cell-nowrap">
                <time dateTime={item.ts}>{formatTime(item.ts)}</time>
              </td>
              <td>
                <VerdictBadge verdict={verdictOf(item.current)} size="small" />
              </td>
              <td>
                <VerdictBadge verdict={verdictOf(item.proposed)} size="small" />
                {item.current !== item.proposed ? <span className="preview-change"> changed</span> : null}
              </td>
              <td>
                {item.reasons.length > 0 ? (
                  <ul className="reason-list">
                    {item.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
