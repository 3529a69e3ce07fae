// Download buttons for a list's or a report's exports (`…/export?format=…` with the page's filters).
// The API needs the user's token, so a plain link cannot fetch the file: it is fetched, read as it
// streams in (the bytes received are shown), kept as a blob and saved through an object address.
import { useRef, useState } from 'react';
import { withQuery } from '../api';
import { fetchWithToken } from '../transfer';
import { ErrorNotice } from './ErrorNotice';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'json';

const LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF', json: 'JSON' };
const NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'an Excel workbook',
  pdf: 'a PDF report',
  json: 'JSON',
};

// Inline: the menu sits in page headers and toolbars of every module, whatever their stylesheets.
const ROW = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '0.375rem',
  border: 0,
  margin: 0,
  padding: 0,
  minWidth: 0,
} as const;

type Params = Record<string, string | number | boolean | null | undefined>;

function fileNameOf(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads the answer as it arrives, reporting the bytes so far. */
async function blobOf(response: Response, onBytes: (bytes: number) => void): Promise<Blob> {
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  return new Blob(chunks as BlobPart[], { type });
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser reads the blob after the click returns: the address is kept a little while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Buttons "CSV", "Excel", "PDF"… that download `path?format=…&<params>`. `what` names the content
 * for screen readers and file names ("batches", "the OEE report").
 */
export function ExportMenu({
  path,
  params = {},
  formats,
  what,
}: {
  path: string;
  params?: Params;
  formats: readonly ExportFormat[];
  what: string;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [bytes, setBytes] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  async function download(format: ExportFormat) {
    const controller = new AbortController();
    abort.current = controller;
    setBusy(format);
    setBytes(0);
    setError(null);
    try {
      const response = await fetchWithToken(withQuery(path, { ...params, format }), {
        signal: controller.signal,
        headers: { accept: '*/*' },
      });
      const blob = await blobOf(response, setBytes);
      const fallback = `${what.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export'}.${format}`;
      save(blob, fileNameOf(response.headers.get('content-disposition')) ?? fallback);
    } catch (cause) {
      if (!controller.signal.aborted) setError(cause);
    } finally {
      abort.current = null;
      setBusy(null);
    }
  }

  return (
    <fieldset className="export-menu" style={ROW}>
      <legend className="visually-hidden">{`Export ${what}`}</legend>
      <span className="export-menu-label muted" aria-hidden="true">
        Export
      </span>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          className="button button-secondary button-small"
          disabled={busy !== null}
          aria-label={`Download ${what} as ${NAMES[format]}`}
          onClick={() => void download(format)}
        >
          {LABELS[format]}
        </button>
      ))}
      <span className="export-menu-status" aria-live="polite">
        {busy ? `Downloading ${LABELS[busy]}…${bytes > 0 ? ` ${formatBytes(bytes)}` : ''}` : ''}
      </span>
      {busy ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => abort.current?.abort()}
        >
          Cancel
        </button>
      ) : null}
      {error ? (
        <div style={{ flexBasis: '100%' }}>
          <ErrorNotice error={error} title={`Could not download ${what}`} />
        </div>
      ) : null}
    </fieldset>
  );
}
