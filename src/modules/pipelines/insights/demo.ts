// Seeds the demo tenant's AI gateway (demo-catalog.ts) through the catalog's own service, so the
// demo's workspaces and pipelines are made exactly as a user's would be (validation, complexity,
// versions). Idempotent: a workspace is found by name and a pipeline by slug before anything is
// created, so a restart — or a crash halfway — never duplicates; something the tenant deleted
// (a workspace) comes back at the next start, an archived pipeline does not (its slug remains).
import {
  DEMO_EXAMPLE_PIPELINE,
  DEMO_KEY_WORKSPACE,
  DEMO_PIPELINES,
  DEMO_WORKSPACES,
  type DemoPipeline,
  type DemoWorkspace,
} from './demo-catalog.ts';

/** What the seeding needs of the catalog (an adapter over catalog.service, see part.ts). */
export interface DemoCatalog {
  findWorkspace(tenantId: string, name: string): Promise<{ id: string } | undefined>;
  createWorkspace(tenantId: string, userId: string, ws: DemoWorkspace): Promise<{ id: string }>;
  findPipeline(tenantId: string, slug: string): Promise<{ id: string } | undefined>;
  /** Creates it (a draft) and brings it to the demo's status (deploys or pauses it). */
  createPipeline(
    tenantId: string,
    userId: string,
    workspaceId: string,
    p: DemoPipeline,
  ): Promise<{ id: string }>;
  /** A workspace-bound API key; returns the secret (shown once). */
  createKey(tenantId: string, userId: string, workspaceId: string, name: string): Promise<string>;
}

export interface DemoGatewaySummary {
  workspacesCreated: number;
  pipelinesCreated: number;
  /** The demo API key's secret, when its workspace was created now (shown once, never stored). */
  apiKey: string | null;
}

export async function seedDemoGateway(
  catalog: DemoCatalog,
  { tenantId, userId }: { tenantId: string; userId: string },
): Promise<DemoGatewaySummary> {
  const workspaceIds = new Map<DemoWorkspace['key'], string>();
  let workspacesCreated = 0;
  let pipelinesCreated = 0;
  let keyWorkspace: string | undefined;
  for (const ws of DEMO_WORKSPACES) {
    const existing = await catalog.findWorkspace(tenantId, ws.name);
    if (existing) {
      workspaceIds.set(ws.key, existing.id);
      continue;
    }
    const created = await catalog.createWorkspace(tenantId, userId, ws);
    workspaceIds.set(ws.key, created.id);
    workspacesCreated++;
    if (ws.key === DEMO_KEY_WORKSPACE) keyWorkspace = created.id;
  }
  for (const p of DEMO_PIPELINES) {
    if (await catalog.findPipeline(tenantId, p.slug)) continue;
    await catalog.createPipeline(tenantId, userId, workspaceIds.get(p.workspace) as string, p);
    pipelinesCreated++;
  }
  // One key per demo: made with its workspace, so a restart does not print another.
  const apiKey = keyWorkspace ? await catalog.createKey(tenantId, userId, keyWorkspace, 'Demo key') : null;
  return { workspacesCreated, pipelinesCreated, apiKey };
}

/** The start-up message that shows the demo key once, with how to use it. */
export function demoKeyMessage(apiKey: string, baseUrl = 'http://localhost:8080'): string {
  const workspace = DEMO_WORKSPACES.find((w) => w.key === DEMO_KEY_WORKSPACE)?.name ?? '';
  return [
    `Demo AI gateway key for workspace "${workspace}": ${apiKey}  (shown once; revoke or add keys under AI → Workspaces)`,
    `  e.g. new OpenAI({ baseURL: '${baseUrl}/api/v1/ai/v1', apiKey }) with model 'pipeline/${DEMO_EXAMPLE_PIPELINE}'`,
  ].join('\n');
}
