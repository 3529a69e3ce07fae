import type { FastifyRequest } from 'fastify';
import { type Access, denialReason, type Principal, SCOPE_DESCRIPTIONS } from '../auth/principal.ts';
import { currentLogContext } from '../observability/log-context.ts';
import { AppError, forbidden, validationFailed } from './errors.ts';
import { errorResponses } from './openapi.ts';
import { looseRequestParts, numericTextFields } from './schema-rules.ts';
import type { App } from './types.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every /api route; the OpenAPI shows it. */
    access?: Access;
    /**
     * Only a signed-in person, never an API key whatever its scopes: identity administration
     * (members, invitations, key creation, sign-out) must not be done by a credential it manages.
     */
    signedIn?: boolean;
    /**
     * The handler takes non-finite numbers in the body as data and answers for them itself (the
     * readings ingest counts them as rejected readings, `non_finite_value`): the body is not refused.
     */
    nonFiniteInBody?: 'counted';
  }
  interface FastifyRequest {
    /** Set by access control before the handler runs on every route that is not public. */
    principal: Principal | null;
  }
}

/** Resolves the caller from the request's credentials; throws AppError('unauthorized') if there are none. */
export type Authenticate = (request: FastifyRequest) => Promise<Principal>;

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  signedIn: boolean;
  /** The route's request schemas (body, querystring, params), for the sweeps that walk the table. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

const tables = new WeakMap<object, RouteAccess[]>();

/** Every route under access control with its access level, in registration order (the security tests walk it). */
export function routeTable(app: App): readonly RouteAccess[] {
  return tables.get(app) ?? [];
}

/** The principal of a route that is not public (access control guarantees it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('internal', 'route has no principal; is it marked public?');
  return request.principal;
}

/**
 * Makes every /api route declare who may call it and enforces that declaration before the handler:
 * credentials → 401, scope or role → 403. Registered before any module, so no route escapes it.
 */
export function registerAccessControl(app: App, authenticate: Authenticate) {
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.decorateRequest('principal', null);

  const loose: string[] = [];
  app.addHook('onReady', async () => {
    if (loose.length > 0) {
      throw new Error(
        `request schemas must be bounded (see platform/http/schema-rules.ts):\n${loose.join('\n')}`,
      );
    }
  });

  app.addHook('onRoute', (route) => {
    // Outside /api, a route that declares its access (InfluxDB's /write) is held to it all the same.
    if (!route.url.startsWith('/api/') && route.config?.access === undefined) return;
    if (route.method !== 'HEAD') {
      loose.push(
        ...looseRequestParts(route as Parameters<typeof looseRequestParts>[0], (ref) => app.getSchema(ref)),
      );
    }
    const access = route.config?.access;
    if (!access) {
      throw new Error(
        `${route.method} ${route.url} must declare config.access (see platform/http/access.ts)`,
      );
    }
    const signedIn = route.config?.signedIn === true;
    const { body, querystring, params } = (route.schema ?? {}) as RouteAccess['schema'];
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        table.push({ method, url: route.url, access, signedIn, schema: { body, querystring, params } });
    }
    route.schema ??= {};
    const schema = route.schema as Record<string, unknown>;
    const described = schema.description ? `${schema.description}\n\n` : '';
    const who = signedIn ? ', signed in (not with an API key)' : '';
    schema.description = `${described}**Access:** ${SCOPE_DESCRIPTIONS[access]}${who}.`;
    // Numbers that validation coerced from text without checking them finite (see nonFinitePath).
    const numeric = numericTextFields(route as Parameters<typeof numericTextFields>[0], (ref) =>
      app.getSchema(ref),
    );
    const checkBody = schema.body !== undefined && route.config?.nonFiniteInBody !== 'counted';
    if (numeric.length > 0 || checkBody)
      route.preHandler = [finiteNumbers(numeric, checkBody), ...[route.preHandler ?? []].flat()];
    if (access === 'public') {
      schema.security = [];
      return;
    }
    schema.security = [{ bearerAuth: [] }, { apiKey: [] }];
    schema.response = { ...errorResponses(401, 403), ...(schema.response as object | undefined) };

    const guard = async (request: FastifyRequest) => {
      const principal = await authenticate(request);
      const denied = denialReason(principal, access);
      if (denied) throw forbidden(denied);
      if (signedIn && principal.kind !== 'user') {
        throw forbidden('This endpoint is for signed-in people; an API key cannot use it');
      }
      request.principal = principal;
      // From here on the request's log lines say whose request it is.
      const logContext = currentLogContext();
      if (logContext) {
        if (principal.tenantId) logContext.tenantId = principal.tenantId;
        logContext.userId = principal.userId;
      }
    };
    route.onRequest = [guard, ...[route.onRequest ?? []].flat()];
  });
}

/**
 * Refuses numbers that validation let through non-finite: Ajv coerces text such as "Infinity" or
 * "1e400" to a number and then skips the minimum and maximum, in the query, the path and anywhere
 * in a JSON body (JSON itself has no such number).
 */
function finiteNumbers(fields: { part: 'query' | 'params'; name: string }[], body: boolean) {
  const refuse = (path: string) =>
    validationFailed('Request does not match the schema', [{ path, message: 'must be a finite number' }]);
  return async (request: FastifyRequest) => {
    for (const { part, name } of fields) {
      const value = (request[part] as Record<string, unknown> | undefined)?.[name];
      if (typeof value === 'number' && !Number.isFinite(value))
        throw refuse(`/${part === 'query' ? 'querystring' : 'params'}/${name}`);
    }
    if (!body) return;
    const at = nonFinitePath(request.body);
    if (at !== undefined) throw refuse(`/body${at}`);
  };
}

/**
 * The JSON pointer of the first non-finite number in a parsed body, or undefined. One walk without
 * recursion; each entry keeps its parent, so a path is spelled only for the number found (a bulk
 * body of 50,000 readings builds no strings).
 */
export function nonFinitePath(value: unknown): string | undefined {
  interface Entry {
    item: unknown;
    key: string | number;
    parent: Entry | undefined;
  }
  const stack: Entry[] = [{ item: value, key: '', parent: undefined }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { item } = entry;
    if (typeof item === 'number') {
      if (Number.isFinite(item)) continue;
      let path = '';
      for (let at: Entry | undefined = entry; at?.parent; at = at.parent)
        path = `/${String(at.key).replaceAll('~', '~0').replaceAll('/', '~1')}${path}`;
      return path;
    }
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    // Pushed last to first, so the first member is looked at first.
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push({ item: item[i], key: i, parent: entry });
      continue;
    }
    const keys = Object.keys(item);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ item: (item as Record<string, unknown>)[key], key, parent: entry });
    }
  }
  return undefined;
}
