// A typed layer over `request` (api.ts): the path is one of the API's paths, the parameters and body
// are what that operation declares, and the result is its success response — all from api-schema.ts,
// which `npm run openapi` generates from the server's own schemas. A schema change that a view no
// longer fits fails `npm run typecheck` instead of the dashboard.
import { request, withQuery } from './api';
import type { paths } from './api-schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The paths that have an operation for `M`. */
type PathsFor<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? NonNullable<X> : never;
type JsonBody<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<O> = O extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;

/** What a call passes: its path parameters, query and body where the operation has them. */
export type CallOptions<O> = { signal?: AbortSignal | undefined } & ([PathParams<O>] extends [never]
  ? unknown
  : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? unknown : { query: QueryParams<O> }) &
  ([JsonBody<O>] extends [never] ? unknown : { body: JsonBody<O> });

interface LooseOptions {
  signal?: AbortSignal | undefined;
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
}

/** `/a/{id}/b` with `{ id }` filled in (encoded); a missing parameter is a programming error. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path parameter ${name} missing for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function call(method: Method, template: string, options: LooseOptions): Promise<unknown> {
  const url = withQuery(fillPath(template, options.path), options.query ?? {});
  return request(url, {
    method: method.toUpperCase(),
    ...(options.body !== undefined ? { body: options.body } : {}),
    signal: options.signal,
  });
}

const verb =
  <M extends Method>(method: M) =>
  <P extends PathsFor<M>>(path: P, options: CallOptions<Operation<P, M>>) =>
    call(method, path, options as LooseOptions) as Promise<Success<Operation<P, M>>>;

/** `client.get('/api/v1/plant-ops/batches/{id}', { path: { id } })` → the Batch schema's type. */
export const client = {
  get: verb('get'),
  post: verb('post'),
  put: verb('put'),
  patch: verb('patch'),
  delete: verb('delete'),
};
