// One SKU at one warehouse: its stock, its demand history with the forecast and interval after it,
// how the forecast was chosen (method, demand class, back-test error), the reorder policy with the
// proposal it makes today and why, and a what-if.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { usePermissions } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { PageHeader } from '../components/PageHeader';
import { isFinished } from '../jobs/api';
import { useLiveJob } from '../jobs/hooks';
import { JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import { Link } from '../router';
import { BUCKETS, type Bucket, type InventoryRow, supplyKeys } from './api';
import { type ChartForecast, DemandChart } from './DemandChart';
import { FactorWaterfall } from './FactorWaterfall';
import {
  backtestText,
  demandClassName,
  formatLevel,
  formatMoney,
  formatQuantity,
  methodName,
} from './format';
import {
  useDemand,
  useExplain,
  useInventory,
  useItemForecast,
  useReadable,
  useStartForecast,
  useWarehouses,
} from './hooks';
import { InventoryForm } from './InventoryForm';
import { PolicyFacts } from './PolicyFacts';
import { SUPPLY_INVENTORY_PAGE } from './paths';
import { forecastOnBuckets } from './series';
import { WhatIfPanel } from './WhatIfPanel';

/** The row's stock and planning figures; analysts edit them in place. */
function StockFacts({ row }: { row: InventoryRow }) {
  const permissions = usePermissions();
  const warehouses = useWarehouses();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <InventoryForm
        editing={row}
        warehouses={warehouses.data?.items ?? []}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <section className="card" aria-labelledby="stock-heading">
      <div className="card-heading">
        <h2 id="stock-heading">Stock and supply</h2>
        {permissions.planSupply ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setEditing(true)}
          >
            Edit the figures
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <Fact label="On hand" testId="sku-on-hand">
          {formatQuantity(row.onHand)}
        </Fact>
        <Fact label="Reserved">{formatQuantity(row.reserved)}</Fact>
        <Fact label="On order" testId="sku-on-order">
          {formatQuantity(row.onOrder)}
        </Fact>
        <Fact label="Unit cost">{formatMoney(row.unitCost)}</Fact>
        <Fact label="Ordering cost">{formatMoney(row.orderingCost)} per order</Fact>
        <Fact label="Holding cost">{formatLevel(row.holdingCostRate)} of the unit cost per year</Fact>
        <Fact label="Lead time">
          {formatQuantity(row.leadTimeDays)} days{' '}
          <span className="muted">± {formatQuantity(row.leadTimeSdDays)}</span>
        </Fact>
        <Fact label="Target service">{formatLevel(row.serviceLevel)}</Fact>
        <Fact label="MOQ · lot size">
          {formatQuantity(row.moq)} · {formatQuantity(row.lotSize)}
        </Fact>
        <Fact label="Policy">
          {row.policy === 'RS'
            ? `(R, S), reviewed every ${formatQuantity(row.reviewPeriodDays)} days`
            : '(s, Q)'}
        </Fact>
        <Fact label="Supplier">{row.supplier ?? '—'}</Fact>
      </dl>
    </section>
  );
}

/** Forecasts this one SKU now (analysts), following the job until its forecast is stored. */
function ForecastNow({ row }: { row: InventoryRow }) {
  const queryClient = useQueryClient();
  const start = useStartForecast();
  const jobId = start.data?.jobId ?? null;
  const { query: job } = useLiveJob(jobId);
  const done = isFinished(job.data?.status);
  useEffect(() => {
    if (!done) return;
    void queryClient.invalidateQueries({ queryKey: supplyKeys.itemForecast(row.id) });
    void queryClient.invalidateQueries({ queryKey: ['supply', 'explain'] });
  }, [done, queryClient, row.id]);
  return (
    <div className="form-actions">
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the forecast" /> : null}
      {job.data && !done ? (
        <>
          <JobStatusBadge status={job.data.status} />
          <ProgressBar value={job.data.progress} label="Forecast progress" />
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={start.isPending}
          onClick={() => start.mutate({ scope: { skus: [row.sku], warehouseIds: [row.warehouseId] } })}
        >
          {start.isPending ? 'Starting…' : 'Forecast this SKU now'}
        </button>
      )}
      {job.data?.status === 'failed' ? <p className="job-error">{job.data.error}</p> : null}
    </div>
  );
}

function DemandSection({ row }: { row: InventoryRow }) {
  const forecast = useItemForecast(row.id);
  const [bucket, setBucket] = useState<Bucket | null>(null);
  const shown: Bucket = bucket ?? (forecast.data?.bucket as Bucket | undefined) ?? 'week';
  const demand = useDemand(row.id, shown);
  const permissions = usePermissions();
  const stored = forecast.data;
  const chartForecast: ChartForecast | null = stored
    ? {
        points: forecastOnBuckets(stored.forecast, stored.bucket as Bucket, shown),
        method: stored.forecast.method,
        level: stored.level,
        rescaledFrom: stored.bucket === shown ? null : (stored.bucket as Bucket),
      }
    : null;
  return (
    <>
      <div className="toolbar">
        <fieldset className="field choice-group choice-row">
          <legend>Demand per</legend>
          {BUCKETS.map((b) => (
            <label key={b} className="choice">
              <input
                type="radio"
                name="demand-bucket"
                value={b}
                checked={shown === b}
                onChange={() => setBucket(b)}
              />
              {b}
            </label>
          ))}
        </fieldset>
      </div>
      {demand.isError ? <ErrorNotice error={demand.error} title="Could not load the demand history" /> : null}
      {forecast.isError ? <ErrorNotice error={forecast.error} title="Could not load the forecast" /> : null}
      {demand.data && !forecast.isPending ? (
        <DemandChart history={demand.data.points} bucket={shown} forecast={chartForecast} />
      ) : (
        <p className="state-message">Loading the demand history…</p>
      )}
      <section className="card" aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">Forecast</h2>
        {stored ? (
          <dl className="facts" data-testid="forecast-facts">
            <Fact label="Method" testId="forecast-method">
              {methodName(stored.forecast.method)}
            </Fact>
            <Fact label="Demand class" testId="forecast-class">
              {demandClassName(stored.forecast.demandClass)}
            </Fact>
            <Fact label="Back-test error" testId="forecast-error">
              {backtestText(stored.forecast.mase, stored.forecast.smape)}
            </Fact>
            <Fact label="Per">
              {stored.bucket}, {stored.forecast.mean.length} ahead, {formatLevel(stored.level)} interval
            </Fact>
            <Fact label="History used">
              {stored.forecast.historyLength} {stored.bucket}s
            </Fact>
            {stored.forecast.note ? <Fact label="Note">{stored.forecast.note}</Fact> : null}
          </dl>
        ) : forecast.isPending ? null : (
          <>
            <p className="state-message" data-testid="forecast-none">
              No forecast of this SKU yet: forecasts are made by forecast runs and decisions.
            </p>
            {permissions.planSupply ? <ForecastNow row={row} /> : null}
          </>
        )}
      </section>
    </>
  );
}

function PolicySection({ row }: { row: InventoryRow }) {
  const explain = useExplain({ inventoryId: row.id });
  const readable = useReadable();
  const item = explain.data?.item;
  return (
    <>
      <section className="card" aria-labelledby="policy-heading">
        <h2 id="policy-heading">Reorder policy</h2>
        {explain.isPending ? <p className="state-message">Computing the policy…</p> : null}
        {explain.isError ? <ErrorNotice error={explain.error} title="Could not compute the policy" /> : null}
        {item ? (
          <>
            <PolicyFacts item={item} />
            <h3 className="subheading">If ordered today</h3>
            <p className="prose" data-testid="policy-reason">
              {readable(item.reason)}
            </p>
            <FactorWaterfall factors={item.factors} quantity={item.quantity} testId="policy-factors" />
            <p className="muted">
              Forecast used: {explain.data?.forecast.source}
              {explain.data?.forecast.note ? ` (${explain.data.forecast.note})` : ''}.
            </p>
          </>
        ) : null}
      </section>
      <WhatIfPanel row={row} baseline={item} />
    </>
  );
}

export function SkuPage({ id }: { id: string }) {
  const query = useInventory(id);
  const warehouses = useWarehouses();
  const row = query.data;
  const warehouse = warehouses.data?.items.find((w) => w.id === row?.warehouseId);
  return (
    <>
      <PageHeader
        title={row ? `SKU ${row.sku}` : 'SKU'}
        description={
          row
            ? `${row.description ?? row.sku} at ${warehouse ? `${warehouse.code} · ${warehouse.name}` : 'its warehouse'}.`
            : 'One SKU at one warehouse: demand, forecast and reorder policy.'
        }
      />
      <p className="back-link">
        <Link to={SUPPLY_INVENTORY_PAGE.path}>← All stock points</Link>
      </p>
      {query.isPending ? <p className="state-message">Loading the SKU…</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the SKU" /> : null}
      {row ? (
        <>
          <DemandSection row={row} />
          <PolicySection row={row} />
          <StockFacts row={row} />
        </>
      ) : null}
    </>
  );
}
