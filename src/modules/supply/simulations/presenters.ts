import type { ScenarioSetRow, SimulationRow } from './simulations.repo.ts';
import type { ScenarioSetParameters } from './simulations.service.ts';

// Rows to API bodies for scenario sets and simulations.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentScenarioSet(row: ScenarioSetRow) {
  const parameters = row.parameters as unknown as ScenarioSetParameters;
  return {
    id: row.id,
    name: row.name,
    seed: row.seed,
    horizonDays: parameters.horizonDays,
    scenario: parameters.scenario as Record<string, unknown>,
    note: parameters.note,
    previews: row.scenarios,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A simulation; its results only when given (a list leaves them out). */
export function presentSimulation(
  row: Omit<SimulationRow, 'results'> & { results?: SimulationRow['results'] },
) {
  const hasResults = row.results !== undefined;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    jobId: row.jobId,
    scenarioSetId: row.scenarioSetId,
    config: row.config,
    ...(hasResults ? { results: row.status === 'completed' ? row.results : null } : {}),
    summary: row.summary,
    errorMessage: row.errorMessage,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
