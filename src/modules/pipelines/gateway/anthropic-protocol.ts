// Anthropic Messages ⇄ the gateway (pure): a request body → GatewayRequest, an answer → the message
// object, the executor's events → the named event sequence (message_start, content_block_start,
// ping, content_block_delta with text_delta or input_json_delta, content_block_stop, message_delta
// with stop_reason and usage, message_stop), a failure → `{ type: 'error', error: { type, message } }`
// (in a stream: `event: error`, then the stream ends).
//
// message_start carries input_tokens 0: the executor knows the usage only at the end, and
// message_delta carries both counts (the SDK's MessageStream takes input_tokens from it). top_k,
// metadata and service_tier are accepted and left to the pipeline; images, documents and search
// results are refused by name; thinking blocks of earlier turns are dropped.
import type { GatewayEvent, GatewayMessage, GatewayRequest, ToolCall, ToolDefinition } from '../contracts.ts';
import { GatewayError } from '../contracts.ts';
import { type Answer, slugOfModel } from './answer.ts';
import type {
  AnthropicBlock,
  AnthropicError,
  AnthropicMessage,
  AnthropicMessageAnswer,
  AnthropicResultBlock,
  MessagesRequest,
} from './anthropic.schemas.ts';
import { type Failure, invalidParam } from './failure.ts';

export interface AnthropicCall {
  slug: string;
  request: GatewayRequest;
}

const SKIPPED = new Set(['thinking', 'redacted_thinking']);

function unsupported(at: string, type: string): never {
  throw invalidParam(`${at}.type`, `${at}: ${type} blocks are not supported by the gateway (text only)`);
}

function textOf(block: { type: string; text?: string | undefined }, at: string): string {
  if (block.text === undefined) throw invalidParam(`${at}.text`, `${at}: a text block needs its text`);
  return block.text;
}

function resultText(content: string | AnthropicResultBlock[] | undefined, at: string): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content
    .map((block, k) =>
      block.type === 'text' ? textOf(block, `${at}[${k}]`) : unsupported(`${at}[${k}]`, block.type),
    )
    .join('\n');
}

function userMessages(blocks: AnthropicBlock[], at: string): GatewayMessage[] {
  const results: GatewayMessage[] = [];
  const texts: string[] = [];
  blocks.forEach((block, j) => {
    const where = `${at}.content[${j}]`;
    if (block.type === 'text') texts.push(textOf(block, where));
    else if (block.type === 'tool_result') {
      if (!block.tool_use_id)
        throw invalidParam(`${where}.tool_use_id`, `${where}: tool_result needs tool_use_id`);
      const text = resultText(block.content, `${where}.content`);
      // Upstreams without an error flag on tool results still learn that the call failed.
      results.push({
        role: 'tool',
        toolCallId: block.tool_use_id,
        content: block.is_error ? `Error: ${text}` : text,
      });
    } else if (!SKIPPED.has(block.type)) unsupported(where, block.type);
  });
  return texts.length > 0 ? [...results, { role: 'user', content: texts.join('\n') }] : results;
}

function assistantMessage(blocks: AnthropicBlock[], at: string): GatewayMessage | null {
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  blocks.forEach((block, j) => {
    const where = `${at}.content[${j}]`;
    if (block.type === 'text') texts.push(textOf(block, where));
    else if (block.type === 'tool_use') {
      if (!block.id || !block.name) throw invalidParam(where, `${where}: tool_use needs id and name`);
      toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
    } else if (!SKIPPED.has(block.type)) unsupported(where, block.type);
  });
  if (texts.length === 0 && toolCalls.length === 0) return null;
  return { role: 'assistant', content: texts.join('\n'), ...(toolCalls.length > 0 ? { toolCalls } : {}) };
}

function messagesOf(messages: AnthropicMessage[]): GatewayMessage[] {
  const out: GatewayMessage[] = [];
  messages.forEach((message, i) => {
    const at = `messages[${i}]`;
    if (typeof message.content === 'string') {
      out.push({ role: message.role === 'user' ? 'user' : 'assistant', content: message.content });
    } else if (message.role === 'user') {
      out.push(...userMessages(message.content, at));
    } else {
      const assistant = assistantMessage(message.content, at);
      if (assistant) out.push(assistant);
    }
  });
  if (out.length === 0)
    throw invalidParam('messages', 'messages: at least one message with content is needed');
  return out;
}

function toolChoiceOf(body: MessagesRequest, tools: ToolDefinition[]): string | undefined {
  const choice = body.tool_choice;
  if (!choice) return undefined;
  if (choice.type === 'auto' || choice.type === 'none') return choice.type;
  if (tools.length === 0) throw invalidParam('tool_choice', 'tool_choice: there are no tools to choose from');
  if (choice.type === 'any') return 'required';
  if (!choice.name) throw invalidParam('tool_choice.name', 'tool_choice: type tool needs the name of a tool');
  if (!tools.some((tool) => tool.name === choice.name)) {
    throw invalidParam('tool_choice.name', `tool_choice: there is no tool named ${choice.name}`);
  }
  return choice.name;
}

/** The gateway request of a Messages body (GatewayError 400/404 naming the field when not). */
export function fromAnthropic(body: MessagesRequest): AnthropicCall {
  const slug = slugOfModel(body.model);
  const system =
    typeof body.system === 'string' ? body.system : body.system?.map((block) => block.text).join('\n');
  const tools: ToolDefinition[] = (body.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    parameters: tool.input_schema,
  }));
  const toolChoice = toolChoiceOf(body, tools);
  const request: GatewayRequest = {
    protocol: 'anthropic',
    purpose: 'gateway',
    ...(system ? { system } : {}),
    messages: messagesOf(body.messages),
    ...(tools.length > 0 ? { tools } : {}),
    ...(toolChoice !== undefined ? { toolChoice } : {}),
    maxTokens: body.max_tokens,
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { topP: body.top_p } : {}),
    ...(body.stop_sequences && body.stop_sequences.length > 0 ? { stop: body.stop_sequences } : {}),
    stream: body.stream === true,
  };
  return { slug, request };
}

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' } as const;

/** A tool call's arguments as the object Anthropic's tool_use input is. */
export function inputOf(call: ToolCall): Record<string, unknown> {
  if (call.arguments.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(call.arguments);
  } catch {
    input = undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new GatewayError(
      'upstream',
      502,
      `The model called ${call.name} with arguments that are not a JSON object`,
    );
  }
  return input as Record<string, unknown>;
}

const infoOf = (answer: Pick<Answer, 'cache' | 'provider' | 'model' | 'warnings'>) => ({
  cache: answer.cache,
  provider: answer.provider,
  model: answer.model,
  warnings: answer.warnings,
});

export function anthropicMessage(answer: Answer, ids: { id: string; model: string }): AnthropicMessageAnswer {
  const tools = answer.toolCalls.map((call) => ({
    type: 'tool_use',
    id: call.id,
    name: call.name,
    input: inputOf(call),
  }));
  const text = answer.text !== '' || tools.length === 0 ? [{ type: 'text', text: answer.text }] : [];
  return {
    id: ids.id,
    type: 'message',
    role: 'assistant',
    model: ids.model,
    content: [...text, ...tools],
    stop_reason: STOP_REASONS[answer.finishReason],
    stop_sequence: null,
    usage: {
      input_tokens: answer.usage.inputTokens,
      output_tokens: answer.usage.outputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
    plantintel: infoOf(answer),
  };
}

const ANTHROPIC_TYPES: Record<Failure['kind'], string> = {
  invalid_request: 'invalid_request_error',
  refused: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  budget: 'rate_limit_error',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  upstream: 'api_error',
  overloaded: 'overloaded_error',
  internal: 'api_error',
};

export function anthropicError(failure: Failure, requestId: string): AnthropicError {
  const type = failure.status === 413 ? 'request_too_large' : ANTHROPIC_TYPES[failure.kind];
  return {
    type: 'error',
    error: { type, message: failure.message, code: failure.code, requestId },
    request_id: requestId,
  };
}

const named = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * The named events of one streamed answer, event by event. Text opens a text block at its first
 * delta; each tool call is a tool_use block of its own (its arguments in one input_json_delta).
 * After `done` (message_delta, message_stop) or `failure` (event: error) nothing follows.
 */
export class AnthropicEvents {
  private blocks = 0;
  private textOpen = false;
  private finished = false;
  private readonly ids: { id: string; model: string };
  constructor(ids: { id: string; model: string }) {
    this.ids = ids;
  }

  get done(): boolean {
    return this.finished;
  }

  private open(block: Record<string, unknown>): string {
    const index = this.blocks++;
    const start = named('content_block_start', { type: 'content_block_start', index, content_block: block });
    return index === 0 ? `${start}${named('ping', { type: 'ping' })}` : start;
  }

  private closeText(): string {
    if (!this.textOpen) return '';
    this.textOpen = false;
    return named('content_block_stop', { type: 'content_block_stop', index: this.blocks - 1 });
  }

  private text(text: string): string {
    const open = this.textOpen ? '' : this.open({ type: 'text', text: '' });
    this.textOpen = true;
    const delta = {
      type: 'content_block_delta',
      index: this.blocks - 1,
      delta: { type: 'text_delta', text },
    };
    return `${open}${named('content_block_delta', delta)}`;
  }

  private tool(call: ToolCall): string {
    const json = JSON.stringify(inputOf(call));
    const closed = this.closeText();
    const open = this.open({ type: 'tool_use', id: call.id, name: call.name, input: {} });
    const index = this.blocks - 1;
    const delta =
      json === '{}'
        ? ''
        : named('content_block_delta', {
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: json },
          });
    return `${closed}${open}${delta}${named('content_block_stop', { type: 'content_block_stop', index })}`;
  }

  event(event: GatewayEvent): string {
    if (this.finished) return '';
    switch (event.type) {
      case 'start':
        return named('message_start', {
          type: 'message_start',
          message: {
            id: this.ids.id,
            type: 'message',
            role: 'assistant',
            model: this.ids.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 0, output_tokens: 0 },
          },
        });
      case 'delta':
        return event.text === '' ? '' : this.text(event.text);
      case 'tool_call':
        return this.tool(event.call);
      case 'done': {
        // An empty answer is still one (empty) text block: clients read content[0].
        let empty = '';
        if (this.blocks === 0) {
          empty = this.open({ type: 'text', text: '' });
          this.textOpen = true;
        }
        const closed = this.closeText();
        this.finished = true;
        const delta = named('message_delta', {
          type: 'message_delta',
          delta: { stop_reason: STOP_REASONS[event.finishReason], stop_sequence: null },
          usage: { input_tokens: event.usage.inputTokens, output_tokens: event.usage.outputTokens },
          plantintel: infoOf(event),
        });
        return `${empty}${closed}${delta}${named('message_stop', { type: 'message_stop' })}`;
      }
    }
  }

  /** An error after the stream began: `event: error`, and the stream ends. */
  failure(failure: Failure, requestId: string): string {
    if (this.finished) return '';
    this.finished = true;
    return named('error', anthropicError(failure, requestId));
  }

  /** A `ping` event, as Anthropic's API sends on a quiet stream (its SDK skips them). */
  keepAlive(): string {
    return this.finished ? '' : named('ping', { type: 'ping' });
  }
}
