// Shapes and calls of the simulation endpoints (/api/v1/supply/simulations) and their query keys.
import type { components, operations } from '../../api-schema';
import { client } from '../../typed-api';

type Schemas = components['schemas'];
export type Simulation = Schemas['SupplySimulation'];
export type SimulationResults = NonNullable<Simulation['results']>;
export type KpiSummary = Schemas['SupplySimulationKpi'];
export type PolicyFacts = Schemas['SupplySimulationPolicy'];
export type ScenarioSet = Schemas['SupplyScenarioSet'];
export type SimulationStatus = Simulation['status'];
export type RunBody = operations['runSupplySimulation']['requestBody']['content']['application/json'];
export type GenerateBody =
  operations['generateSupplyScenarioSet']['requestBody']['content']['application/json'];
export type Scenario = GenerateBody['scenario'];
export type PolicySpec = Exclude<NonNullable<RunBody['policies']>[number], string>;

export const SIMULATION_STATUSES: readonly SimulationStatus[] = ['queued', 'running', 'completed', 'failed'];

export const simulationKeys = {
  all: ['supply', 'simulations'] as const,
  list: (query: object) => ['supply', 'simulations', 'list', query] as const,
  detail: (id: string) => ['supply', 'simulations', id] as const,
};

export const simulationsApi = {
  list: (query: { status?: SimulationStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    client.get('/api/v1/supply/simulations', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    client.get('/api/v1/supply/simulations/{id}', { path: { id }, signal }),
  generate: (body: GenerateBody) => client.post('/api/v1/supply/simulations/generate', { body }),
  run: (body: RunBody) => client.post('/api/v1/supply/simulations/run', { body }),
};
