// What makes two requests "the same" for the exact cache, and the text the semantic cache compares.
//
// The key is sha256 over a canonical JSON (keys sorted, absent fields omitted) of what changes the
// answer: the pipeline id (a cache is per pipeline), the model node's configuration (provider,
// model, temperature, max tokens, fallbacks — so a new version that changes the model does not
// replay the old model's answers, while a version that only edits a guard or a label keeps its
// cache), the request's sampling parameters, system prompt, messages (role, content, tool calls
// and tool call ids), tools and tool choice.
//
// Normalisation of text (system, message content, tool descriptions): Unicode NFC, line endings to
// \n, runs of whitespace collapsed to one space, trimmed. Case is kept: in code, identifiers and
// tag names ("PUMP-7" vs "pump-7", `Line2` vs `line2`) case can change the meaning, and an exact
// cache must never be wrong. Left out of the key on purpose: `stream` (a streamed answer is cached
// whole and replayed either way), `protocol` (the cached answer is protocol-neutral) and `purpose`
// (the same question gets the same answer whoever asks).

import { createHash } from 'node:crypto';
import type { GatewayMessage, GatewayRequest, PipelineNode } from '../contracts.ts';

/** Whitespace and Unicode normalisation shared by the key and the semantic query text. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** JSON with object keys sorted at every depth and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${parts.join(',')}}`;
}

export interface CacheScope {
  id: string;
  version: number;
  /** When given (a RunnablePipeline is), the model node's config scopes the key instead of the version. */
  nodes?: readonly PipelineNode[];
}

function modelScope(pipeline: CacheScope): unknown {
  const model = pipeline.nodes?.find((n) => n.type === 'model');
  if (model?.type !== 'model') return { version: pipeline.version };
  const c = model.config;
  return {
    provider: c.provider,
    model: c.model,
    temperature: c.temperature,
    maxTokens: c.maxTokens,
    fallbacks: c.fallbacks?.map((f) => ({ provider: f.provider, model: f.model })),
  };
}

function messageKey(m: GatewayMessage): unknown {
  return {
    role: m.role,
    content: normaliseText(m.content),
    toolCalls: m.toolCalls?.map((t) => ({ id: t.id, name: t.name, arguments: t.arguments })),
    toolCallId: m.toolCallId,
  };
}

/** sha256 (hex) of the normalised request, scoped to the pipeline and its model configuration. */
export function exactKey(req: GatewayRequest, pipeline: CacheScope): string {
  const canonical = canonicalJson({
    pipeline: pipeline.id,
    model: modelScope(pipeline),
    maxTokens: req.maxTokens,
    temperature: req.temperature,
    topP: req.topP,
    stop: req.stop,
    system: req.system === undefined ? undefined : normaliseText(req.system),
    messages: req.messages.map(messageKey),
    tools: req.tools?.map((t) => ({
      name: t.name,
      description: t.description === undefined ? undefined : normaliseText(t.description),
      parameters: t.parameters,
    })),
    toolChoice: req.toolChoice,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** The last user message, whitespace-normalised (case kept: the semantic guard reads entity codes). */
export function queryTextOf(req: GatewayRequest): string {
  for (let i = req.messages.length - 1; i >= 0; i--) {
    const m = req.messages[i];
    if (m?.role === 'user') return normaliseText(m.content);
  }
  return '';
}

/**
 * sha256 of everything but the last user message (pipeline, model scope, parameters, system,
 * earlier turns, tools): a semantic hit is only allowed between requests with the same context, so
 * "and line 3?" after two different conversations, or the same question over two different
 * grounded system prompts, never share an answer.
 */
export function contextKey(req: GatewayRequest, pipeline: CacheScope): string {
  let last = -1;
  for (let i = req.messages.length - 1; i >= 0; i--) {
    if (req.messages[i]?.role === 'user') {
      last = i;
      break;
    }
  }
  const rest = last < 0 ? req.messages : [...req.messages.slice(0, last), ...req.messages.slice(last + 1)];
  return exactKey({ ...req, messages: rest }, pipeline);
}
