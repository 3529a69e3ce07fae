// The settings of the modules (uploads, telemetry, AI, notifications) and their part of the Config
// interface, split from config.settings.ts, which lists them in SETTINGS with the platform's own.
// Same shape: environment variable, default, parser.

import {
  decimal,
  httpUrl,
  integer,
  mqttShareGroup,
  mqttUrl,
  offOrInteger,
  optionalText,
} from './config.parsers.ts';
import type { Config, Setting } from './config.settings.ts';
import type { NotificationSettings } from './modules/notifications/index.ts';
import { mailFrom, smtpUrl } from './modules/notifications/settings.ts';
import type { MqttSettings } from './modules/telemetry/mqtt/index.ts';
import { type LlmProvider, llmProvider, modelName } from './platform/ai/settings.ts';

/**
 * The modules' part of Config; the MQTT bridge's, the notifications' and the embeddings' own
 * settings interfaces are the rest of it.
 */
export interface ModulesConfig extends MqttSettings, NotificationSettings {
  // Uploads and files
  /** Largest CSV file POST /plant-ops/sensors/import takes (streamed to DATA_DIR/uploads). */
  importMaxBytes: number;
  /** Largest work-order export POST /analytics/uploads takes, in MiB (kept under DATA_DIR/files). */
  uploadMaxMb: number;
  /** Scheduled analyses: how long a watched file's size must stay put before it is taken (seconds). */
  scheduleStableSeconds: number;
  /** Scheduled analyses: the longest a URL source may take to answer, body included (seconds). */
  scheduleFetchTimeoutSeconds: number;
  /** Inspection images: the largest file per camera image (MiB) and the most pixels decoded. */
  inspectionImageMaxMb: number;
  inspectionMaxPixels: number;
  /** Bound of the rendered-image cache under DATA_DIR/image-cache, in MiB. */
  inspectionCacheMb: number;
  // Telemetry
  /** Raw readings older than this are dropped (whole daily partitions) and refused on ingest. */
  readingsRetentionDays: number;
  lateDataWindowSeconds: number;
  /** Largest body of the bulk readings endpoint (JSON or NDJSON) and of line-protocol writes (decompressed). */
  bulkBodyLimitBytes: number;
  // AI
  /** Which AI provider answers: `auto` picks Anthropic, then an OpenAI-compatible server, then offline. */
  llmProvider: LlmProvider;
  /** OpenAI-compatible API base (…/v1): OpenAI, Azure, Ollama, vLLM. */
  llmBaseUrl: string | undefined;
  llmApiKey: string | undefined;
  llmModel: string;
  anthropicApiKey: string | undefined;
  anthropicModel: string;
  /** Absent → https://api.anthropic.com; set for a proxy (or a test server). */
  anthropicBaseUrl: string | undefined;
  /** Longest wait for the connection and first token, and between two tokens. */
  llmTimeoutMs: number;
  /** Longest wait for the whole answer of a gateway request that asked for no stream. */
  llmAnswerTimeoutMs: number;
  /** Retries of a call that failed (connection, 429, 5xx) before its first token. */
  llmRetries: number;
  /** An AI gateway stream silent this long gets a keep-alive frame (0: never). */
  gatewayKeepAliveMs: number;
}

/** Uploads and files: work-order and sensor-history imports, scheduled analyses' sources, inspection images. */
export const FILE_SETTINGS = [
  {
    key: 'importMaxBytes',
    env: 'IMPORT_MAX_BYTES',
    description:
      'Largest CSV file accepted by POST /plant-ops/sensors/import in bytes (larger → 413); uploads wait in DATA_DIR/uploads',
    fallback: () => 2 * 1_073_741_824,
    parse: integer(1024, 1_099_511_627_776),
  },
  {
    key: 'uploadMaxMb',
    env: 'UPLOAD_MAX_MB',
    description:
      'Largest work-order export (CSV or XLSX) accepted by POST /analytics/uploads in MiB (larger → 413); files are kept under DATA_DIR/files',
    fallback: () => 1024,
    parse: integer(1, 1_048_576),
  },
  {
    key: 'scheduleStableSeconds',
    env: 'SCHEDULE_STABLE_SECONDS',
    description:
      'Scheduled analyses: a file in a watched folder (DATA_DIR/inbox/<facility code>/) is taken once its size has not changed for this many seconds',
    fallback: () => 5,
    parse: integer(1, 3600),
  },
  {
    key: 'scheduleFetchTimeoutSeconds',
    env: 'SCHEDULE_FETCH_TIMEOUT_SECONDS',
    description: 'Scheduled analyses: the longest an HTTP(S) source may take to send its file (seconds)',
    fallback: () => 60,
    parse: integer(1, 3600),
  },
  {
    key: 'inspectionImageMaxMb',
    env: 'INSPECTION_IMAGE_MAX_MB',
    description:
      'Largest camera image accepted by POST /inspection/triggers, per image, in MiB (larger → 413); images are kept under DATA_DIR/files',
    fallback: () => 256,
    parse: integer(1, 4096),
  },
  {
    key: 'inspectionMaxPixels',
    env: 'INSPECTION_MAX_PIXELS',
    description:
      'Most pixels (width × height) an inspection image may declare; checked from the header before decoding, so a pixel bomb costs nothing (larger → 413)',
    fallback: () => 100_000_000,
    parse: integer(1, 1_000_000_000),
  },
  {
    key: 'inspectionCacheMb',
    env: 'INSPECTION_CACHE_MB',
    description:
      'Bound of the disk cache of rendered image variants (resized, overlaid) under DATA_DIR/image-cache, in MiB; least recently used variants go first',
    fallback: () => 1024,
    parse: integer(1, 1_048_576),
  },
] as const satisfies readonly Setting<keyof Config>[];

/** Telemetry: readings retention, bulk ingest, the MQTT bridge and the built-in broker. */
export const TELEMETRY_SETTINGS = [
  {
    key: 'readingsRetentionDays',
    env: 'READINGS_RETENTION_DAYS',
    description:
      'Raw sensor readings older than this are dropped (whole daily partitions) and refused on ingest',
    fallback: () => 365,
    parse: integer(1, 3650),
  },
  {
    key: 'lateDataWindowSeconds',
    env: 'LATE_DATA_WINDOW_SECONDS',
    description:
      'Late sensor readings up to this far (reading time) behind the newest one judged are replayed through the stateful detectors in timestamp order; older ones get the spec limits and rule 1 only. 0 turns replaying off',
    fallback: () => 600,
    parse: integer(0, 86_400),
  },
  {
    key: 'bulkBodyLimitBytes',
    env: 'BULK_BODY_LIMIT_BYTES',
    description:
      'Largest body of POST /plant-ops/sensors/readings/bulk and of the line-protocol writes (/write, /api/v2/write; gzip bodies counted decompressed) in bytes (larger → 413)',
    fallback: () => 16 * 1_048_576,
    parse: integer(1024, 1_073_741_824),
  },
  {
    key: 'mqttUrl',
    env: 'MQTT_URL',
    description:
      'MQTT broker to take readings from (mqtt://host:1883, mqtts://…): topics plantintel/<topic key>/<facility code>/<sensor key>',
    fallback: () => undefined,
    parse: mqttUrl,
    secret: true,
  },
  {
    key: 'mqttUsername',
    env: 'MQTT_USERNAME',
    description: 'User name the MQTT bridge signs in to the broker with',
    fallback: () => undefined,
    parse: optionalText,
  },
  {
    key: 'mqttPassword',
    env: 'MQTT_PASSWORD',
    description: 'Password the MQTT bridge signs in to the broker with',
    fallback: () => undefined,
    parse: optionalText,
    secret: true,
  },
  {
    key: 'mqttClientId',
    env: 'MQTT_CLIENT_ID',
    description:
      "The bridge's MQTT client id, its session at the broker (unset: plantintel-<hostname>-<serve|worker>; give each process its own)",
    fallback: () => undefined,
    parse: optionalText,
  },
  {
    key: 'mqttShareGroup',
    env: 'MQTT_SHARE_GROUP',
    description:
      'Shared-subscription group ($share/<group>/…) in which the bridges of several processes split the messages; empty = plain subscription',
    fallback: () => 'plantintel',
    parse: mqttShareGroup,
  },
  {
    key: 'mqttReceiveMaximum',
    env: 'MQTT_RECEIVE_MAXIMUM',
    description:
      'Unacknowledged QoS 1 messages the broker may send the bridge ahead (MQTT 5 receive maximum); the bridge acknowledges each once its batch has committed',
    fallback: () => 65_535,
    parse: integer(1, 65535),
  },
  {
    key: 'mqttListenPort',
    env: 'MQTT_LISTEN_PORT',
    description:
      'TCP port of the built-in MQTT broker on HOST (devices sign in with an API key with scope operate as password); unset = off',
    fallback: () => undefined,
    parse: integer(1, 65535),
  },
] as const satisfies readonly Setting<keyof Config>[];

/** AI providers behind the gateway and PlantIntel's own AI calls. */
export const AI_SETTINGS = [
  {
    key: 'llmProvider',
    env: 'LLM_PROVIDER',
    description:
      'AI provider: auto (anthropic when ANTHROPIC_API_KEY is set, else openai when LLM_BASE_URL is set, else offline), offline, openai or anthropic',
    fallback: () => 'auto',
    parse: llmProvider,
  },
  {
    key: 'llmBaseUrl',
    env: 'LLM_BASE_URL',
    description:
      'Base URL of an OpenAI-compatible Chat Completions API (https://api.openai.com/v1, Ollama http://localhost:11434/v1, vLLM, Azure)',
    fallback: () => undefined,
    parse: httpUrl,
  },
  {
    key: 'llmApiKey',
    env: 'LLM_API_KEY',
    description: 'Bearer key of the OpenAI-compatible API; unset → no Authorization header (Ollama)',
    fallback: () => undefined,
    parse: optionalText,
    secret: true,
  },
  {
    key: 'llmModel',
    env: 'LLM_MODEL',
    description: 'Model asked on the OpenAI-compatible API',
    fallback: () => 'gpt-4o-mini',
    parse: modelName,
  },
  {
    key: 'anthropicApiKey',
    env: 'ANTHROPIC_API_KEY',
    description: 'Key of the Anthropic Messages API',
    fallback: () => undefined,
    parse: optionalText,
    secret: true,
  },
  {
    key: 'anthropicModel',
    env: 'ANTHROPIC_MODEL',
    description: 'Model asked on the Anthropic API',
    fallback: () => 'claude-sonnet-4-5',
    parse: modelName,
  },
  {
    key: 'anthropicBaseUrl',
    env: 'ANTHROPIC_BASE_URL',
    description: 'Base URL of the Anthropic API (for a proxy); unset → https://api.anthropic.com',
    fallback: () => undefined,
    parse: httpUrl,
  },
  {
    key: 'llmTimeoutMs',
    env: 'LLM_TIMEOUT_MS',
    description:
      'Longest wait for an AI answer to connect and send its first token, and between two tokens; then it is abandoned',
    fallback: () => 20_000,
    parse: integer(100, 600_000),
  },
  {
    key: 'llmAnswerTimeoutMs',
    env: 'LLM_ANSWER_TIMEOUT_MS',
    description:
      "Longest wait for the whole answer when an AI gateway request asked for no stream (the model is then called unstreamed), per target: past it the next target takes over, without retries; a model node's answerTimeoutMs overrides it",
    fallback: () => 120_000,
    parse: integer(100, 3_600_000),
  },
  {
    key: 'llmRetries',
    env: 'LLM_RETRIES',
    description:
      'Retries of an AI call that failed before its first token on a connection error, 429 or 5xx (short exponential backoff)',
    fallback: () => 2,
    parse: integer(0, 10),
  },
  {
    key: 'gatewayKeepAliveMs',
    env: 'GATEWAY_KEEPALIVE_MS',
    description:
      'An AI gateway stream that has sent nothing for this long gets a keep-alive frame (OpenAI: a comment line, Anthropic: a ping event), so proxies that close idle connections leave it open; before the first word the stream then starts at once, and a later failure is in-stream. 0 = never',
    fallback: () => 15_000,
    parse: offOrInteger(1000, 600_000),
  },
  {
    key: 'embeddingsBaseUrl',
    env: 'EMBEDDINGS_BASE_URL',
    description:
      "Base URL of an OpenAI-compatible embeddings API (POST …/embeddings: https://api.openai.com/v1, Ollama http://localhost:11434/v1, vLLM, text-embeddings-inference) for the AI gateway's semantic cache; unset → the built-in offline embedder",
    fallback: () => undefined,
    parse: httpUrl,
    // A URL may carry credentials (https://user:pass@host/v1).
    secret: true,
  },
  {
    key: 'embeddingsApiKey',
    env: 'EMBEDDINGS_API_KEY',
    description: 'Bearer key of that embeddings API; unset → no Authorization header',
    fallback: () => undefined,
    parse: optionalText,
    secret: true,
  },
  {
    key: 'embeddingsModel',
    env: 'EMBEDDINGS_MODEL',
    description: 'Embedding model asked on that API',
    fallback: () => 'text-embedding-3-small',
    parse: modelName,
  },
  {
    key: 'embeddingsTimeoutMs',
    env: 'EMBEDDINGS_TIMEOUT_MS',
    description:
      'Longest wait for the embeddings API to answer a semantic lookup; then the lookup is a miss and the request goes on to the model',
    fallback: () => 2000,
    parse: integer(50, 60_000),
  },
  {
    key: 'embeddingsThreshold',
    env: 'EMBEDDINGS_THRESHOLD',
    description:
      "Similarity a semantic hit needs with the upstream embedder when a pipeline's cache node sets no threshold (the built-in embedder's default is 0.65)",
    fallback: () => 0.85,
    parse: decimal(0.5, 1),
  },
] as const satisfies readonly Setting<keyof Config>[];

/** Notifications: outgoing mail, delivery retries, webhooks, the timed rules. */
export const NOTIFICATION_SETTINGS = [
  {
    key: 'smtpUrl',
    env: 'SMTP_URL',
    description:
      'SMTP server for notification emails, e.g. smtp://127.0.0.1:2525 (`npm run smtp-sink`) or smtps://user:pass@host:465; unset → email deliveries fail with that reason',
    fallback: () => undefined,
    parse: smtpUrl,
  },
  {
    key: 'smtpFrom',
    env: 'SMTP_FROM',
    description: 'Sender of notification emails',
    fallback: () => 'PlantIntel <plantintel@localhost>',
    parse: mailFrom,
  },
  {
    key: 'notifyMaxAttempts',
    env: 'NOTIFY_MAX_ATTEMPTS',
    description: 'Attempts per email or webhook delivery before it is reported failed',
    fallback: () => 5,
    parse: integer(1, 20),
  },
  {
    key: 'notifyRetryBaseSeconds',
    env: 'NOTIFY_RETRY_BASE_SECONDS',
    description: 'Delay before the first retry of a failed delivery; doubles after each failure',
    fallback: () => 30,
    parse: integer(1, 3600),
  },
  {
    key: 'webhookDisableAfter',
    env: 'WEBHOOK_DISABLE_AFTER',
    description:
      'Consecutive failed delivery attempts after which a webhook channel is disabled (an admin re-enables it)',
    fallback: () => 10,
    parse: integer(1, 1000),
  },
  {
    key: 'webhookTimeoutMs',
    env: 'WEBHOOK_TIMEOUT_MS',
    description: 'Longest wait for a webhook endpoint to answer',
    fallback: () => 10_000,
    parse: integer(100, 120_000),
  },
  {
    key: 'notifyTickSeconds',
    env: 'NOTIFY_TICK_SECONDS',
    description:
      'How often time-based notification rules (unacknowledged alarms, reject rate, failed jobs) and digests are evaluated',
    fallback: () => 60,
    parse: integer(1, 3600),
  },
] as const satisfies readonly Setting<keyof Config>[];
