// Anthropic Messages as the gateway accepts and answers it: the request's documented fields (block
// types the gateway cannot use are refused by name in anthropic-protocol.ts, unknown fields by the
// schema), the message object and the error body. Tool input schemas, tool inputs and cache_control
// are free-form JSON objects bounded by the body limit (see openai.schemas.ts).
import Type, { type Static } from 'typebox';
import { Nullable, Text } from '../../../platform/http/schemas.ts';
import {
  MAX_DESCRIPTION,
  MAX_ID,
  MAX_MESSAGES,
  MAX_MODEL,
  MAX_NAME,
  MAX_OUTPUT_TOKENS,
  MAX_PARTS,
  MAX_STOP,
  MAX_STOP_LENGTH,
  MAX_TEXT,
  MAX_TOOLS,
} from './limits.ts';
import { GatewayInfo } from './openai.schemas.ts';
import { OrNull, TextOrList } from './schema-types.ts';

const closed = { additionalProperties: false } as const;
const Json = Type.Record(Type.String(), Type.Unknown());
const Str = (maxLength: number) => Text({ maxLength });
const Choice = (values: string[]) => Type.String({ enum: values });
const CacheControl = Type.Optional(OrNull(Json));
const Citations = Type.Optional(OrNull(Type.Array(Json, { maxItems: MAX_PARTS })));

/** What a tool_result may carry: text (other kinds are refused by name). */
const ResultBlock = Type.Object(
  {
    type: Choice(['text', 'image', 'document', 'search_result']),
    text: Type.Optional(Str(MAX_TEXT)),
    source: Type.Optional(Json),
    title: Type.Optional(Nullable(Str(MAX_DESCRIPTION))),
    cache_control: CacheControl,
    citations: Citations,
  },
  closed,
);
export type AnthropicResultBlock = Static<typeof ResultBlock>;

const Block = Type.Object(
  {
    type: Choice([
      'text',
      'image',
      'document',
      'tool_use',
      'tool_result',
      'thinking',
      'redacted_thinking',
      'search_result',
    ]),
    text: Type.Optional(Str(MAX_TEXT)),
    id: Type.Optional(Str(MAX_ID)),
    name: Type.Optional(Str(MAX_NAME)),
    input: Type.Optional(Json),
    tool_use_id: Type.Optional(Str(MAX_ID)),
    content: Type.Optional(TextOrList(ResultBlock, { maxLength: MAX_TEXT, maxItems: MAX_PARTS })),
    is_error: Type.Optional(Type.Boolean()),
    source: Type.Optional(Json),
    title: Type.Optional(Nullable(Str(MAX_DESCRIPTION))),
    context: Type.Optional(Nullable(Str(MAX_DESCRIPTION))),
    thinking: Type.Optional(Str(MAX_TEXT)),
    signature: Type.Optional(Str(MAX_TEXT)),
    data: Type.Optional(Str(MAX_TEXT)),
    cache_control: CacheControl,
    citations: Citations,
  },
  closed,
);
export type AnthropicBlock = Static<typeof Block>;

const Message = Type.Object(
  {
    role: Choice(['user', 'assistant']),
    content: TextOrList(Block, { maxLength: MAX_TEXT, maxItems: MAX_PARTS }),
  },
  closed,
);
export type AnthropicMessage = Static<typeof Message>;

const SystemBlock = Type.Object(
  { type: Choice(['text']), text: Str(MAX_TEXT), cache_control: CacheControl, citations: Citations },
  closed,
);

const Tool = Type.Object(
  {
    name: Type.String({ pattern: '^[a-zA-Z0-9_-]{1,128}$', maxLength: 128 }),
    description: Type.Optional(Str(MAX_DESCRIPTION)),
    input_schema: Json,
    type: Type.Optional(Nullable(Choice(['custom']))),
    strict: Type.Optional(Type.Boolean()),
    cache_control: CacheControl,
  },
  closed,
);

export const MessagesBody = Type.Object(
  {
    model: Str(MAX_MODEL),
    max_tokens: Type.Integer({ minimum: 1, maximum: MAX_OUTPUT_TOKENS }),
    messages: Type.Array(Message, { minItems: 1, maxItems: MAX_MESSAGES }),
    system: Type.Optional(TextOrList(SystemBlock, { maxLength: MAX_TEXT, maxItems: MAX_PARTS })),
    tools: Type.Optional(Type.Array(Tool, { maxItems: MAX_TOOLS })),
    tool_choice: Type.Optional(
      Type.Object(
        {
          type: Choice(['auto', 'any', 'tool', 'none']),
          name: Type.Optional(Str(MAX_NAME)),
          disable_parallel_tool_use: Type.Optional(Type.Boolean()),
        },
        closed,
      ),
    ),
    temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    top_p: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    top_k: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    stop_sequences: Type.Optional(Type.Array(Str(MAX_STOP_LENGTH), { maxItems: MAX_STOP })),
    stream: Type.Optional(Type.Boolean()),
    metadata: Type.Optional(Type.Object({ user_id: Type.Optional(Nullable(Str(MAX_ID))) }, closed)),
    service_tier: Type.Optional(Choice(['auto', 'standard_only'])),
  },
  { ...closed, description: 'An Anthropic Messages request; `model` is `pipeline/<slug>`' },
);
export type MessagesRequest = Static<typeof MessagesBody>;

// ---------------------------------------------------------------------------------------------
// Answers

export const AnthropicMessageObject = Type.Object({
  id: Type.String(),
  type: Type.Literal('message'),
  role: Type.Literal('assistant'),
  model: Type.String(),
  content: Type.Array(
    Type.Object({
      type: Type.String({ description: 'text or tool_use' }),
      text: Type.Optional(Type.String()),
      id: Type.Optional(Type.String()),
      name: Type.Optional(Type.String()),
      input: Type.Optional(Json),
    }),
  ),
  stop_reason: Type.String(),
  stop_sequence: Type.Null(),
  usage: Type.Object({
    input_tokens: Type.Integer(),
    output_tokens: Type.Integer(),
    cache_creation_input_tokens: Type.Integer(),
    cache_read_input_tokens: Type.Integer(),
  }),
  plantintel: GatewayInfo,
});
export type AnthropicMessageAnswer = Static<typeof AnthropicMessageObject>;

export const AnthropicErrorBody = Type.Object(
  {
    type: Type.Literal('error'),
    error: Type.Object({
      type: Type.String(),
      message: Type.String(),
      code: Type.String({ description: 'PlantIntel’s error code' }),
      requestId: Type.String(),
    }),
    request_id: Type.String(),
  },
  { description: 'An error in Anthropic’s shape' },
);
export type AnthropicError = Static<typeof AnthropicErrorBody>;
