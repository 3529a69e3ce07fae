// Importing sensor history from a CSV file: upload (with its progress), then the import job's live
// progress and final counts. Coded against POST /api/v1/plant-ops/sensors/import?format&facilityId
// (multipart field `file`, answered 202 { jobId }); on a server without that route the page says so.
import { type FormEvent, useId, useState } from 'react';
import { ApiError, isApiErrorEnvelope } from '../api';
import { useMe } from '../auth/hooks';
import { sessionAuthenticator } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useLiveJob } from '../jobs/hooks';
import { formatDuration, JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import { Link } from '../router';
import { TELEMETRY_IMPORT_PAGE } from './paths';

type Format = 'long' | 'wide';

const IMPORT_PATH = '/api/v1/plant-ops/sensors/import';

/** The import route is missing on this server (an older version): not an error of the file. */
function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /^Route /.test(error.message);
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  const requestId = xhr.getResponseHeader('x-request-id') ?? undefined;
  if (isApiErrorEnvelope(body)) {
    return new ApiError({
      status: xhr.status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.requestId ?? requestId,
      details: body.error.details,
    });
  }
  return new ApiError({
    status: xhr.status,
    code: `HTTP_${xhr.status}`,
    message: `Unexpected response from the server (HTTP ${xhr.status}).`,
    requestId,
  });
}

/** Sends the file with XMLHttpRequest, which reports upload progress (fetch does not). */
function send(url: string, file: File, token: string | null, onProgress: (share: number) => void) {
  return new Promise<{ status: number; xhr: XMLHttpRequest }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, xhr });
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: null,
          code: 'NETWORK_ERROR',
          message: 'Could not reach the PlantIntel server.',
        }),
      );
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

async function upload(
  file: File,
  format: Format,
  facilityId: string,
  onProgress: (share: number) => void,
): Promise<string> {
  const url = `${IMPORT_PATH}?${new URLSearchParams({ format, ...(facilityId ? { facilityId } : {}) })}`;
  const token = await sessionAuthenticator.accessToken();
  let result = await send(url, file, token, onProgress);
  // A 401 is decided before the route runs: sending again with a renewed token is safe.
  if (result.status === 401 && token) {
    const renewed = await sessionAuthenticator.renew(token);
    if (renewed) result = await send(url, file, renewed, onProgress);
  }
  if (result.status < 200 || result.status >= 300) throw errorOf(result.xhr);
  const body = JSON.parse(result.xhr.responseText) as { jobId?: unknown };
  if (typeof body.jobId !== 'string')
    throw new ApiError({
      status: result.status,
      code: 'BAD_RESPONSE',
      message: 'The server did not name the import job.',
    });
  return body.jobId;
}

/** "alarmsOpened" → "alarms opened". */
const labelOf = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

/** The first rejected lines the job lists: `{ line, reason, column? }`. */
function isLineError(value: unknown): value is { line: number; reason: string; column?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { line?: unknown }).line === 'number' &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}

/** The job's final counts (whatever figures it reports), rejections by reason and the first rejected lines. */
function ImportResult({ result }: { result: unknown }) {
  if (typeof result !== 'object' || result === null) return null;
  const entries = Object.entries(result as Record<string, unknown>);
  const numbers = entries.filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  const records = entries.filter(
    (entry): entry is [string, Record<string, unknown>] =>
      typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1]),
  );
  const errors = entries.flatMap(([, value]) => (Array.isArray(value) ? value.filter(isLineError) : []));
  return (
    <>
      <dl className="facts import-counts" data-testid="import-counts">
        {numbers.map(([key, value]) => (
          <div key={key}>
            <dt>{labelOf(key)}</dt>
            <dd data-testid={`import-${key}`}>{value.toLocaleString()}</dd>
          </div>
        ))}
        {records.map(([key, value]) => (
          <div key={key}>
            <dt>{labelOf(key)}</dt>
            <dd>
              {Object.entries(value)
                .map(([k, v]) => `${labelOf(k)}: ${typeof v === 'number' ? v.toLocaleString() : String(v)}`)
                .join(' · ') || 'none'}
            </dd>
          </div>
        ))}
      </dl>
      {errors.length > 0 ? (
        <details className="import-errors">
          <summary>First rejected lines ({errors.length})</summary>
          <ul>
            {errors.slice(0, 100).map((e) => (
              <li key={`${e.line}-${e.column ?? ''}-${e.reason}`}>
                Line {e.line.toLocaleString()}
                {e.column ? `, column ${e.column}` : ''}: {labelOf(e.reason)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function ImportJob({ jobId }: { jobId: string }) {
  const { query, refused } = useLiveJob(jobId);
  const job = query.data;
  if (query.isError) return <ErrorNotice error={query.error} title="Could not follow the import" />;
  if (!job) return <p className="state-message">Waiting for the import job…</p>;
  return (
    <div className="import-job" data-testid="import-job" data-status={job.status}>
      <p>
        Import <JobStatusBadge status={job.status} testId="import-status" />{' '}
        {job.message ? <span className="muted">{job.message}</span> : null}
      </p>
      <ProgressBar value={job.progress} label="Import progress" testId="import-progress" />
      {job.status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">The import failed</p>
          <p>{job.error ?? 'No reason was given.'}</p>
        </div>
      ) : null}
      {job.status === 'completed' ? (
        <>
          <div className="notice notice-success" role="status">
            <p>
              Imported in {formatDuration(job.durationMs)}. The sensors’ charts show the history now:{' '}
              <Link to="/telemetry">open the sensors</Link>.
            </p>
          </div>
          <ImportResult result={job.result} />
        </>
      ) : null}
      {refused ? <p className="field-hint">Live progress is not available: {refused}</p> : null}
    </div>
  );
}

export function ImportPage() {
  const facilities = useMe().data?.facilities ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('long');
  const [facilityId, setFacilityId] = useState('');
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const id = useId();
  const facility = facilityId || facilities[0]?.id || '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    setJobId(null);
    setUploaded(0);
    try {
      setJobId(await upload(file, format, facility, setUploaded));
      setUploaded(1);
    } catch (err) {
      setError(err);
      setUploaded(null);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <PageHeader title={TELEMETRY_IMPORT_PAGE.title} description={TELEMETRY_IMPORT_PAGE.description} />
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Upload</h2>
        <form className="form import-form" onSubmit={submit} aria-label="Import sensor history">
          <div className="field">
            <label htmlFor={`${id}-file`}>CSV file</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-describedby={`${id}-file-hint`}
            />
            <p className="field-hint" id={`${id}-file-hint`}>
              {file
                ? `${file.name}, ${(file.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB`
                : 'A .csv file with a header row.'}
            </p>
          </div>
          <fieldset className="choice-group import-layout">
            <legend>Layout</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === 'long'}
                onChange={() => setFormat('long')}
              />
              <span>
                <strong>Long</strong>: one reading per row — sensor key, time, value (for example{' '}
                <code>sensor_key,ts,value</code>)
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === 'wide'}
                onChange={() => setFormat('wide')}
              />
              <span>
                <strong>Wide</strong>: one row per time, one column per sensor key (for example{' '}
                <code>ts,L1-FLOW,L1-TANK-PRESS</code>)
              </span>
            </label>
          </fieldset>
          <SelectField
            id={`${id}-facility`}
            label="Facility"
            value={facility}
            onChange={setFacilityId}
            hint={<p className="field-hint">Sensor keys are looked up in this facility.</p>}
          >
            {facilities.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button type="submit" className="button" disabled={pending || !file}>
              {pending ? 'Uploading…' : 'Upload and import'}
            </button>
          </div>
        </form>
        {uploaded !== null ? (
          <div className="import-job">
            <p>
              Upload <span className="muted">{uploaded >= 1 ? 'complete' : 'sending the file…'}</span>
            </p>
            <ProgressBar value={uploaded * 100} label="Upload progress" testId="upload-progress" />
          </div>
        ) : null}
        {error && isMissingRoute(error) ? (
          <div className="notice notice-warn" role="alert" data-testid="import-unavailable">
            <p className="notice-title">Import is not available on this server yet</p>
            <p>
              This server does not offer CSV import. Readings can be sent through the API in the meantime (
              <a href="/docs">POST /api/v1/plant-ops/sensors/readings/bulk</a>).
            </p>
          </div>
        ) : error ? (
          <ErrorNotice error={error} title="Could not upload the file" />
        ) : null}
        {jobId ? <ImportJob jobId={jobId} /> : null}
      </section>
    </>
  );
}
