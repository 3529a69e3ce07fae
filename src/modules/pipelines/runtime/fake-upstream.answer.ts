// What the fake upstream's two protocol writers share (see fake-upstream.ts).

/** One answer, before a protocol turns it into JSON or wire frames. */
export interface FakeAnswer {
  model: string;
  text: string;
  /** Set when the answer calls a tool instead of giving text. */
  toolCall?: { id: string; name: string; arguments: string };
  inputTokens: number;
  outputTokens: number;
  /** OpenAI: `stream_options.include_usage` asked for the usage chunk. */
  includeUsage: boolean;
}

/** Cuts a text into word pieces that concatenate back to it (each keeps its trailing whitespace). */
export function wordPieces(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter((p) => p !== '');
}
