// OpenAI Chat Completions as the gateway accepts and answers it: the request's documented fields
// (those the gateway cannot honour are refused by name in openai-protocol.ts, unknown ones by the
// schema, as OpenAI does), the chat.completion object, the error body and the model list.
// Tool parameter schemas and similar are free-form JSON objects: bounded by the body limit, never
// stored as such, passed through to the model unchanged (the precedent: supply's `Open` objects).
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
  MAX_TOOL_CALLS,
  MAX_TOOLS,
} from './limits.ts';
import { OrNull, TextOrList } from './schema-types.ts';

const closed = { additionalProperties: false } as const;
const Json = Type.Record(Type.String(), Type.Unknown());
const Str = (maxLength: number) => Text({ maxLength });
const Int = (minimum: number, maximum: number) => Nullable(Type.Integer({ minimum, maximum }));
const Num = (minimum: number, maximum: number) => Nullable(Type.Number({ minimum, maximum }));
const Choice = (values: string[]) => Type.String({ enum: values });

/** A content part. Only text (and an assistant's refusal) is understood; others are refused by name. */
const ContentPart = Type.Object(
  {
    type: Choice(['text', 'refusal', 'image_url', 'input_audio', 'file']),
    text: Type.Optional(Str(MAX_TEXT)),
    refusal: Type.Optional(Str(MAX_TEXT)),
    image_url: Type.Optional(Json),
    input_audio: Type.Optional(Json),
    file: Type.Optional(Json),
  },
  closed,
);
export type OpenAiContentPart = Static<typeof ContentPart>;

const Content = OrNull(TextOrList(ContentPart, { maxLength: MAX_TEXT, maxItems: MAX_PARTS }));

const ToolCallIn = Type.Object(
  {
    id: Str(MAX_ID),
    type: Choice(['function']),
    function: Type.Object({ name: Str(MAX_NAME), arguments: Str(MAX_TEXT) }, closed),
  },
  closed,
);

const Message = Type.Object(
  {
    role: Choice(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: Type.Optional(Content),
    name: Type.Optional(Str(MAX_NAME)),
    tool_calls: Type.Optional(Type.Array(ToolCallIn, { maxItems: MAX_TOOL_CALLS })),
    tool_call_id: Type.Optional(Str(MAX_ID)),
    refusal: Type.Optional(Nullable(Str(MAX_TEXT))),
    audio: Type.Optional(OrNull(Json)),
    function_call: Type.Optional(OrNull(Json)),
  },
  closed,
);
export type OpenAiMessage = Static<typeof Message>;

const Tool = Type.Object(
  {
    type: Choice(['function']),
    function: Type.Object(
      {
        name: Type.String({ pattern: '^[a-zA-Z0-9_-]{1,64}$', maxLength: 64 }),
        description: Type.Optional(Str(MAX_DESCRIPTION)),
        parameters: Type.Optional(Json),
        strict: Type.Optional(Nullable(Type.Boolean())),
      },
      closed,
    ),
  },
  closed,
);

const ToolChoice = Type.Union([
  Choice(['none', 'auto', 'required']),
  Type.Object({ type: Choice(['function']), function: Type.Object({ name: Str(MAX_NAME) }, closed) }, closed),
]);

export const ChatCompletionsBody = Type.Object(
  {
    model: Str(MAX_MODEL),
    messages: Type.Array(Message, { minItems: 1, maxItems: MAX_MESSAGES }),
    tools: Type.Optional(Type.Array(Tool, { maxItems: MAX_TOOLS })),
    tool_choice: Type.Optional(ToolChoice),
    parallel_tool_calls: Type.Optional(Nullable(Type.Boolean())),
    max_tokens: Type.Optional(Int(1, MAX_OUTPUT_TOKENS)),
    max_completion_tokens: Type.Optional(Int(1, MAX_OUTPUT_TOKENS)),
    temperature: Type.Optional(Num(0, 2)),
    top_p: Type.Optional(Num(0, 1)),
    stop: Type.Optional(
      OrNull(TextOrList(Str(MAX_STOP_LENGTH), { maxLength: MAX_STOP_LENGTH, maxItems: MAX_STOP })),
    ),
    stream: Type.Optional(Nullable(Type.Boolean())),
    stream_options: Type.Optional(
      OrNull(
        Type.Object(
          {
            include_usage: Type.Optional(Type.Boolean()),
            include_obfuscation: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
      ),
    ),
    n: Type.Optional(Int(1, 128)),
    user: Type.Optional(Str(MAX_ID)),
    safety_identifier: Type.Optional(Str(MAX_ID)),
    seed: Type.Optional(Int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
    presence_penalty: Type.Optional(Num(-2, 2)),
    frequency_penalty: Type.Optional(Num(-2, 2)),
    logit_bias: Type.Optional(
      OrNull(Type.Record(Type.String(), Type.Number({ minimum: -100, maximum: 100 }))),
    ),
    logprobs: Type.Optional(Nullable(Type.Boolean())),
    top_logprobs: Type.Optional(Int(0, 20)),
    response_format: Type.Optional(
      Type.Object(
        { type: Choice(['text', 'json_object', 'json_schema']), json_schema: Type.Optional(Json) },
        closed,
      ),
    ),
    metadata: Type.Optional(OrNull(Type.Record(Type.String(), Str(512)))),
    store: Type.Optional(Nullable(Type.Boolean())),
    service_tier: Type.Optional(Nullable(Choice(['auto', 'default', 'flex', 'scale', 'priority']))),
    reasoning_effort: Type.Optional(Nullable(Choice(['minimal', 'low', 'medium', 'high']))),
    modalities: Type.Optional(OrNull(Type.Array(Choice(['text', 'audio']), { maxItems: 2 }))),
  },
  { ...closed, description: 'An OpenAI Chat Completions request; `model` is `pipeline/<slug>`' },
);
export type ChatCompletionsRequest = Static<typeof ChatCompletionsBody>;

// ---------------------------------------------------------------------------------------------
// Answers

const ToolCallOut = Type.Object({
  id: Type.String(),
  type: Type.Literal('function'),
  function: Type.Object({ name: Type.String(), arguments: Type.String() }),
});

const Usage = Type.Object({
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
});

/** What PlantIntel adds to an answer: how it was served (extra fields the SDKs pass through). */
export const GatewayInfo = Type.Object({
  cache: Type.String({ description: 'off, miss, exact or semantic' }),
  provider: Type.String(),
  model: Type.String({ description: 'The model that answered (or whose answer the cache replayed)' }),
  warnings: Type.Array(Type.String(), { description: 'Post-process findings (ungrounded numbers, schema)' }),
});

export const ChatCompletion = Type.Object({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Integer(),
  model: Type.String(),
  choices: Type.Array(
    Type.Object({
      index: Type.Integer(),
      message: Type.Object({
        role: Type.Literal('assistant'),
        content: Nullable(Type.String()),
        refusal: Type.Null(),
        tool_calls: Type.Optional(Type.Array(ToolCallOut)),
      }),
      logprobs: Type.Null(),
      finish_reason: Type.String(),
    }),
  ),
  usage: Usage,
  system_fingerprint: Type.Null(),
  plantintel: GatewayInfo,
});
export type ChatCompletionObject = Static<typeof ChatCompletion>;

export const OpenAiErrorBody = Type.Object(
  {
    error: Type.Object({
      message: Type.String(),
      type: Type.String(),
      param: Nullable(Type.String()),
      code: Nullable(Type.String()),
      requestId: Type.String(),
    }),
  },
  { description: 'An error in OpenAI’s shape (`code` carries PlantIntel’s error code)' },
);
export type OpenAiError = Static<typeof OpenAiErrorBody>;
