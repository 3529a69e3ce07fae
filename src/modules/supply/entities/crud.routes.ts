import Type, { type Static, type TSchema } from 'typebox';
import type { Principal } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { present } from './presenters.ts';

// The five routes of an entity kind under /supply/entities/<kind>: list (filters, pages), create,
// get, update, delete. Reads need `read`; changes `analyze` (planners: analysts and admins).

export const tags = ['supply'];

export interface KindRoutes<C extends TSchema, P extends TSchema, Q extends TSchema, R> {
  /** The path segment: `warehouses`, `vehicle-assignments`… */
  kind: string;
  /** The response's $id (its page is `<one>Page`) and the operationIds' stem: `SupplyWarehouse`. */
  one: string;
  /** The list's operationId stem: `SupplyWarehouses`. */
  many: string;
  create: C;
  patch: P;
  query: Q;
  summary: { list: string; create: string; get: string; update: string; remove?: string };
  service: {
    list(principal: Principal, query: Static<Q>): Promise<{ items: R[]; total: number }>;
    get(principal: Principal, id: string): Promise<R>;
    create(principal: Principal, body: Static<C>): Promise<R>;
    update(principal: Principal, id: string, body: Static<P>): Promise<R>;
    /** Left out when the kind registers a delete of its own. */
    remove?: (principal: Principal, id: string) => Promise<void>;
  };
}

export function kindRoutes<
  C extends TSchema,
  P extends TSchema,
  Q extends TSchema,
  R extends { tenantId: string },
>(app: App, spec: KindRoutes<C, P, Q, R>) {
  const { kind, one, many, service, summary } = spec;
  const url = `/supply/entities/${kind}`;
  const item = Type.Ref(one);

  app.get(
    url,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: `list${many}`,
        summary: summary.list,
        querystring: spec.query,
        response: { 200: Type.Ref(`${one}Page`), ...errorResponses(400) },
      },
    },
    async (request) => {
      const query = request.query as Static<Q> & { limit: number; offset: number };
      return presentPage(await service.list(principalOf(request), query), query, present);
    },
  );

  app.post(
    url,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: `create${one}`,
        summary: summary.create,
        body: spec.create,
        response: { 201: item, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await service.create(principalOf(request), request.body as Static<C>))),
  );

  app.get(
    `${url}/:id`,
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: `get${one}`,
        summary: summary.get,
        params: IdParams,
        response: { 200: item, ...errorResponses(404) },
      },
    },
    async (request) => present(await service.get(principalOf(request), request.params.id)),
  );

  app.patch(
    `${url}/:id`,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: `update${one}`,
        summary: summary.update,
        params: IdParams,
        body: spec.patch,
        response: { 200: item, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      present(await service.update(principalOf(request), request.params.id, request.body as Static<P>)),
  );

  const remove = service.remove;
  if (!remove) return;
  app.delete(
    `${url}/:id`,
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: `delete${one}`,
        summary: summary.remove,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
