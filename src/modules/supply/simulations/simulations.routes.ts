import Type from 'typebox';
import { principalOf } from '../../../platform/http/access.ts';
import { errorResponses } from '../../../platform/http/openapi.ts';
import { presentPage } from '../../../platform/http/pagination.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { presentScenarioSet, presentSimulation } from './presenters.ts';
import { GenerateBody, RunBody, ScenarioSetQuery, SimulationQuery } from './simulations.schemas.ts';
import type { SimulationsService } from './simulations.service.ts';

const tags = ['supply'];

export function simulationsRoutes(app: App, { simulations }: { simulations: SimulationsService }) {
  app.post(
    '/supply/simulations/generate',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'generateSupplyScenarioSet',
        summary:
          'Generate a scenario set (demand shocks, vehicle breakdowns, lead-time noise, travel delays) with a seed; lists the events of its first replications',
        body: GenerateBody,
        response: { 201: Type.Ref('SupplyScenarioSet'), ...errorResponses(400) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentScenarioSet(await simulations.generate(principalOf(request), request.body))),
  );

  app.get(
    '/supply/simulations/scenario-sets',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplyScenarioSets',
        summary: 'Scenario sets, newest first',
        querystring: ScenarioSetQuery,
        response: { 200: Type.Ref('SupplyScenarioSetPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await simulations.listScenarioSets(principalOf(request), request.query),
        request.query,
        presentScenarioSet,
      ),
  );

  app.get(
    '/supply/simulations/scenario-sets/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplyScenarioSet',
        summary: 'A scenario set with its parameters and the events of its first replications',
        params: IdParams,
        response: { 200: Type.Ref('SupplyScenarioSet'), ...errorResponses(404) },
      },
    },
    async (request) =>
      presentScenarioSet(await simulations.getScenarioSet(principalOf(request), request.params.id)),
  );

  app.post(
    '/supply/simulations/run',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'runSupplySimulation',
        summary:
          'Run N replications over a horizon comparing reorder policies, in a job (progress on the job); results as KPI distributions',
        body: RunBody,
        response: { 202: Type.Ref('SupplySimulation'), ...errorResponses(400) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(presentSimulation(await simulations.run(principalOf(request), request.body))),
  );

  app.get(
    '/supply/simulations',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listSupplySimulations',
        summary: 'Simulations, newest first (without their results)',
        querystring: SimulationQuery,
        response: { 200: Type.Ref('SupplySimulationPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await simulations.list(principalOf(request), request.query),
        request.query,
        presentSimulation,
      ),
  );

  app.get(
    '/supply/simulations/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getSupplySimulation',
        summary:
          'A simulation: its configuration, status and, once completed, its KPI distributions per policy',
        params: IdParams,
        response: { 200: Type.Ref('SupplySimulation'), ...errorResponses(404) },
      },
    },
    async (request) => presentSimulation(await simulations.get(principalOf(request), request.params.id)),
  );
}
