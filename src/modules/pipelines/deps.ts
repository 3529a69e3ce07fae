// What the gateway's parts are built from, and the shape each part gives the module (index.ts).

import type { FastifyBaseLogger } from 'fastify';
import type { AiSettings } from '../../platform/ai/ai.ts';
import type { Compute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import type { MaintenanceTask } from '../../platform/db/maintenance.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import type { ApiKeysService } from '../identity/index.ts';
import type { EmbeddingSettings } from './cache/embedders.ts';
import type { Retrievers } from './contracts.ts';

export interface PipelinesDeps {
  db: Db;
  jobs: Jobs;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  compute: Pick<Compute, 'run'>;
  logger: FastifyBaseLogger;
  /** The server's AI settings: what a model node with provider `default`, `openai` or `anthropic` calls. */
  aiSettings: AiSettings;
  /** What the semantic cache embeds with: EMBEDDINGS_BASE_URL and co. (absent: the built-in embedder). */
  embeddingSettings?: EmbeddingSettings;
  /** GATEWAY_KEEPALIVE_MS: a gateway stream silent this long gets a keep-alive frame (absent or 0: never). */
  streamKeepAliveMs?: number;
  /** PlantIntel data a retrieve node may read (from the other modules' public surfaces). */
  retrievers: Retrievers;
  /** Identity's API keys: workspace keys are API keys linked to a workspace (catalog). */
  apiKeys: Pick<ApiKeysService, 'create' | 'revoke'>;
  /** Send the demo's live trickle while running (`serve` with PLANTINTEL_SIMULATOR on; default off). */
  simulator?: boolean;
  /** Where the demo API key is shown once: the server's terminal, never the log (absent: not shown). */
  announce?: (message: string) => void;
  /** The server's address as a local client reaches it (HOST and PORT), for the demo key's example. */
  serverUrl?: string;
}

/** What each part (catalog, cache, metrics, runtime, gateway, insights) may add to the module. */
export interface Part {
  routes?(app: App): void;
  defineJobs?(jobs: Pick<Jobs, 'define'>): void;
  maintenanceTasks?: Record<string, MaintenanceTask>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
