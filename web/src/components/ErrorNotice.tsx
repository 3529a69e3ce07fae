import { ApiError, describeError } from '../api';

interface FieldProblem {
  path: string;
  message: string;
}

function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is FieldProblem =>
      typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
  );
}

/** A failed request: the server's message, what was wrong per field, and the request ID to quote. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { message, requestId } = describeError(error);
  const problems = fieldProblems(error);
  return (
    <div className="notice notice-error" role="alert">
      {title ? <p className="notice-title">{title}</p> : null}
      <p>{message}</p>
      {problems.length > 0 ? (
        <ul className="notice-list">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path.replace(/^\/body\//, '')}</code> {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? (
        <p className="notice-meta">
          Request ID: <code data-testid="error-request-id">{requestId}</code>
        </p>
      ) : null}
    </div>
  );
}
