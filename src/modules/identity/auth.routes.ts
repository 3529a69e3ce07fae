import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { requestMeta } from '../../platform/http/request-context.ts';
import type { App } from '../../platform/http/types.ts';
import type { AuthService } from './auth.service.ts';
import {
  AcceptInvitationBody,
  LoginBody,
  LogoutBody,
  RefreshBody,
  SignedInAcceptBody,
} from './identity.schemas.ts';
import { presentMe, presentSession } from './presenters.ts';

export function authRoutes(app: App, auth: AuthService) {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Sign in with email and password',
        description:
          'Returns a short-lived access token and a refresh token. Unknown email and wrong password give the same answer. Repeated failures per email and per client address are refused with 429 and Retry-After.',
        body: LoginBody,
        response: { 200: Type.Ref('Session'), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => presentSession(await auth.login(request.body, requestMeta(request))),
  );

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'refreshSession',
        summary: 'Exchange a refresh token for new tokens (rotation)',
        description:
          'Each refresh token works once. Presenting a used one again revokes every token of that sign-in.',
        body: RefreshBody,
        response: { 200: Type.Ref('Session'), ...errorResponses(400, 401) },
      },
    },
    async (request) => presentSession(await auth.refresh(request.body.refreshToken, requestMeta(request))),
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated', signedIn: true },
      // The body is optional: a bare POST is a valid logout.
      preValidation: (request, _reply, done) => {
        request.body ??= {};
        done();
      },
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'End this sign-in: its refresh and access tokens stop working',
        body: LogoutBody,
        response: { 204: Type.Null(), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await auth.logout(principalOf(request), request.body?.refreshToken, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        operationId: 'getMe',
        summary: 'The signed-in user, their organisation, role, scopes and facilities',
        response: { 200: Type.Ref('Me') },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return presentMe(principal, await auth.profile(principal));
    },
  );

  app.post(
    '/auth/invitations/accept',
    {
      config: { access: 'authenticated', signedIn: true },
      schema: {
        tags: ['auth'],
        operationId: 'acceptInvitationSignedIn',
        summary: 'Accept an invitation as the signed-in account, and sign in to that organisation',
        description: 'For people who already have a PlantIntel account. API keys cannot accept invitations.',
        body: SignedInAcceptBody,
        response: { 200: Type.Ref('Session'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentSession(
        await auth.acceptInvitationSignedIn(principalOf(request), request.body.token, requestMeta(request)),
      ),
  );

  app.post(
    '/auth/accept-invitation',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'acceptInvitationWithPassword',
        summary: 'New to PlantIntel: choose a password with an invitation token, and sign in',
        description:
          'An invitation for an existing account answers 409 (`sign_in_required` in the details): sign in with that account and use POST /auth/invitations/accept.',
        body: AcceptInvitationBody,
        response: { 200: Type.Ref('Session'), ...errorResponses(400, 409) },
      },
    },
    async (request) =>
      presentSession(
        await auth.acceptInvitation(request.body.token, request.body.password, requestMeta(request)),
      ),
  );
}
