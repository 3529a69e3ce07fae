import Type from 'typebox';
import { tenantOf } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import { requestMeta } from '../../platform/http/request-context.ts';
import type { App } from '../../platform/http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';
import type { AuditService } from './audit.service.ts';
import type { CustomersService } from './customers.service.ts';
import {
  ApiKeyCreate,
  ApiKeyQuery,
  AuditQuery,
  IdParams,
  MemberCreate,
  MemberPatch,
  MemberQuery,
} from './identity.schemas.ts';
import {
  presentApiKey,
  presentAuditEntry,
  presentFacility,
  presentInvitation,
  presentMember,
} from './presenters.ts';
import type { UsersService } from './users.service.ts';

interface Deps {
  audit: AuditService;
  users: UsersService;
  apiKeys: ApiKeysService;
  customers: CustomersService;
}

/** What a tenant manages about itself: members, API keys, audit log, facilities. */
export function tenantRoutes(app: App, { audit, users, apiKeys, customers }: Deps) {
  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        operationId: 'listUsers',
        summary: 'Members of your organisation',
        querystring: MemberQuery,
        response: { 200: Type.Ref('MemberPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await users.list(principalOf(request), request.query), request.query, presentMember),
  );

  app.post(
    '/users',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags: ['users'],
        operationId: 'inviteUser',
        summary: 'Invite a person with a role',
        description:
          'Creates an `invited` membership and a one-time link. The person accepts it by choosing a password if they are new to PlantIntel, or signed in with their account if they have one; the answer is the same either way. Signed-in admins only: API keys cannot add members.',
        body: MemberCreate,
        response: { 201: Type.Ref('MemberCreated'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { member, invitation } = await users.create(
        principalOf(request),
        request.body,
        requestMeta(request),
      );
      return reply.status(201).send({
        user: presentMember(member),
        invitation: invitation && presentInvitation(invitation),
      });
    },
  );

  app.post(
    '/users/:id/invitation',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags: ['users'],
        operationId: 'reissueInvitation',
        summary: 'A new invitation link for a member who has not accepted yet',
        description: 'Older links of that member stop working. Signed-in admins only.',
        params: IdParams,
        response: { 201: Type.Ref('Invitation'), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const invitation = await users.reinvite(principalOf(request), request.params.id, requestMeta(request));
      return reply.status(201).send(presentInvitation(invitation));
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        operationId: 'getUser',
        summary: 'A member of your organisation',
        params: IdParams,
        response: { 200: Type.Ref('Member'), ...errorResponses(404) },
      },
    },
    async (request) => presentMember(await users.get(principalOf(request), request.params.id)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'admin', signedIn: true },
      schema: {
        tags: ['users'],
        operationId: 'updateUser',
        summary: "Change a member's role, or deactivate / reactivate them",
        description:
          'A new role applies to their next request; deactivation ends their sign-ins and keys in this organisation. The last active admin cannot be demoted or deactivated. Signed-in admins only.',
        params: IdParams,
        body: MemberPatch,
        response: { 200: Type.Ref('Member'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentMember(
        await users.update(principalOf(request), request.params.id, request.body, requestMeta(request)),
      ),
  );

  app.get(
    '/api-keys',
    {
      config: { access: 'read' },
      schema: {
        tags: ['api-keys'],
        operationId: 'listApiKeys',
        summary: 'API keys: all of the organisation for admins, your own otherwise',
        description: 'With an API key this needs the scope `admin`.',
        querystring: ApiKeyQuery,
        response: { 200: Type.Ref('ApiKeyPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await apiKeys.list(principalOf(request), request.query), request.query, presentApiKey),
  );

  app.post(
    '/api-keys',
    {
      config: { access: 'read', signedIn: true },
      schema: {
        tags: ['api-keys'],
        operationId: 'createApiKey',
        summary: 'Create an API key (the key is shown once)',
        description:
          'Scopes may not be wider than your role. Only signed-in users, not API keys, create keys.',
        body: ApiKeyCreate,
        response: { 201: Type.Ref('ApiKeyCreated'), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const created = await apiKeys.create(
        principalOf(request),
        {
          ...rest,
          expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt),
        },
        requestMeta(request),
      );
      return reply.status(201).send({
        apiKey: presentApiKey({ key: created.row, creatorEmail: created.creatorEmail }),
        key: created.key,
      });
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['api-keys'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key (yours, or any as admin)',
        description:
          'With an API key this needs the scope `admin`. Requests with the key fail from the next one on.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(principalOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/audit-log',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditLog',
        summary: 'Who did what, when, in your organisation (newest first)',
        querystring: AuditQuery,
        response: { 200: Type.Ref('AuditPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const tenantId = tenantOf(principalOf(request));
      const rows = await audit.list(tenantId, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      const last = rows.at(-1);
      return {
        items: rows.map(presentAuditEntry),
        nextCursor: rows.length === request.query.limit && last ? last.id : null,
      };
    },
  );

  app.get(
    '/facilities',
    {
      config: { access: 'read' },
      schema: {
        tags: ['facilities'],
        operationId: 'listFacilities',
        summary: "Your organisation's facilities",
        response: { 200: Type.Ref('FacilityList') },
      },
    },
    async (request) => ({
      items: (await customers.facilitiesOfTenant(tenantOf(principalOf(request)))).map(presentFacility),
    }),
  );
}
