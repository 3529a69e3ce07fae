// Mapping profiles (seed 000: GET/POST /api/profiles, PUT/DELETE /api/profiles/:id) and the
// canonical schema they map onto. Analysts and admins write; every tenant role reads.
import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../platform/http/pagination.ts';
import { IdParams, Text } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { ProfileInput, ProfileUpdate } from './analytics.schemas.ts';
import { CANONICAL_FIELDS } from './canonical.ts';
import { presentField, presentProfile } from './presenters.ts';
// The body schema validated it; its refs and records are typed loosely by typebox.
import type { ProfileInput as ProfileFields, ProfilesService } from './profiles.service.ts';

const tags = ['analytics'];

export function profilesRoutes(app: App, { profiles }: { profiles: ProfilesService }) {
  app.get(
    '/analytics/fields',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listCanonicalFields',
        summary: 'The canonical work-order schema: every field a column can be mapped to',
        response: { 200: Type.Array(Type.Ref('CanonicalField')) },
      },
    },
    async () => CANONICAL_FIELDS.map(presentField),
  );

  app.get(
    '/analytics/profiles',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listMappingProfiles',
        summary: 'Mapping profiles, by name',
        querystring: Type.Object(
          {
            q: Type.Optional(
              Text({ minLength: 1, maxLength: 200, description: 'Search name, ERP, description' }),
            ),
            active: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('MappingProfilePage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await profiles.list(principalOf(request), request.query), request.query, presentProfile),
  );

  app.post(
    '/analytics/profiles',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'createMappingProfile',
        summary: 'Save a mapping profile (version 1)',
        body: ProfileInput,
        response: { 201: Type.Ref('MappingProfile'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentProfile(await profiles.create(principalOf(request), request.body as ProfileFields))),
  );

  app.get(
    '/analytics/profiles/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getMappingProfile',
        summary: 'A mapping profile',
        params: IdParams,
        response: { 200: Type.Ref('MappingProfile'), ...errorResponses(404) },
      },
    },
    async (request) => presentProfile(await profiles.get(principalOf(request), request.params.id)),
  );

  app.get(
    '/analytics/profiles/:id/versions',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listMappingProfileVersions',
        summary: 'Every saved version of a mapping profile, newest first',
        params: IdParams,
        response: { 200: Type.Array(Type.Ref('MappingProfileVersion')), ...errorResponses(404) },
      },
    },
    async (request) =>
      (await profiles.versions(principalOf(request), request.params.id)).map((v) => ({
        version: v.version,
        createdAt: v.createdAt.toISOString(),
        createdBy: v.createdBy,
        content: v.content,
      })),
  );

  app.put(
    '/analytics/profiles/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'updateMappingProfile',
        summary: 'Replace a mapping profile’s content: a new version (imports keep the one they used)',
        params: IdParams,
        body: ProfileUpdate,
        response: { 200: Type.Ref('MappingProfile'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) =>
      presentProfile(
        await profiles.update(principalOf(request), request.params.id, request.body as ProfileFields),
      ),
  );

  app.delete(
    '/analytics/profiles/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteMappingProfile',
        summary: 'Delete a mapping profile (imports that used it keep their copy of the mapping)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await profiles.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
