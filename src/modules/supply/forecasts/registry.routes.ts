import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams, Uuid } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import {
  DeploymentQuery,
  ModelQuery,
  PromoteRequest,
  RollbackRequest,
  TrainRequest,
} from './forecasts.schemas.ts';
import { presentDeployment, presentModel } from './presenters.ts';
import type { RegistryService, Stage } from './registry.service.ts';

const tags = ['supply'];

export function registryRoutes(app: App, { registry }: { registry: RegistryService }) {
  app.get(
    '/supply/models',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyModels',
        summary: 'Model versions with their parameters, training range and back-test metrics',
        querystring: ModelQuery,
        response: { 200: Type.Ref('SupplyModelPage'), ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await registry.list(principalOf(request), request.query);
      return presentPage(page, request.query, (m) => presentModel(m, page.stages.get(m.id) ?? []));
    },
  );

  app.post(
    '/supply/models',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'trainSupplyModel',
        summary:
          'Train a new version in a job: registered always, promoted to production only if it back-tests better',
        body: TrainRequest,
        response: { 202: Type.Object({ jobId: Uuid }), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const job = await registry.train(principalOf(request), request.body);
      return reply.status(202).send({ jobId: job.id });
    },
  );

  app.get(
    '/supply/models/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyModel',
        summary: 'A model version and the stages it is deployed in',
        params: IdParams,
        response: { 200: Type.Ref('SupplyModel'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { model, stages } = await registry.get(principalOf(request), request.params.id);
      return presentModel(model, stages);
    },
  );

  app.post(
    '/supply/models/:id/promote',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'promoteSupplyModel',
        summary: 'Deploy this version to production or staging (the previous one stays in the history)',
        params: IdParams,
        body: PromoteRequest,
        response: { 201: Type.Ref('SupplyDeployment'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const deployment = await registry.promote(principalOf(request), request.params.id, {
        stage: body.stage as Stage,
        scope: body.scope,
        reason: body.reason,
      });
      const { model } = await registry.get(principalOf(request), deployment.modelId);
      return reply.status(201).send(presentDeployment({ ...deployment, version: model.version }));
    },
  );

  app.get(
    '/supply/deployments',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyDeployments',
        summary: 'Deployment history, newest first (the first per model, stage and scope is current)',
        querystring: DeploymentQuery,
        response: { 200: Type.Ref('SupplyDeploymentPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await registry.deployments(principalOf(request), request.query), request.query, (r) =>
        presentDeployment({ ...r.deployment, version: r.version }),
      ),
  );

  app.post(
    '/supply/deployments/rollback',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'rollbackSupplyModel',
        summary: 'Put back the version deployed before the current one',
        body: RollbackRequest,
        response: { 201: Type.Ref('SupplyDeployment'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const deployment = await registry.rollback(principalOf(request), {
        modelName: body.modelName,
        stage: body.stage as Stage,
        scope: body.scope,
        reason: body.reason,
      });
      const { model } = await registry.get(principalOf(request), deployment.modelId);
      return reply.status(201).send(presentDeployment({ ...deployment, version: model.version }));
    },
  );
}
