// The inventory policy behind a proposal, as figures: the trigger (reorder point or order-up-to
// level), safety stock and the service level behind it, demand over the lead time, EOQ, inventory
// position, and the stock-out risk and confidence.
import { Fact } from '../components/Fact';
import { confidenceOf, type ExplainedItem, policyOf, riskOf } from './api';
import { formatLevel, formatQuantity, POLICY_NAMES, SERVICE_NAMES } from './format';
import { useReadable } from './hooks';

const TRIGGER_NAMES = { reorder_point: 'Reorder point (s)', order_up_to: 'Order-up-to level (S)' };

export function PolicyFacts({ item, testPrefix = 'policy' }: { item: ExplainedItem; testPrefix?: string }) {
  const policy = policyOf(item);
  const risk = riskOf(item);
  const confidence = confidenceOf(item);
  const lead = policy.demandOverLeadTime;
  const readable = useReadable();
  return (
    <dl className="facts">
      <Fact label="Policy">{POLICY_NAMES[policy.kind] ?? policy.kind}</Fact>
      <Fact
        label={TRIGGER_NAMES[policy.trigger.kind] ?? policy.trigger.kind}
        testId={`${testPrefix}-trigger`}
      >
        {formatQuantity(policy.trigger.level)} units
      </Fact>
      <Fact label="Safety stock" testId={`${testPrefix}-safety-stock`}>
        {formatQuantity(policy.safetyStock)} units
        <span className="muted">
          {' '}
          for a {formatLevel(policy.service.level)}{' '}
          {SERVICE_NAMES[policy.service.kind] ?? policy.service.kind} (k = {policy.service.k.toFixed(2)})
        </span>
      </Fact>
      <Fact label="Demand over the lead time">
        {formatQuantity(Math.round(lead.mean * 10) / 10)} units
        <span className="muted">
          {' '}
          over {formatQuantity(lead.days)} days, σ {formatQuantity(Math.round(lead.sd * 10) / 10)}
        </span>
      </Fact>
      <Fact label="Economic order quantity" testId={`${testPrefix}-eoq`}>
        {policy.eoq === null ? '—' : `${formatQuantity(policy.eoq)} units`}
      </Fact>
      <Fact label="Inventory position" testId={`${testPrefix}-position`}>
        {formatQuantity(policy.inventoryPosition)} units
        <span className="muted"> on hand − reserved + on order</span>
      </Fact>
      <Fact label="Stock-out risk before an order arrives">
        {formatLevel(risk.beforeArrival.probability)}
        <span className="muted">
          {' '}
          · {formatQuantity(Math.round(risk.beforeArrival.expectedUnitsShort * 10) / 10)} units short expected
        </span>
      </Fact>
      <Fact label="Confidence">
        {formatLevel(confidence.value)}
        <span className="muted"> · {readable(confidence.sentence)}</span>
      </Fact>
    </dl>
  );
}
