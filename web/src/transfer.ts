// Files to and from the API with the signed-in user's token: multipart uploads sent with
// XMLHttpRequest (it reports upload progress, fetch does not), downloads saved through a blob, and
// answers read as they stream in.
import { ApiError, isApiErrorEnvelope } from './api';
import { sessionAuthenticator } from './auth/session';

/** A multipart field: text, or a file (a `Blob` with the name it is sent under). */
export type FormPart = { name: string; value: string } | { name: string; value: Blob; fileName: string };

export interface SendOptions {
  onProgress?: (share: number) => void;
  signal?: AbortSignal;
}

function errorOf(status: number, text: string, requestId: string | undefined): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isApiErrorEnvelope(body)) {
    return new ApiError({
      status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.requestId ?? requestId,
      details: body.error.details,
    });
  }
  const message =
    status === 413
      ? 'The file is larger than this server accepts.'
      : `Unexpected response from the server (HTTP ${status}).`;
  return new ApiError({ status, code: `HTTP_${status}`, message, requestId });
}

function sendOnce(path: string, parts: readonly FormPart[], token: string | null, options: SendOptions) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const settle = () => options.signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      settle();
      resolve(xhr);
    };
    xhr.onabort = () => {
      settle();
      reject(options.signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    xhr.onerror = () => {
      settle();
      reject(
        new ApiError({
          status: null,
          code: 'NETWORK_ERROR',
          message: 'Could not reach the PlantIntel server.',
        }),
      );
    };
    // Text fields first: the server reads them before it streams the file.
    const form = new FormData();
    for (const part of parts) {
      if (!('fileName' in part)) form.append(part.name, part.value);
    }
    for (const part of parts) {
      if ('fileName' in part) form.append(part.name, part.value, part.fileName);
    }
    xhr.send(form);
  });
}

/** POSTs `parts` as multipart/form-data; resolves with the JSON answer, rejects with ApiError on non-2xx. */
export async function postForm<T>(path: string, parts: readonly FormPart[], options: SendOptions = {}) {
  const token = await sessionAuthenticator.accessToken();
  let xhr = await sendOnce(path, parts, token, options);
  // A 401 is decided before the route runs: sending again with a renewed token is safe.
  if (xhr.status === 401 && token) {
    const renewed = await sessionAuthenticator.renew(token);
    if (renewed) xhr = await sendOnce(path, parts, renewed, options);
  }
  const requestId = xhr.getResponseHeader('x-request-id') ?? undefined;
  if (xhr.status < 200 || xhr.status >= 300) throw errorOf(xhr.status, xhr.responseText, requestId);
  try {
    return JSON.parse(xhr.responseText) as T;
  } catch {
    throw new ApiError({
      status: xhr.status,
      code: 'BAD_RESPONSE',
      message: 'The server answered with an unexpected body.',
      requestId,
    });
  }
}

/** The file name a Content-Disposition header gives, or null. */
function fileNameOf(disposition: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? null;
}

/** What `fetchWithToken` passes on to `fetch` (headers as a plain object, to add the token to). */
export type FetchInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

async function fetchOnce(path: string, token: string | null, init: FetchInit) {
  try {
    return await fetch(path, {
      ...init,
      headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store',
    });
  } catch (cause) {
    // Cancellation by the caller must propagate unchanged.
    if (init.signal?.aborted) throw cause;
    throw new ApiError({
      status: null,
      code: 'NETWORK_ERROR',
      message: 'Could not reach the PlantIntel server.',
    });
  }
}

/**
 * `fetch` with the user's token (renewed once on a 401), for answers read as they arrive or as a
 * file; rejects with ApiError on a non-2xx answer.
 */
export async function fetchWithToken(path: string, init: FetchInit = {}): Promise<Response> {
  const token = await sessionAuthenticator.accessToken();
  let response = await fetchOnce(path, token, init);
  // A 401 is decided before the route runs: sending again with a renewed token is safe.
  if (response.status === 401 && token) {
    const renewed = await sessionAuthenticator.renew(token);
    if (renewed) response = await fetchOnce(path, renewed, init);
  }
  if (!response.ok) {
    throw errorOf(response.status, await response.text(), response.headers.get('x-request-id') ?? undefined);
  }
  return response;
}

/** Downloads `path` (which needs the user's token, so a plain link cannot) and saves it as a file. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetchWithToken(path);
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // The browser reads the blob after the click returns: the address is kept a little while.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
