// The chat about an analysis: a question posted, its answer read as Server-Sent Events while it
// streams in (`delta` text, at most one `replace` of the whole answer, then `done` with the sources,
// or `error`), then the stored conversation reloaded.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { fetchWithToken } from '../transfer';
import { analysisChatPath, analysisKeys, type ChatSources, sourcesOf } from './analysis-api';
import { useChatMessages } from './analysis-hooks';

export interface ChatDone {
  messageId: string;
  provider: string;
  model: string;
  fallback: { from: string; reason: string } | null;
  /** False: the analysis does not hold the answer (and the answer says so). */
  covered: boolean;
  sources: ChatSources;
}

export type ChatEvent =
  | { type: 'delta'; text: string }
  | { type: 'replace'; text: string; reason: string }
  | { type: 'done'; done: ChatDone };

/** The `event:` and `data:` of each message of an event stream (messages end with a blank line). */
export async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    for (let end = buffer.search(/\r?\n\r?\n/); end >= 0; end = buffer.search(/\r?\n\r?\n/)) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length > 0) yield { event, data: data.join('\n') };
    }
    if (done) return;
  }
}

const stopped = (message: string) => new ApiError({ status: 200, code: 'CHAT_STOPPED', message });

/**
 * Asks `question` about analysis `analysisId`, calling `onEvent` as the answer streams in. Rejects
 * with the server's error (before the answer or in its middle) or when the stream ends unfinished.
 */
export async function askAboutAnalysis(
  analysisId: string,
  question: string,
  onEvent: (event: ChatEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetchWithToken(analysisChatPath(analysisId), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message: question }),
    signal,
  });
  if (!response.body) throw stopped('The server sent no answer.');
  for await (const { event, data } of serverSentEvents(response.body)) {
    const payload = JSON.parse(data) as Record<string, unknown>;
    const text = typeof payload.text === 'string' ? payload.text : '';
    if (event === 'delta') onEvent({ type: 'delta', text });
    else if (event === 'replace') onEvent({ type: 'replace', text, reason: String(payload.reason ?? '') });
    else if (event === 'error') throw stopped(String(payload.message ?? 'The answer stopped.'));
    else if (event === 'done') {
      onEvent({
        type: 'done',
        done: { ...(payload as unknown as ChatDone), sources: sourcesOf(payload.sources) },
      });
      return;
    }
  }
  throw stopped('The answer stopped before it was complete.');
}

/** The question being answered, and its answer so far. */
export interface ChatTurn {
  question: string;
  answer: string;
  done: ChatDone | null;
  error: unknown;
}

function applied(turn: ChatTurn, event: ChatEvent): ChatTurn {
  if (event.type === 'delta') return { ...turn, answer: turn.answer + event.text };
  // The model's answer stated numbers the analysis lacks: the grounded answer takes its place whole.
  if (event.type === 'replace') return { ...turn, answer: event.text };
  return { ...turn, done: event.done };
}

/**
 * The stored conversation about an analysis, and `ask`: the question and its answer show as a turn of
 * their own while it streams, until the stored conversation, reloaded, holds them.
 */
export function useChat(analysisId: string) {
  const queryClient = useQueryClient();
  const history = useChatMessages(analysisId);
  const [turn, setTurn] = useState<ChatTurn | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  async function ask(question: string): Promise<boolean> {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setTurn({ question, answer: '', done: null, error: null });
    let failure: unknown = null;
    try {
      await askAboutAnalysis(
        analysisId,
        question,
        (e) => setTurn((t) => t && applied(t, e)),
        controller.signal,
      );
    } catch (error) {
      failure = error;
    }
    if (controller.signal.aborted) return false;
    // The question is stored as soon as the answer starts, the answer once it is complete.
    await queryClient.invalidateQueries({ queryKey: analysisKeys.messages(analysisId) });
    setTurn(failure ? { question, answer: '', done: null, error: failure } : null);
    return failure === null;
  }

  const answering = turn !== null && turn.error === null;
  return { history, turn, answering, ask };
}
