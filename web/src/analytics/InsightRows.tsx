// The work orders behind an insight, a page at a time, as their canonical values: the field the
// insight is about first, then the others in the schema's order.
import { QueryTable } from '../components/DataTable';
import { Pagination, useOffset } from '../components/Pagination';
import type { Insight } from './analysis-api';
import { useInsightRows } from './analysis-hooks';
import { formatCell } from './format';
import { useFields } from './hooks';

const PAGE_SIZE = 25;

/** The fields the insight's rows were selected by ("machine", and "downtimeMinutes" above a value). */
function selectedBy(insight: Insight): string[] {
  const { field, where } = insight.rows as { field?: unknown; where?: { field?: unknown } };
  return [field, where?.field].filter((f): f is string => typeof f === 'string');
}

export function InsightRows({ analysisId, insight }: { analysisId: string; insight: Insight }) {
  const { offset, setOffset } = useOffset();
  const rows = useInsightRows(analysisId, insight.id, offset, PAGE_SIZE);
  const fields = useFields().data ?? [];
  const present = new Set(rows.data?.items.flatMap((item) => Object.keys(item.values)));
  const first = selectedBy(insight).filter((key) => present.has(key));
  const keys = [
    ...first,
    ...fields.map((f) => f.key).filter((key) => present.has(key) && !first.includes(key)),
  ];
  const labels = new Map(fields.map((f) => [f.key as string, f.label]));
  return (
    <div className="insight-rows" data-testid={`insight-rows-${insight.id}`}>
      <QueryTable
        query={rows}
        loading="Loading the work orders…"
        errorTitle="Could not load the work orders"
        empty="No work order of the import is behind this finding."
        columns={['Row', ...keys.map((key) => labels.get(key) ?? key)]}
        dense
        caption={`Work orders behind finding ${insight.id}, in file order`}
        testId={`insight-rows-table-${insight.id}`}
        row={(item) => (
          <tr>
            <td className="cell-number">{item.rowNo.toLocaleString()}</td>
            {keys.map((key) => (
              <td key={key} className="cell-nowrap">
                {formatCell(item.values[key])}
              </td>
            ))}
          </tr>
        )}
      />
      <Pagination page={rows.data} onChange={setOffset} label={`Work orders behind finding ${insight.id}`} />
    </div>
  );
}
