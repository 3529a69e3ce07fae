import Type from 'typebox';
import type { Scope } from '../../../platform/auth/principal.ts';
import { tenantOf } from '../../../platform/db/scope.ts';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { requestMeta } from '../../../platform/http/request-context.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import {
  KeyParams,
  KeyQuery,
  WorkspaceCreate,
  WorkspaceKeyCreate,
  WorkspacePatch,
  WorkspaceQuery,
} from './catalog.schemas.ts';
import { presentWorkspace, presentWorkspaceKey } from './presenters.ts';
import type { WorkspacesService } from './workspaces.service.ts';

// Workspaces (admins shape them: they carry budgets and keys) and workspace keys (signed-in
// admins only, like every API key).

const tags = ['ai-workspaces'];

export function workspacesRoutes(app: App, { workspaces }: { workspaces: WorkspacesService }) {
  const tenant = (request: Parameters<typeof principalOf>[0]) => tenantOf(principalOf(request));

  app.get(
    '/ai/workspaces',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listAiWorkspaces',
        summary: 'Workspaces of the organisation, by name, with their count of pipelines',
        querystring: WorkspaceQuery,
        response: { 200: Type.Ref('AiWorkspacePage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await workspaces.list(tenant(request), request.query), request.query, presentWorkspace),
  );

  app.post(
    '/ai/workspaces',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createAiWorkspace',
        summary: 'Create a workspace (name unique in the organisation; optional monthly budgets)',
        body: WorkspaceCreate,
        response: { 201: Type.Ref('AiWorkspace'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentWorkspace(await workspaces.create(tenant(request), request.body))),
  );

  app.get(
    '/ai/workspaces/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getAiWorkspace',
        summary: 'A workspace',
        params: IdParams,
        response: { 200: Type.Ref('AiWorkspace'), ...errorResponses(404) },
      },
    },
    async (request) => presentWorkspace(await workspaces.get(tenant(request), request.params.id)),
  );

  app.patch(
    '/ai/workspaces/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateAiWorkspace',
        summary: 'Change a workspace (null clears a budget)',
        params: IdParams,
        body: WorkspacePatch,
        response: { 200: Type.Ref('AiWorkspace'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentWorkspace(await workspaces.update(tenant(request), request.params.id, request.body)),
  );

  app.delete(
    '/ai/workspaces/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteAiWorkspace',
        summary:
          'Delete a workspace whose pipelines are all archived (they go with it); its keys are revoked',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await workspaces.remove(principalOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/ai/workspaces/:id/keys',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags,
        operationId: 'listAiWorkspaceKeys',
        summary: 'API keys bound to the workspace (without their secrets)',
        params: IdParams,
        querystring: KeyQuery,
        response: { 200: Type.Ref('AiWorkspaceKeyPage'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentPage(
        await workspaces.listKeys(tenant(request), request.params.id, {
          ...request.query,
          includeRevoked: request.query.includeRevoked ?? false,
        }),
        request.query,
        presentWorkspaceKey,
      ),
  );

  app.post(
    '/ai/workspaces/:id/keys',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags,
        operationId: 'createAiWorkspaceKey',
        summary: 'Create an API key that reaches only this workspace’s pipelines (the key is shown once)',
        description:
          'Through the gateway the key sees and calls only the pipelines of this workspace. Scopes (default read) may not be wider than your role.',
        params: IdParams,
        body: WorkspaceKeyCreate,
        response: { 201: Type.Ref('AiWorkspaceKeyCreated'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { expiresAt, scopes, name } = request.body;
      const created = await workspaces.createKey(
        principalOf(request),
        request.params.id,
        {
          name,
          scopes: scopes as Scope[] | undefined,
          expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt),
        },
        requestMeta(request),
      );
      return reply.status(201).send({ apiKey: presentWorkspaceKey(created.apiKey), key: created.key });
    },
  );

  app.delete(
    '/ai/workspaces/:id/keys/:keyId',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags,
        operationId: 'revokeAiWorkspaceKey',
        summary: 'Revoke a workspace key (requests with it fail from the next one on)',
        params: KeyParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await workspaces.revokeKey(
        principalOf(request),
        request.params.id,
        request.params.keyId,
        requestMeta(request),
      );
      return reply.status(204).send(null);
    },
  );
}
