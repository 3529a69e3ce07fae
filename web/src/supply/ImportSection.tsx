// Importing supply data from a CSV or XLSX file: the kind, how numbers and dates are written, the
// file; then what the import did (see ImportResult). Analysts only (the API asks scope analyze).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import {
  type DateFormat,
  IMPORT_KINDS,
  type ImportFormat,
  type ImportKind,
  type ImportOutcome,
  supplyApi,
  supplyKeys,
} from './api';
import { DemandJobView, ReportView } from './ImportResult';

const KIND_LABELS: Record<ImportKind, string> = {
  warehouses: 'Warehouses',
  inventory: 'Inventory (stock points)',
  vehicles: 'Vehicles',
  clients: 'Clients',
  orders: 'Orders (one row per line)',
  demand: 'Demand history',
};

/** The columns each kind needs at least (the others are optional; see the API documentation). */
const REQUIRED_COLUMNS: Record<ImportKind, string> = {
  warehouses: 'code, name',
  inventory: 'warehouse (its code), sku',
  vehicles: 'code, type, capacity_kg, capacity_m3',
  clients: 'name',
  orders: 'reference, warehouse, sku, quantity, requested_date',
  demand: 'sku, warehouse, date, quantity',
};

const DATE_FORMATS: readonly DateFormat[] = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'DD.MM.YYYY',
  'DD.MM.YY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD/MM/YY',
  'MM/DD/YY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'DD-MON-YYYY',
  'DD-MON-YY',
  'YYYYMMDD',
  'excel',
];

function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: ImportKind; file: File; format: ImportFormat }) =>
      supplyApi.importFile(v.kind, v.file, v.format),
    // Entity files are stored in the request: every supply view reloads (demand: when its job ends).
    onSuccess: (outcome) => {
      if (outcome.kind === 'report') void queryClient.invalidateQueries({ queryKey: supplyKeys.all });
    },
  });
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  return (
    <section className="card" aria-labelledby="import-result-heading" data-testid="import-result">
      <h2 id="import-result-heading">Import result</h2>
      {outcome.kind === 'report' ? (
        <ReportView report={outcome.report} />
      ) : (
        <DemandJobView key={outcome.jobId} jobId={outcome.jobId} />
      )}
    </section>
  );
}

export function ImportSection() {
  const [kind, setKind] = useState<ImportKind>('inventory');
  const [decimal, setDecimal] = useState<'.' | ','>('.');
  const [dateFormat, setDateFormat] = useState<DateFormat>('YYYY-MM-DD');
  const [file, setFile] = useState<File | null>(null);
  const upload = useImport();
  const usesDates = kind === 'orders' || kind === 'demand';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const format: ImportFormat = {
      ...(decimal !== '.' ? { decimal } : {}),
      ...(usesDates && dateFormat !== 'YYYY-MM-DD' ? { dateFormat } : {}),
    };
    upload.mutate({ kind, file, format });
  };

  return (
    <>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import from a file</h2>
        <p className="muted">
          A CSV or XLSX file with a header row; columns are matched by name. A row updates the existing entry
          with the same code, name or warehouse and SKU, or creates one. Refused rows are listed with their
          line and column; the others are stored.
        </p>
        {upload.isError ? <ErrorNotice error={upload.error} title="Could not import the file" /> : null}
        <form className="form" onSubmit={submit} aria-busy={upload.isPending}>
          <div className="form-grid">
            <SelectField
              id="import-kind"
              label="What the file holds"
              value={kind}
              onChange={(v) => setKind(v as ImportKind)}
              hint={
                <p className="field-hint" id="import-kind-hint">
                  Needed columns: {REQUIRED_COLUMNS[kind]}.
                </p>
              }
              aria-describedby="import-kind-hint"
            >
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <div className="field">
              <label htmlFor="import-file">File (CSV or XLSX)</label>
              <input
                id="import-file"
                type="file"
                required
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
            <SelectField
              id="import-decimal"
              label="Decimal separator"
              value={decimal}
              onChange={(v) => setDecimal(v as '.' | ',')}
            >
              <option value=".">point (1234.5)</option>
              <option value=",">comma (1234,5)</option>
            </SelectField>
            {usesDates ? (
              <SelectField
                id="import-date-format"
                label="Dates written as"
                value={dateFormat}
                onChange={(v) => setDateFormat(v as DateFormat)}
              >
                {DATE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f === 'excel' ? 'Excel day numbers' : f}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </div>
          <FormActions
            label="Import the file"
            pendingLabel="Importing…"
            pending={upload.isPending}
            disabled={!file}
          />
        </form>
      </section>
      {upload.data ? <Outcome outcome={upload.data} /> : null}
    </>
  );
}
