// The mapping step's table: for each canonical field (by group, required ones marked) the source
// column chosen, with the suggestion's confidence and reason while the suggested column is kept.
import { Fragment, useId, useState } from 'react';
import { DataTable } from '../components/DataTable';
import { type CanonicalField, FIELD_GROUPS, type FieldKey, type FieldMapping, type Suggestion } from './api';
import { formatConfidence, GROUP_LABEL, REASON_LABEL } from './format';
import { withColumn } from './mapping';

const CONSTANT = '\u0000constant';

export function ConfidenceBar({ confidence }: { confidence: number }) {
  const tone = confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'mid' : 'low';
  return (
    <span className="confidence" data-testid="confidence">
      <span className={`confidence-bar confidence-${tone}`} aria-hidden="true">
        <span className="confidence-fill" style={{ width: `${Math.round(confidence * 100)}%` }} />
      </span>
      <span className="confidence-value">{formatConfidence(confidence)}</span>
    </span>
  );
}

function optionLabel(header: string, suggestion: Suggestion | undefined): string {
  if (suggestion?.column === header)
    return `${header} (suggested, ${formatConfidence(suggestion.confidence)})`;
  const alternative = suggestion?.alternatives.find((a) => a.column === header);
  return alternative ? `${header} (${formatConfidence(alternative.confidence)})` : header;
}

function FieldRow({
  field,
  mapping,
  suggestion,
  headers,
  disabled,
  onColumn,
}: {
  field: CanonicalField;
  mapping: FieldMapping | undefined;
  suggestion: Suggestion | undefined;
  headers: readonly string[];
  disabled: boolean;
  onColumn: (column: string | null) => void;
}) {
  const id = useId();
  const column = mapping?.column ?? null;
  const constant = mapping && mapping.column === undefined ? mapping.constant : undefined;
  const suggested = suggestion?.column != null && suggestion.column === column;
  const missing = field.required && mapping === undefined;
  const value = constant !== undefined ? CONSTANT : (column ?? '');
  return (
    <tr
      data-testid={`mapping-${field.key}`}
      data-column={column ?? ''}
      className={missing ? 'row-missing' : ''}
    >
      <th scope="row" className="mapping-field">
        <label htmlFor={id}>{field.label}</label>
        {field.required ? <span className="badge badge-inline badge-warn">required</span> : null}
        {field.unit ? <span className="muted"> ({field.unit})</span> : null}
        <br />
        <span className="muted mapping-description">{field.description}</span>
      </th>
      <td>
        <select
          id={id}
          className="select-compact mapping-select"
          value={value}
          disabled={disabled}
          aria-invalid={missing || undefined}
          onChange={(event) => onColumn(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">— not mapped —</option>
          {constant !== undefined ? <option value={CONSTANT}>Constant: {String(constant)}</option> : null}
          {column !== null && !headers.includes(column) ? (
            <option value={column}>{column} (not in this file)</option>
          ) : null}
          {headers.map((header) => (
            <option key={header} value={header}>
              {optionLabel(header, suggestion)}
            </option>
          ))}
        </select>
        {missing ? <p className="field-error">Required: choose the column that holds it.</p> : null}
        {mapping?.transform ? (
          <p className="field-hint">Transform: {transformText(mapping.transform)}</p>
        ) : null}
      </td>
      <td>{suggested && suggestion ? <ConfidenceBar confidence={suggestion.confidence} /> : null}</td>
      <td className="mapping-reason" data-testid="mapping-reason">
        {suggested && suggestion?.reason ? (
          <>
            {REASON_LABEL[suggestion.reason]}
            {suggestion.detail ? <span className="muted"> · {suggestion.detail}</span> : null}
          </>
        ) : column !== null || constant !== undefined ? (
          <span className="muted">
            {suggestion?.column == null ? 'Chosen' : 'Changed from the suggestion'}
          </span>
        ) : suggestion?.detail ? (
          <span className="muted">{suggestion.detail}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** "scale 0.0167 · date DD.MM.YYYY · decimal ," */
export function transformText(transform: NonNullable<FieldMapping['transform']>): string {
  const parts: string[] = [];
  if (transform.scale !== undefined) parts.push(`scale ${transform.scale}`);
  if (transform.dateFormat) parts.push(`date ${transform.dateFormat}`);
  if (transform.decimal) parts.push(`decimal “${transform.decimal}”`);
  if (transform.thousands !== undefined) parts.push(`thousands “${transform.thousands}”`);
  if (transform.valueMap) parts.push(`${Object.keys(transform.valueMap).length} mapped values`);
  return parts.join(' · ') || 'none';
}

export function MappingTable({
  fields,
  headers,
  suggestions,
  mappings,
  disabled = false,
  onChange,
}: {
  fields: readonly CanonicalField[];
  headers: readonly string[];
  suggestions: readonly Suggestion[];
  mappings: FieldMapping[];
  disabled?: boolean;
  onChange: (mappings: FieldMapping[]) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const byField = new Map(mappings.map((m) => [m.field as string, m]));
  const suggestionOf = new Map(suggestions.map((s) => [s.field, s]));
  const shown = fields.filter((f) => showAll || f.required || byField.has(f.key));
  const hidden = fields.length - shown.length;
  return (
    <>
      <DataTable
        columns={['Field', 'Source column', 'Confidence', 'Why']}
        dense
        caption="Canonical fields and the file’s columns they are read from"
        testId="mapping-table"
      >
        {FIELD_GROUPS.map((group) => {
          const inGroup = shown.filter((f) => f.group === group);
          if (inGroup.length === 0) return null;
          return (
            <Fragment key={group}>
              <tr className="group-row">
                <th colSpan={4}>{GROUP_LABEL[group]}</th>
              </tr>
              {inGroup.map((field) => (
                <FieldRow
                  key={field.key}
                  field={field}
                  mapping={byField.get(field.key)}
                  suggestion={suggestionOf.get(field.key)}
                  headers={headers}
                  disabled={disabled}
                  onColumn={(column) => onChange(withColumn(mappings, field.key as FieldKey, column))}
                />
              ))}
            </Fragment>
          );
        })}
      </DataTable>
      {hidden === 0 && !showAll ? null : (
        <p className="mapping-more">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={showAll}
            onClick={() => setShowAll((all) => !all)}
          >
            {showAll ? 'Show only the mapped and required fields' : `Show ${hidden} more fields`}
          </button>
        </p>
      )}
    </>
  );
}
