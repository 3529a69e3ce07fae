import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Type from 'typebox';
import type { Config } from '../../config.ts';
import { ERROR_STATUS } from './errors.ts';
import type { App } from './types.ts';

export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(Object.keys(ERROR_STATUS).map((c) => Type.Literal(c))),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** Response entries for the error statuses a route can produce, all with the one error body. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorBody')]));
}

interface OpenApiPaths {
  paths?: Record<
    string,
    Record<string, { parameters?: { in: string; required?: boolean; schema?: object }[] }>
  >;
}

function optionalDefaults<T extends OpenApiPaths>(document: T): T {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && parameter.schema && 'default' in parameter.schema)
          parameter.required = false;
      }
    }
  }
  return document;
}

export async function registerOpenApi(app: App, config: Config) {
  app.addSchema(ErrorBodySchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PlantIntel API',
        version: config.version,
        description:
          'Operations intelligence for manufacturers. Every error response has the body `{ error: { code, message, details?, requestId } }`; the `x-request-id` response header carries the same id.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-PlantIntel-Proprietary' },
      },
      // Paths are relative to the server that publishes this document.
      servers: [{ url: '/', description: 'The PlantIntel server publishing this document' }],
      tags: [
        { name: 'platform', description: 'Liveness, readiness, metrics' },
        { name: 'auth', description: 'Sign-in, token refresh, sign-out, the current user' },
        { name: 'users', description: "Members of the caller's organisation (tenant admins)" },
        { name: 'api-keys', description: 'Keys for integrations: X-API-Key header, scoped, revocable' },
        { name: 'audit', description: 'Audit log of security-relevant and administrative actions' },
        { name: 'facilities', description: "The caller's plants and sites" },
        { name: 'admin', description: 'Customers (tenants) and facilities — platform superadmins' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'Access token from POST /api/v1/auth/login (or an API key, or an external OIDC token)',
          },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (pi_…)' },
        },
      },
    },
    // A query parameter with a default may be left out (the server fills it in): not `required`, so
    // generated clients (the dashboard's api-schema.ts among them) do not demand it.
    transformObject: (document) =>
      'openapiObject' in document
        ? optionalDefaults(document.openapiObject as OpenApiPaths)
        : document.swaggerObject,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
