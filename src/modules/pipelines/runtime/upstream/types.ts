// What a model node's providers share: the call they are given, the events they yield and the one
// failure type the model node classifies for retries and fallbacks.
import type { FinishReason, GatewayRequest, ToolCall, Usage } from '../../contracts.ts';

/** Why an upstream failed: the first four are the node's `retryOn` kinds. */
export type UpstreamFailureKind =
  | 'timeout'
  | 'rate_limit'
  | 'server_error'
  | 'network'
  /** 4xx other than 408/429: the request or the key is wrong; another attempt would fail alike. */
  | 'client'
  /** The answer broke the protocol (not JSON, cut off, an error event). */
  | 'protocol'
  /** The provider is not configured on this server (no base URL or key). */
  | 'unconfigured';

export class UpstreamFailure extends Error {
  override name = 'UpstreamFailure';
  readonly kind: UpstreamFailureKind;
  readonly status: number | undefined;
  /** A 429's retry-after, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  constructor(
    kind: UpstreamFailureKind,
    message: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

export type UpstreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  /** The last event of a whole answer; usage null when the upstream reported none. */
  | { type: 'end'; finishReason: FinishReason; usage: Usage | null };

/** The request as a model receives it: the retrieved context already in `system`. */
export type ModelCall = Pick<
  GatewayRequest,
  'system' | 'messages' | 'tools' | 'toolChoice' | 'maxTokens' | 'temperature' | 'topP' | 'stop' | 'offline'
> & {
  model: string;
  signal: AbortSignal;
  /** The retrieved context pieces (already in `system`): what the offline model grounds its answer on. */
  context?: readonly string[];
  /**
   * false: the caller wants the whole answer at once, so the upstream is asked for it unstreamed (one
   * JSON body to parse instead of an event per token); absent or true: streamed.
   */
  stream?: boolean;
};

export interface UpstreamProvider {
  name: 'offline' | 'openai' | 'anthropic';
  stream(call: ModelCall): AsyncIterable<UpstreamEvent>;
}
