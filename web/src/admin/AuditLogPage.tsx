import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryTable } from '../components/DataTable';
import { InputField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useDebounced } from '../debounce';
import { formatDateTime } from '../format';
import { AUDIT_LOG_PAGE } from '../modules';
import { type AuditEntry, auditApi } from './api';

const PAGE_SIZE = 50;

function describeDetails(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

function describeTarget(target: AuditEntry['target']): string {
  if (!target) return '—';
  return target.id ? `${target.type} ${target.id.slice(0, 8)}` : target.type;
}

export function AuditLogPage() {
  const [action, setAction] = useState('');
  // The log pages with a cursor: each older page starts before the last entry of the one shown.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1);
  const filter = { action: useDebounced(action.trim()), before, limit: PAGE_SIZE };
  const log = useQuery({
    queryKey: ['admin', 'audit-log', filter],
    queryFn: ({ signal }) => auditApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const page = log.data;
  const pageNumber = cursors.length + 1;
  return (
    <>
      <PageHeader title={AUDIT_LOG_PAGE.title} description={AUDIT_LOG_PAGE.description} />
      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Entries</h2>
        <div className="toolbar">
          <InputField
            id="audit-action"
            label="Action"
            type="search"
            placeholder="e.g. user.create"
            value={action}
            onChange={(value) => {
              setAction(value);
              setCursors([]);
            }}
          />
        </div>

        <QueryTable
          query={log}
          loading="Loading the audit log…"
          errorTitle="Could not load the audit log"
          empty={action ? 'No entries with this action.' : 'Nothing recorded yet.'}
          columns={['When', 'Action', 'Who', 'Target', 'Subject', 'Details', 'IP', 'Request ID']}
          dense
          row={(entry) => (
            <tr>
              <td className="cell-nowrap">{formatDateTime(entry.occurredAt)}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.actor.label ?? '—'}</td>
              <td title={entry.target?.id ?? undefined}>{describeTarget(entry.target)}</td>
              <td>{entry.subject ?? '—'}</td>
              <td className="cell-details">{describeDetails(entry.details)}</td>
              <td>{entry.ip ?? '—'}</td>
              <td>{entry.requestId ? <code>{entry.requestId}</code> : '—'}</td>
            </tr>
          )}
        />
        {page && (cursors.length > 0 || page.nextCursor !== null) ? (
          <nav className="pagination" aria-label="Audit log pages">
            <span className="muted">Page {pageNumber}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={cursors.length === 0}
              onClick={() => setCursors((was) => was.slice(0, -1))}
            >
              Newer
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={page.nextCursor === null || log.isPlaceholderData}
              onClick={() => {
                const next = page.nextCursor;
                if (next !== null) setCursors((was) => [...was, next]);
              }}
            >
              Older
            </button>
          </nav>
        ) : null}
      </section>
    </>
  );
}
