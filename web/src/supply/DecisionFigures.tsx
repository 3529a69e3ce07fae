// What a computed decision says as a whole: its summary, the confidence and where it comes from,
// the predicted cost by component, the model versions used, and the constraint checks (those that
// bind or are violated highlighted).
import { DataTable } from '../components/DataTable';
import { Fact } from '../components/Fact';
import { checksOf, type Decision } from './api';
import { checkName, costName, formatLevel, formatMoney, formatQuantity } from './format';
import { useReadable } from './hooks';

const COST_ORDER = ['purchase', 'ordering', 'holding', 'expectedShortage', 'total'];

/** Known components in their order, the total last, others between. */
const costRank = (key: string) => {
  const at = COST_ORDER.indexOf(key);
  return at === -1 ? COST_ORDER.length - 1.5 : at;
};

function modelText(version: Record<string, unknown>): string {
  const name = typeof version.name === 'string' ? version.name : (version.kind ?? 'model');
  const number = version.version !== undefined ? ` v${String(version.version)}` : '';
  return `${String(name)}${number}`;
}

export function DecisionSummary({ decision }: { decision: Decision }) {
  const readable = useReadable();
  const costs = Object.entries(decision.costBreakdown).sort(([a], [b]) => costRank(a) - costRank(b));
  return (
    <section className="card" aria-labelledby="decision-summary-heading">
      <h2 id="decision-summary-heading">Summary</h2>
      {decision.summary ? (
        <p className="prose" data-testid="decision-summary">
          {readable(decision.summary)}
        </p>
      ) : null}
      <dl className="facts">
        <Fact label="Confidence" testId="decision-confidence">
          {formatLevel(decision.confidence)}
          {decision.confidenceNote ? (
            <span className="muted"> · {readable(decision.confidenceNote)}</span>
          ) : null}
        </Fact>
        <Fact label="Lines">{decision.actionCount}</Fact>
        <Fact label="Models used">
          {decision.modelVersions.length > 0 ? decision.modelVersions.map(modelText).join(', ') : '—'}
        </Fact>
      </dl>
      {costs.length > 0 ? (
        <>
          <h3 className="subheading">Predicted cost</h3>
          <DataTable
            columns={['Component', 'Cost']}
            dense
            caption="Predicted cost by component"
            testId="decision-costs"
          >
            {costs.map(([key, value]) => (
              <tr key={key} className={key === 'total' ? 'row-total' : undefined}>
                <th scope="row">{costName(key)}</th>
                <td className="cell-number">{formatMoney(value)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}

export function ConstraintChecks({ decision }: { decision: Decision }) {
  const readable = useReadable();
  const checks = checksOf(decision.constraintChecks);
  if (checks.length === 0) return null;
  return (
    <section className="card" aria-labelledby="decision-checks-heading">
      <h2 id="decision-checks-heading">Constraint checks</h2>
      <DataTable
        columns={['Constraint', 'Kind', 'Status', 'Value', 'Limit', 'Detail']}
        dense
        caption="Constraint checks"
        testId="decision-checks"
      >
        {checks.map((c, i) => {
          const binding = c.status !== 'satisfied';
          return (
            <tr
              key={`${c.name}-${c.scope ?? i}`}
              className={binding ? 'row-binding' : undefined}
              data-testid="constraint-check"
              data-status={c.status}
            >
              <th scope="row">
                {checkName(c.name)}
                {c.scope ? <span className="muted"> · {readable(c.scope)}</span> : null}
              </th>
              <td>{c.kind}</td>
              <td>
                <span
                  className={`badge ${c.status === 'violated' ? 'badge-bad' : c.status === 'binding' ? 'badge-warn' : 'badge-ok'}`}
                >
                  {c.status}
                </span>
              </td>
              <td className="cell-number">{formatQuantity(Math.round(c.value * 100) / 100)}</td>
              <td className="cell-number">
                {c.limit === null ? '—' : formatQuantity(Math.round(c.limit * 100) / 100)}
              </td>
              <td className="cell-details">{readable(c.detail)}</td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
