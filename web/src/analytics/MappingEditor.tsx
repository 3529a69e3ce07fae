// A profile's mapping, field by field: where the value comes from (a column named as in the export,
// or a constant), how its text is read (scale, date format, separators, a value map) and, for
// operation-level files, how operations roll up.
import { Fragment, useId, useState } from 'react';
import { DataTable } from '../components/DataTable';
import { type CanonicalField, FIELD_GROUPS, type Granularity } from './api';
import { GROUP_LABEL } from './format';
import { EMPTY_FIELD, type FieldDraft, type Source } from './profile-form';

const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'first', 'last'] as const;

function TransformFields({
  field,
  draft,
  onChange,
}: {
  field: CanonicalField;
  draft: FieldDraft;
  onChange: (patch: Partial<FieldDraft>) => void;
}) {
  const id = useId();
  const numeric = field.type === 'number' || field.type === 'integer';
  const set = (name: keyof FieldDraft) => (event: { target: { value: string } }) =>
    onChange({ [name]: event.target.value } as Partial<FieldDraft>);
  return (
    <div className="transform-fields">
      {numeric ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-scale`}>Scale</label>
            <input
              id={`${id}-scale`}
              inputMode="decimal"
              value={draft.scale}
              onChange={set('scale')}
              placeholder="1"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-decimal`}>Decimal separator</label>
            <select id={`${id}-decimal`} value={draft.decimal} onChange={set('decimal')}>
              <option value="">Detected</option>
              <option value=".">Point (1.5)</option>
              <option value=",">Comma (1,5)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-thousands`}>Thousands separator</label>
            <select id={`${id}-thousands`} value={draft.thousands} onChange={set('thousands')}>
              <option value="">Detected</option>
              <option value="none">None</option>
              <option value=",">Comma</option>
              <option value=".">Point</option>
              <option value=" ">Space</option>
              <option value="'">Apostrophe</option>
            </select>
          </div>
        </>
      ) : null}
      {field.type === 'date' ? (
        <div className="field">
          <label htmlFor={`${id}-date`}>Date format</label>
          <input
            id={`${id}-date`}
            value={draft.dateFormat}
            onChange={set('dateFormat')}
            placeholder="DD.MM.YYYY, MM/DD/YYYY HH:mm, excel"
          />
        </div>
      ) : null}
      <div className="field transform-value-map">
        <label htmlFor={`${id}-map`}>Value map (one source=value per line)</label>
        <textarea
          id={`${id}-map`}
          rows={2}
          value={draft.valueMap}
          onChange={set('valueMap')}
          placeholder="X=true"
        />
      </div>
    </div>
  );
}

function EditorRow({
  field,
  draft,
  granularity,
  onChange,
}: {
  field: CanonicalField;
  draft: FieldDraft;
  granularity: Granularity;
  onChange: (draft: FieldDraft) => void;
}) {
  const patch = (next: Partial<FieldDraft>) => onChange({ ...draft, ...next });
  const transforms = [draft.scale, draft.dateFormat, draft.decimal, draft.thousands, draft.valueMap].filter(
    Boolean,
  );
  return (
    <tr data-testid={`editor-${field.key}`}>
      <th scope="row" className="mapping-field">
        {field.label}
        {field.required ? <span className="badge badge-inline badge-warn">required</span> : null}
        {field.unit ? <span className="muted"> ({field.unit})</span> : null}
      </th>
      <td>
        <div className="editor-source">
          <select
            className="select-compact"
            aria-label={`Source of ${field.label}`}
            value={draft.source}
            onChange={(event) => patch({ source: event.target.value as Source })}
          >
            <option value="none">Not mapped</option>
            <option value="column">Column</option>
            <option value="constant">Constant</option>
          </select>
          {draft.source !== 'none' ? (
            <input
              className="select-compact"
              aria-label={
                draft.source === 'column' ? `Column of ${field.label}` : `Constant of ${field.label}`
              }
              value={draft.value}
              required
              onChange={(event) => patch({ value: event.target.value })}
            />
          ) : null}
        </div>
      </td>
      <td>
        {draft.source !== 'none' ? (
          <details className="transform">
            <summary>{transforms.length > 0 ? `Transform (${transforms.length})` : 'Transform'}</summary>
            <TransformFields field={field} draft={draft} onChange={patch} />
          </details>
        ) : null}
      </td>
      {granularity === 'operation' ? (
        <td>
          <select
            className="select-compact"
            aria-label={`Roll-up of ${field.label}`}
            value={draft.aggregation}
            onChange={(event) => patch({ aggregation: event.target.value })}
          >
            <option value="">Default ({field.aggregation})</option>
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </td>
      ) : null}
    </tr>
  );
}

export function MappingEditor({
  fields,
  drafts,
  granularity,
  onChange,
}: {
  fields: readonly CanonicalField[];
  drafts: Record<string, FieldDraft>;
  granularity: Granularity;
  onChange: (drafts: Record<string, FieldDraft>) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  // Fields mapped when the form opened, or edited since, stay in view (also once set to "Not mapped").
  const [pinned, setPinned] = useState<ReadonlySet<string>>(
    () => new Set(Object.entries(drafts).flatMap(([key, d]) => (d.source === 'none' ? [] : [key]))),
  );
  const shown = fields.filter((f) => showAll || f.required || pinned.has(f.key));
  const hidden = fields.length - shown.length;
  const columns = ['Field', 'Source', 'Transform', ...(granularity === 'operation' ? ['Roll-up'] : [])];
  return (
    <>
      <DataTable
        columns={columns}
        dense
        caption="The profile’s mapping, field by field"
        testId="mapping-editor"
      >
        {FIELD_GROUPS.map((group) => {
          const inGroup = shown.filter((f) => f.group === group);
          if (inGroup.length === 0) return null;
          return (
            <Fragment key={group}>
              <tr className="group-row">
                <th colSpan={columns.length}>{GROUP_LABEL[group]}</th>
              </tr>
              {inGroup.map((field) => (
                <EditorRow
                  key={field.key}
                  field={field}
                  draft={drafts[field.key] ?? EMPTY_FIELD}
                  granularity={granularity}
                  onChange={(draft) => {
                    if (!pinned.has(field.key)) setPinned(new Set(pinned).add(field.key));
                    onChange({ ...drafts, [field.key]: draft });
                  }}
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
