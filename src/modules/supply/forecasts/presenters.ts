import type { ForecastRow, ForecastRunRow } from './forecasts.repo.ts';
import type { DeploymentRow, ModelRow } from './registry.repo.ts';

// Rows to API bodies for forecasts and the model registry.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRun(run: ForecastRunRow, model?: Pick<ModelRow, 'id' | 'name' | 'version'> | null) {
  return {
    id: run.id,
    jobId: run.jobId,
    status: run.status,
    scope: run.scope,
    bucket: run.bucket,
    horizon: run.horizon,
    level: run.level,
    model: model ? { id: model.id, name: model.name, version: model.version } : null,
    seriesCount: run.seriesCount,
    summary: run.summary,
    errorMessage: run.errorMessage,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    completedAt: iso(run.completedAt),
  };
}

export function presentSeriesForecast(row: ForecastRow) {
  return {
    id: row.id,
    runId: row.runId,
    inventoryId: row.inventoryId,
    warehouseId: row.warehouseId,
    sku: row.sku,
    startDate: row.startDate,
    method: row.method,
    params: row.params,
    demandClass: row.demandClass,
    mean: row.mean,
    lower: row.lower,
    upper: row.upper,
    sigma: row.sigma,
    mase: row.mase,
    smape: row.smape,
    backtest: row.backtest,
    historyLength: row.historyLength,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentModel(model: ModelRow, stages: string[] = []) {
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    version: model.version,
    parameters: model.parameters,
    trainingFrom: model.trainingFrom,
    trainingTo: model.trainingTo,
    metrics: model.metrics,
    artifact: model.artifact,
    note: model.note,
    stages,
    createdBy: model.createdBy,
    createdAt: model.createdAt.toISOString(),
  };
}

export function presentDeployment(row: DeploymentRow & { version: number }) {
  return {
    id: row.id,
    modelId: row.modelId,
    modelName: row.modelName,
    version: row.version,
    stage: row.stage,
    scope: row.scope,
    action: row.action,
    reason: row.reason,
    deployedBy: row.deployedBy,
    deployedAt: row.deployedAt.toISOString(),
  };
}
