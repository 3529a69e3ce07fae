// Pipelines: create (estimate computed, slug chosen), list with 24 h metrics, full and partial
// updates (a change of nodes, connections or features is a new version, kept in
// ai_pipeline_versions), archive, deploy, pause, the tenant's default pipeline. Every method takes
// the tenant id (routes pass the caller's; the demo seeder its tenant's), runs as one transaction
// and tells the resolver about the change once it has committed.
import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import { AppError, conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Realtime } from '../../../platform/realtime/realtime.ts';
import type { PipelineGraph } from '../contracts.ts';
import { type Metrics24h, pipelineMetrics24h } from '../metrics/metrics24h.repo.ts';
import { assessComplexity } from './complexity.ts';
import { DEFAULT_GRAPH, DEFAULT_SLUG, DEFAULT_WORKSPACE } from './default-pipeline.ts';
import { type GraphInput, validateGraph } from './graph.ts';
import { canonical, normaliseSector, slugOf } from './naming.ts';
import {
  type CatalogChanges,
  checkedGraph,
  fieldsOf,
  graphFields,
  type NewPipeline,
  type PipelineFields,
  type PipelinePatchFields,
} from './pipeline-fields.ts';
import {
  findDefault,
  findPipeline,
  findBySlug as findPipelineBySlug,
  insertPipeline,
  insertVersion,
  listPipelines,
  listVersions,
  lockPipeline,
  type PipelineFilter,
  type PipelineRow,
  slugsLike,
  updatePipeline,
} from './pipelines.repo.ts';
import { generatePipeline, type WizardSpec } from './wizard.ts';
import { ensureWorkspace, findWorkspace } from './workspaces.repo.ts';

export function createPipelinesService({
  db,
  realtime,
  changes,
}: {
  db: Db;
  realtime: Pick<Realtime, 'publish'>;
  changes: CatalogChanges;
}) {
  async function freeSlug(tx: Executor, name: string): Promise<string> {
    const base = slugOf(name);
    const taken = await slugsLike(tx, base);
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  async function insertWithVersion(
    tx: Executor,
    tenantId: string,
    input: NewPipeline & { isDefault?: boolean },
    createdBy: string | null,
  ): Promise<PipelineRow> {
    const graph = checkedGraph(input);
    const workspace = await findWorkspace(tx, input.workspaceId);
    if (!workspace) throw notFound('Workspace');
    const slug = input.slug ?? (await freeSlug(tx, input.name));
    const status = input.status ?? 'draft';
    const row = await insertPipeline(tx, {
      tenantId,
      workspaceId: input.workspaceId,
      slug,
      name: input.name.trim(),
      description: input.description ?? '',
      sector: input.sector ? normaliseSector(input.sector) : workspace.sector,
      ...graphFields(graph, input.features),
      status,
      version: 1,
      isDefault: input.isDefault ?? false,
      storePrompts: input.storePrompts ?? false,
      retentionDays: input.retentionDays ?? 30,
      createdBy,
      deployedAt: status === 'active' ? new Date() : null,
    }).catch((err: unknown) => {
      if (isUniqueViolation(err)) throw conflict(`The slug "${slug}" is taken; choose another`);
      throw err;
    });
    await insertVersion(tx, {
      tenantId,
      pipelineId: row.id,
      version: 1,
      nodes: row.nodes,
      connections: row.connections,
      features: row.features,
      createdBy,
    });
    return row;
  }

  async function create(tenantId: string, input: NewPipeline, createdBy: string | null = null) {
    const row = await inTenant(db, tenantId, (tx) => insertWithVersion(tx, tenantId, input, createdBy));
    changes.changed(tenantId);
    return row;
  }

  async function list(tenantId: string, filter: PipelineFilter) {
    return readInTenant(db, tenantId, async (tx) => {
      const page = await listPipelines(tx, {
        ...filter,
        sector: filter.sector && normaliseSector(filter.sector),
      });
      const metrics = await pipelineMetrics24h(
        tx,
        page.items.map((p) => p.id),
      );
      return {
        total: page.total,
        items: page.items.map((p) => ({ row: p, metrics: metrics.get(p.id) as Metrics24h })),
      };
    });
  }

  async function get(tenantId: string, id: string) {
    return readInTenant(db, tenantId, async (tx) => {
      const row = await findPipeline(tx, id);
      if (!row) throw notFound('Pipeline');
      const metrics = await pipelineMetrics24h(tx, [id]);
      return { row, metrics: metrics.get(id) as Metrics24h };
    });
  }

  /** One change in one transaction: the row locked, refused when archived, `work` returns the new values. */
  async function change(
    tenantId: string,
    id: string,
    work: (tx: Executor, row: PipelineRow) => Promise<Parameters<typeof updatePipeline>[2] | null>,
    createdBy: string | null,
  ): Promise<PipelineRow> {
    const row = await inTenant(db, tenantId, async (tx) => {
      const current = await lockPipeline(tx, id);
      if (!current) throw notFound('Pipeline');
      const values = await work(tx, current);
      if (!values) return current;
      const graphChanged =
        (values.nodes !== undefined && canonical(values.nodes) !== canonical(current.nodes)) ||
        (values.connections !== undefined &&
          canonical(values.connections) !== canonical(current.connections)) ||
        (values.features !== undefined && canonical(values.features) !== canonical(current.features));
      const version = graphChanged ? current.version + 1 : current.version;
      const updated = await updatePipeline(tx, id, { ...values, version });
      if (graphChanged) {
        await insertVersion(tx, {
          tenantId,
          pipelineId: id,
          version,
          nodes: updated.nodes,
          connections: updated.connections,
          features: updated.features,
          createdBy,
        });
      }
      if (updated.status !== current.status) {
        await realtime.publish(tx, tenantId, [`pipeline:${id}`], {
          id: randomUUID(),
          type: 'pipeline.status',
          occurredAt: new Date().toISOString(),
          data: { id, status: updated.status, previousStatus: current.status, version: updated.version },
        });
      }
      return updated;
    });
    changes.changed(tenantId);
    return row;
  }

  const editable = (row: PipelineRow) => {
    if (row.status === 'archived')
      throw conflict('The pipeline is archived; archived pipelines cannot change');
  };

  /** PUT: every editable field; absent optional ones go back to their defaults. */
  function replace(tenantId: string, id: string, input: PipelineFields, by: string | null = null) {
    return change(
      tenantId,
      id,
      async (tx, current) => {
        editable(current);
        const workspace = await findWorkspace(tx, current.workspaceId);
        return fieldsOf(
          {
            ...input,
            description: input.description ?? '',
            sector: input.sector ?? workspace?.sector ?? current.sector,
            storePrompts: input.storePrompts ?? false,
            retentionDays: input.retentionDays ?? 30,
          },
          current,
        );
      },
      by,
    );
  }

  function patch(tenantId: string, id: string, input: PipelinePatchFields, by: string | null = null) {
    return change(
      tenantId,
      id,
      async (_tx, current) => {
        editable(current);
        return fieldsOf(input, current);
      },
      by,
    );
  }

  function archive(tenantId: string, id: string) {
    return change(
      tenantId,
      id,
      async (_tx, current) => {
        if (current.status === 'archived') return null;
        if (current.isDefault) {
          throw conflict("The default pipeline serves PlantIntel's own AI calls; pause or edit it instead");
        }
        return { status: 'archived' };
      },
      null,
    );
  }

  function deploy(tenantId: string, id: string) {
    return change(
      tenantId,
      id,
      async (_tx, current) => {
        editable(current);
        if (current.status === 'active') return null;
        return { status: 'active', deployedAt: new Date() };
      },
      null,
    );
  }

  function pause(tenantId: string, id: string) {
    return change(
      tenantId,
      id,
      async (_tx, current) => {
        editable(current);
        if (current.status === 'paused') return null;
        if (current.status !== 'active') {
          throw conflict(`Only an active pipeline can be paused (this one is ${current.status})`);
        }
        return { status: 'paused' };
      },
      null,
    );
  }

  function findBySlug(tenantId: string, slug: string) {
    return readInTenant(db, tenantId, (tx) => findPipelineBySlug(tx, slug));
  }

  async function versions(tenantId: string, id: string, page: { limit: number; offset: number }) {
    return readInTenant(db, tenantId, async (tx) => {
      if (!(await findPipeline(tx, id))) throw notFound('Pipeline');
      return listVersions(tx, id, page);
    });
  }

  /** The graph check with the estimate of a valid graph (no database). */
  function validate(graph: GraphInput) {
    const check = validateGraph(graph);
    return { ...check, estimate: check.valid ? assessComplexity(graph as PipelineGraph) : null };
  }

  /** The wizard's pipeline with its estimate; saved as a draft in `workspaceId` when asked. */
  async function generate(
    tenantId: string,
    spec: WizardSpec & {
      save?: boolean | undefined;
      workspaceId?: string | undefined;
      slug?: string | undefined;
    },
    by: string | null = null,
  ) {
    const generated = generatePipeline(spec);
    const estimate = assessComplexity(generated);
    if (!spec.save) return { ...generated, ...estimate, pipeline: null };
    if (!spec.workspaceId) {
      throw validationFailed('workspaceId is required to save a generated pipeline', [
        { path: '/body/workspaceId', message: 'required with save' },
      ]);
    }
    const pipeline = await create(
      tenantId,
      { ...generated, workspaceId: spec.workspaceId, slug: spec.slug },
      by,
    );
    return { ...generated, ...estimate, pipeline };
  }

  /** The tenant's default pipeline, with its workspace, created (active) when missing. */
  async function ensureDefault(tenantId: string): Promise<PipelineRow> {
    const attempt = () =>
      inTenant(db, tenantId, async (tx) => {
        const existing = await findDefault(tx);
        if (existing) return existing;
        const workspace = await ensureWorkspace(tx, {
          tenantId,
          ...DEFAULT_WORKSPACE,
          description: "PlantIntel's own AI calls: analysis chat, narratives, explanations",
        });
        const taken = await slugsLike(tx, DEFAULT_SLUG);
        return insertWithVersion(
          tx,
          tenantId,
          {
            ...DEFAULT_GRAPH,
            workspaceId: workspace.id,
            name: 'PlantIntel assistant',
            description: "PlantIntel's analysis chat, narratives and explanations",
            slug: taken.has(DEFAULT_SLUG) ? await freeSlug(tx, DEFAULT_SLUG) : DEFAULT_SLUG,
            status: 'active',
            isDefault: true,
          },
          null,
        );
      });
    let row: PipelineRow;
    try {
      row = await attempt();
    } catch (err) {
      // Another process created it at the same moment: use theirs.
      if (!(err instanceof AppError && err.code === 'conflict') && !isUniqueViolation(err)) throw err;
      row = await attempt();
    }
    changes.changed(tenantId);
    return row;
  }

  return {
    create,
    list,
    get,
    findBySlug,
    replace,
    patch,
    archive,
    deploy,
    pause,
    versions,
    validate,
    generate,
    ensureDefault,
  };
}

export type PipelinesService = ReturnType<typeof createPipelinesService>;
