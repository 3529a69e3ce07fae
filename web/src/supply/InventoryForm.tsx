// A stock point's planning figures: a form that creates an inventory row (a SKU at a warehouse) or
// edits one (its warehouse and SKU are its identity and stay). Analysts only.
import {
  type InventoryInput,
  type InventoryPatch,
  type InventoryRow,
  supplyApi,
  type Warehouse,
} from './api';
import { EntityFormCard, filledNumber, textOf, textOrNull, useFieldTexts } from './EntityForm';
import { useEntityChange } from './hooks';

const EMPTY = {
  warehouseId: '',
  sku: '',
  description: '',
  category: '',
  onHand: '',
  unitCost: '',
  leadTimeDays: '',
  leadTimeSdDays: '',
  servicePercent: '',
  serviceKind: 'cycle',
  moq: '',
  lotSize: '',
  policy: 'sQ',
  reviewPeriodDays: '',
  supplier: '',
};
type Fields = typeof EMPTY;

const fieldsOf = (row: InventoryRow): Fields => ({
  warehouseId: row.warehouseId,
  sku: row.sku,
  description: row.description ?? '',
  category: row.category ?? '',
  onHand: textOf(row.onHand),
  unitCost: textOf(row.unitCost),
  leadTimeDays: textOf(row.leadTimeDays),
  leadTimeSdDays: textOf(row.leadTimeSdDays),
  // The form speaks in percent (95), the API in fractions (0.95); rounded off the float noise.
  servicePercent: textOf(Math.round(row.serviceLevel * 1e6) / 1e4),
  serviceKind: row.serviceKind,
  moq: textOf(row.moq),
  lotSize: textOf(row.lotSize),
  policy: row.policy,
  reviewPeriodDays: textOf(row.reviewPeriodDays),
  supplier: row.supplier ?? '',
});

/** The figures of the form; empty numbers are left out (a new row takes the server's defaults). */
function figuresOf(f: Fields): InventoryPatch {
  const service = f.servicePercent.trim() === '' ? {} : { serviceLevel: Number(f.servicePercent) / 100 };
  return {
    description: textOrNull(f.description),
    category: textOrNull(f.category),
    supplier: textOrNull(f.supplier),
    serviceKind: f.serviceKind as InventoryRow['serviceKind'],
    policy: f.policy as InventoryRow['policy'],
    ...service,
    ...filledNumber('onHand', f.onHand),
    ...filledNumber('unitCost', f.unitCost),
    ...filledNumber('leadTimeDays', f.leadTimeDays),
    ...filledNumber('leadTimeSdDays', f.leadTimeSdDays),
    ...filledNumber('moq', f.moq),
    ...filledNumber('lotSize', f.lotSize),
    ...filledNumber('reviewPeriodDays', f.reviewPeriodDays),
  };
}

const AMOUNT = { type: 'number', min: 0, step: 'any' } as const;
const DAYS = { type: 'number', min: 0, max: 3650, step: 'any' } as const;

export function InventoryForm({
  editing,
  warehouses,
  onDone,
}: {
  editing: InventoryRow | null;
  warehouses: readonly Warehouse[];
  onDone: () => void;
}) {
  const { fields, input, choice } = useFieldTexts(
    'inventory',
    editing ? fieldsOf(editing) : { ...EMPTY, warehouseId: warehouses[0]?.id ?? '' },
  );
  const save = useEntityChange((f: Fields) => {
    if (editing) return supplyApi.updateInventory(editing.id, figuresOf(f));
    const create: InventoryInput = { warehouseId: f.warehouseId, sku: f.sku.trim(), ...figuresOf(f) };
    return supplyApi.createInventory(create);
  });
  const warehouseOptions = warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));
  return (
    <EntityFormCard
      id="inventory-form"
      title={editing ? `Edit the figures of ${editing.sku}` : 'New stock point'}
      saving={save}
      errorTitle="Could not save the stock point"
      submitLabel={editing ? 'Save' : 'Create stock point'}
      onSubmit={() => save.mutate(fields, { onSuccess: onDone })}
      onCancel={onDone}
    >
      {editing ? null : (
        <>
          {choice('warehouseId', 'Warehouse', warehouseOptions)}
          {input('sku', 'SKU', { required: true, maxLength: 100, pattern: '\\S(.*\\S)?' })}
        </>
      )}
      {input('description', 'Description (optional)', { maxLength: 500 })}
      {input('category', 'Category (optional)', { maxLength: 100 })}
      {input('onHand', 'On hand (units)', AMOUNT)}
      {input('unitCost', 'Unit cost', AMOUNT)}
      {input('leadTimeDays', 'Lead time, mean (days)', DAYS)}
      {input('leadTimeSdDays', 'Lead time, standard deviation (days)', DAYS)}
      {input('servicePercent', 'Service level target (%)', {
        type: 'number',
        min: 0.01,
        max: 99.99,
        step: 'any',
      })}
      {choice('serviceKind', 'Service measured as', [
        { value: 'cycle', label: 'cycle service (no stock-out in a cycle)' },
        { value: 'fill_rate', label: 'fill rate (share of demand served)' },
      ])}
      {input('moq', 'Minimum order quantity', AMOUNT)}
      {input('lotSize', 'Lot size (orders are multiples)', { type: 'number', min: 0.000001, step: 'any' })}
      {choice('policy', 'Reorder policy', [
        { value: 'sQ', label: '(s, Q): reorder point, order quantity' },
        { value: 'RS', label: '(R, S): periodic review, order-up-to' },
      ])}
      {input('reviewPeriodDays', 'Review period (days)', DAYS)}
      {input('supplier', 'Supplier (optional)', { maxLength: 200 })}
    </EntityFormCard>
  );
}
