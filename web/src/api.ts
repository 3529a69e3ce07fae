/**
 * Tiny fetch client for the PlantIntel server.
 *
 * Server errors arrive as `{ error: { code, message, details?, requestId } }`;
 * they are turned into an `ApiError` carrying the message and request ID so the
 * UI can show both (the request ID is what operators quote in support tickets).
 *
 * Requests to /api/v1 carry the signed-in user's access token when an
 * `Authenticator` is installed (see auth/session.ts); a 401 renews the token
 * once and repeats the request.
 */

const DEFAULT_TIMEOUT_MS = 10_000;

export interface ApiErrorEnvelope {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export class ApiError extends Error {
  /** HTTP status, or null when no response was received (network failure, timeout). */
  readonly status: number | null;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;
  /** From the Retry-After header of a 429 answer. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number | null;
    code: string;
    message: string;
    requestId?: string | undefined;
    details?: unknown;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export interface RequestOptions {
  method?: string;
  /** Serialized as JSON when present. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Send the access token; default: for /api/v1 paths. */
  auth?: boolean;
}

/** Supplies access tokens to the client; installed by the session layer. */
export interface Authenticator {
  /** A usable access token (renewed first when about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** The server refused `rejected`: renew once and return the new token, or null when the session is over. */
  renew(rejected: string): Promise<string | null>;
}

let authenticator: Authenticator | null = null;

export function setAuthenticator(next: Authenticator | null): void {
  authenticator = next;
}

interface Exchange {
  response: Response;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isApiErrorEnvelope(value: unknown): value is ApiErrorEnvelope {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

/** Performs the request and reads the body, both under one timeout. */
async function exchange(path: string, options: RequestOptions = {}): Promise<Exchange> {
  const { method = 'GET', body, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  else signal?.addEventListener('abort', forwardAbort, { once: true });

  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';

  try {
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
    const text = await response.text();
    let parsed: unknown;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { response, body: parsed };
  } catch (cause) {
    // Cancellation by the caller (e.g. TanStack Query) must propagate unchanged.
    if (signal?.aborted && !timedOut) throw cause;
    throw new ApiError({
      status: null,
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut
        ? `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`
        : 'Could not reach the PlantIntel server.',
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function errorFromResponse({ response, body }: Exchange): ApiError {
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  if (isApiErrorEnvelope(body)) {
    return new ApiError({
      status: response.status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.requestId ?? headerRequestId,
      details: body.error.details,
      retryAfterSeconds: retryAfter(response),
    });
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `Unexpected response from the server (HTTP ${response.status}${statusText}).`,
    requestId: headerRequestId,
  });
}

function withBearer(options: RequestOptions, token: string | null): RequestOptions {
  return token ? { ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } } : options;
}

/** Sends a request and resolves with the parsed JSON body; rejects with ApiError on non-2xx. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = authenticator && (options.auth ?? path.startsWith('/api/v1/')) ? authenticator : null;
  const token = auth ? await auth.accessToken() : null;
  let result = await exchange(path, withBearer(options, token));
  // A 401 is decided before the route runs, so repeating the request (even a POST) is safe.
  if (auth && token && result.response.status === 401) {
    const renewed = await auth.renew(token);
    if (renewed) result = await exchange(path, withBearer(options, renewed));
  }
  if (!result.response.ok) throw errorFromResponse(result);
  return result.body as T;
}

/** `path?a=1&b=x`, leaving out parameters that are undefined, null or empty. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | null | undefined>,
) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Message plus request ID (when known) for showing any thrown value to the user. */
export function describeError(error: unknown): { message: string; requestId?: string } {
  if (error instanceof ApiError) {
    return error.requestId
      ? { message: error.message, requestId: error.requestId }
      : { message: error.message };
  }
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

// --- Readiness -----------------------------------------------------------------

export type DatabaseDriver = 'pglite' | 'postgres';

export interface ReadyResponse {
  status: 'ready' | 'unavailable';
  version: string;
  database: {
    driver: DatabaseDriver | (string & {});
    ok: boolean;
    latencyMs: number | null;
  };
}

function isReadyResponse(value: unknown): value is ReadyResponse {
  if (!isRecord(value) || !isRecord(value.database)) return false;
  const { status, version, database } = value;
  return (
    (status === 'ready' || status === 'unavailable') &&
    typeof version === 'string' &&
    typeof database.driver === 'string' &&
    typeof database.ok === 'boolean' &&
    (database.latencyMs === null || typeof database.latencyMs === 'number')
  );
}

/**
 * `GET /ready` answers 200 when ready and 503 when not, with the same body shape
 * either way, so the body is read regardless of status. Anything else is an error.
 */
export async function fetchReady(signal?: AbortSignal): Promise<ReadyResponse> {
  const result = await exchange('/ready', { signal, timeoutMs: 4_000 });
  if (isReadyResponse(result.body)) return result.body;
  if (!result.response.ok) throw errorFromResponse(result);
  throw new ApiError({
    status: result.response.status,
    code: 'BAD_RESPONSE',
    message: 'The server answered /ready with an unexpected body.',
    requestId: result.response.headers.get('x-request-id') ?? undefined,
  });
}
