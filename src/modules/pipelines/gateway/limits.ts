// Bounds of what the gateway's protocol endpoints accept. The body limit (BODY_LIMIT_BYTES, 1 MiB by
// default) is the real bound of a prompt; these keep each part of a body within it and give the
// schema checker (platform/http/schema-rules.ts) the limits it requires.

/** One message's text, a tool's arguments or result. */
export const MAX_TEXT = 1_000_000;
export const MAX_MESSAGES = 2_000;
/** Content parts (OpenAI) or blocks (Anthropic) in one message. */
export const MAX_PARTS = 500;
/** OpenAI's own limit on tools in a request. */
export const MAX_TOOLS = 128;
export const MAX_TOOL_CALLS = 128;
export const MAX_DESCRIPTION = 10_000;
export const MAX_ID = 256;
export const MAX_NAME = 128;
export const MAX_STOP = 16;
export const MAX_STOP_LENGTH = 1_000;
export const MAX_OUTPUT_TOKENS = 1_000_000;
/** `pipeline/<slug>`; the slug's own rules are the catalog's. */
export const MAX_MODEL = 200;
export const MODEL_PREFIX = 'pipeline/';
