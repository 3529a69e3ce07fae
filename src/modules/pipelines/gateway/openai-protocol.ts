// OpenAI Chat Completions ⇄ the gateway (pure): a request body → GatewayRequest, an answer → the
// chat.completion object, the executor's events → data-only SSE `chat.completion.chunk`s ending in
// `data: [DONE]`, a failure → `{ error: { message, type, param, code } }` (in a stream: that object
// as a data chunk, then the stream ends — the SDK throws it as an APIError).
//
// Accepted but not acted on (sampling hints a pipeline's model node decides, or bookkeeping):
// seed, presence/frequency penalties, logit_bias, user, safety_identifier, metadata, store,
// service_tier, reasoning_effort, parallel_tool_calls. Refused by name: n > 1, log probabilities,
// JSON response formats (a pipeline's post-process node checks JSON), audio, non-text content.
import type { GatewayEvent, GatewayMessage, GatewayRequest, ToolDefinition } from '../contracts.ts';
import { type Answer, slugOfModel } from './answer.ts';
import { type Failure, invalidParam } from './failure.ts';
import type {
  ChatCompletionObject,
  ChatCompletionsRequest,
  OpenAiContentPart,
  OpenAiError,
  OpenAiMessage,
} from './openai.schemas.ts';

export interface OpenAiCall {
  slug: string;
  request: GatewayRequest;
  /** stream_options.include_usage: a last chunk with empty choices and the usage. */
  includeUsage: boolean;
}

const EMPTY_PARAMETERS = { type: 'object', properties: {} };

function partsText(parts: OpenAiContentPart[], at: string, allowRefusal: boolean): string {
  return parts
    .map((part, j) => {
      if (part.type === 'text' && part.text !== undefined) return part.text;
      if (part.type === 'refusal' && allowRefusal && part.refusal !== undefined) return part.refusal;
      if (part.type === 'text' || part.type === 'refusal') {
        throw invalidParam(`${at}[${j}]`, `${at}[${j}]: a ${part.type} part needs its ${part.type} field`);
      }
      throw invalidParam(
        `${at}[${j}].type`,
        `${at}[${j}]: only text content is supported by the gateway, not ${part.type}`,
      );
    })
    .join('\n');
}

function contentOf(message: OpenAiMessage, at: string, required: boolean): string {
  const { content } = message;
  if (content === undefined || content === null) {
    if (required) throw invalidParam(`${at}.content`, `${at}.content is required for role ${message.role}`);
    return '';
  }
  return typeof content === 'string'
    ? content
    : partsText(content, `${at}.content`, message.role === 'assistant');
}

function messagesOf(messages: OpenAiMessage[]): { system?: string; messages: GatewayMessage[] } {
  const system: string[] = [];
  const out: GatewayMessage[] = [];
  messages.forEach((message, i) => {
    const at = `messages[${i}]`;
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = contentOf(message, at, true);
        // Leading instructions are the system prompt; later ones stay where they were said.
        if (out.length === 0) system.push(text);
        else out.push({ role: 'system', content: text });
        return;
      }
      case 'user':
        out.push({ role: 'user', content: contentOf(message, at, true) });
        return;
      case 'assistant': {
        const toolCalls = (message.tool_calls ?? []).map((call) => ({
          id: call.id,
          name: call.function.name,
          arguments: call.function.arguments,
        }));
        out.push({
          role: 'assistant',
          content: contentOf(message, at, toolCalls.length === 0),
          ...(toolCalls.length > 0 ? { toolCalls } : {}),
        });
        return;
      }
      case 'tool':
        if (!message.tool_call_id) {
          throw invalidParam(`${at}.tool_call_id`, `${at}.tool_call_id is required for role tool`);
        }
        out.push({ role: 'tool', content: contentOf(message, at, true), toolCallId: message.tool_call_id });
        return;
      default:
        throw invalidParam(
          `${at}.role`,
          `${at}.role: the deprecated role ${message.role} is not supported; use tool messages`,
        );
    }
  });
  if (out.length === 0) throw invalidParam('messages', 'messages: at least one non-system message is needed');
  return { ...(system.length > 0 ? { system: system.join('\n\n') } : {}), messages: out };
}

function toolChoiceOf(body: ChatCompletionsRequest, tools: ToolDefinition[]): string | undefined {
  const choice = body.tool_choice;
  if (choice === undefined) return undefined;
  const name = typeof choice === 'string' ? choice : choice.function.name;
  if (name === 'none' || name === 'auto') return name;
  if (tools.length === 0) throw invalidParam('tool_choice', 'tool_choice: there are no tools to choose from');
  if (typeof choice !== 'string' && !tools.some((tool) => tool.name === name)) {
    throw invalidParam('tool_choice', `tool_choice: there is no tool named ${name}`);
  }
  return name;
}

function refuseUnsupported(body: ChatCompletionsRequest) {
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw invalidParam('n', 'n: only one choice (n = 1) is supported by the gateway');
  }
  if (body.logprobs === true || (body.top_logprobs ?? 0) > 0) {
    throw invalidParam('logprobs', 'logprobs: log probabilities are not available through the gateway');
  }
  if (body.response_format && body.response_format.type !== 'text') {
    throw invalidParam(
      'response_format',
      'response_format: JSON modes are not supported; give the pipeline a post-process node with a JSON schema',
    );
  }
  if (body.modalities?.includes('audio')) {
    throw invalidParam('modalities', 'modalities: only text is supported by the gateway');
  }
}

/** The gateway request of a Chat Completions body (GatewayError 400/404 naming the field when not). */
export function fromOpenAi(body: ChatCompletionsRequest): OpenAiCall {
  const slug = slugOfModel(body.model);
  refuseUnsupported(body);
  const tools: ToolDefinition[] = (body.tools ?? []).map(({ function: fn }) => ({
    name: fn.name,
    ...(fn.description !== undefined ? { description: fn.description } : {}),
    parameters: fn.parameters ?? EMPTY_PARAMETERS,
  }));
  const toolChoice = toolChoiceOf(body, tools);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
  const stop = typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined);
  const request: GatewayRequest = {
    protocol: 'openai',
    purpose: 'gateway',
    ...messagesOf(body.messages),
    ...(tools.length > 0 ? { tools } : {}),
    ...(toolChoice !== undefined ? { toolChoice } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(body.temperature !== undefined && body.temperature !== null ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined && body.top_p !== null ? { topP: body.top_p } : {}),
    ...(stop && stop.length > 0 ? { stop } : {}),
    stream: body.stream === true,
  };
  return { slug, request, includeUsage: body.stream_options?.include_usage === true };
}

const usageOf = (answer: Pick<Answer, 'usage'>) => ({
  prompt_tokens: answer.usage.inputTokens,
  completion_tokens: answer.usage.outputTokens,
  total_tokens: answer.usage.inputTokens + answer.usage.outputTokens,
});

const infoOf = (answer: Pick<Answer, 'cache' | 'provider' | 'model' | 'warnings'>) => ({
  cache: answer.cache,
  provider: answer.provider,
  model: answer.model,
  warnings: answer.warnings,
});

/** The chat.completion object of a whole answer; `model` is the request's own model string. */
export function openAiCompletion(
  answer: Answer,
  ids: { id: string; created: number; model: string },
): ChatCompletionObject {
  const toolCalls = answer.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
  return {
    id: ids.id,
    object: 'chat.completion',
    created: ids.created,
    model: ids.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.text === '' && toolCalls.length > 0 ? null : answer.text,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: usageOf(answer),
    system_fingerprint: null,
    plantintel: infoOf(answer),
  };
}

const OPENAI_TYPES: Record<Failure['kind'], string> = {
  invalid_request: 'invalid_request_error',
  refused: 'invalid_request_error',
  not_found: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  budget: 'insufficient_quota',
  rate_limit: 'rate_limit_error',
  timeout: 'server_error',
  upstream: 'server_error',
  overloaded: 'server_error',
  internal: 'server_error',
};

export function openAiError(failure: Failure, requestId: string): OpenAiError {
  return {
    error: {
      message: failure.message,
      type: OPENAI_TYPES[failure.kind],
      param: failure.param,
      code: failure.code,
      requestId,
    },
  };
}

const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
export const OPENAI_DONE = 'data: [DONE]\n\n';

/**
 * The SSE frames of one streamed answer, event by event. Each frame is a whole chunk; after
 * `done` (the finish chunk, the usage chunk when asked for, `[DONE]`) or `failure` nothing follows.
 */
export class OpenAiChunks {
  private toolIndex = 0;
  private finished = false;
  private readonly ids: { id: string; created: number; model: string };
  private readonly includeUsage: boolean;
  constructor(ids: { id: string; created: number; model: string }, includeUsage: boolean) {
    this.ids = ids;
    this.includeUsage = includeUsage;
  }

  private chunk(choices: unknown[], extra: Record<string, unknown> = {}) {
    return frame({
      id: this.ids.id,
      object: 'chat.completion.chunk',
      created: this.ids.created,
      model: this.ids.model,
      system_fingerprint: null,
      choices,
      ...(this.includeUsage ? { usage: null } : {}),
      ...extra,
    });
  }

  private delta(delta: Record<string, unknown>, finishReason: string | null = null) {
    return this.chunk([{ index: 0, delta, logprobs: null, finish_reason: finishReason }]);
  }

  get done(): boolean {
    return this.finished;
  }

  event(event: GatewayEvent): string {
    if (this.finished) return '';
    switch (event.type) {
      case 'start':
        return this.delta({ role: 'assistant', content: '', refusal: null });
      case 'delta':
        return event.text === '' ? '' : this.delta({ content: event.text });
      case 'tool_call': {
        const index = this.toolIndex++;
        const { id, name, arguments: args } = event.call;
        return this.delta({
          tool_calls: [{ index, id, type: 'function', function: { name, arguments: args } }],
        });
      }
      case 'done': {
        this.finished = true;
        const finish = this.chunk(
          [{ index: 0, delta: {}, logprobs: null, finish_reason: event.finishReason }],
          { plantintel: infoOf(event) },
        );
        const usage = this.includeUsage ? this.chunk([], { usage: usageOf(event) }) : '';
        return `${finish}${usage}${OPENAI_DONE}`;
      }
    }
  }

  /** An error after the stream began: the error object as a data chunk, and the stream ends. */
  failure(failure: Failure, requestId: string): string {
    if (this.finished) return '';
    this.finished = true;
    return frame(openAiError(failure, requestId));
  }

  /** A comment line: bytes on a silent connection that SSE readers (the SDK's included) skip. */
  keepAlive(): string {
    return this.finished ? '' : ': keep-alive\n\n';
  }
}
