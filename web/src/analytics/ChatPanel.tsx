// Questions about an analysis and their answers: the stored conversation, the answer streaming in,
// and the findings each answer drew on, as links to them on the page.
import {
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextareaField } from '../components/Field';
import { SubmitButton } from '../components/FormActions';
import { type AnalysisStatus, type ChatSources, sourcesOf } from './analysis-api';
import { keyText, Paragraphs } from './analysis-format';
import { useChat } from './chat';

const EXAMPLES = ['Which machine loses the most time?', 'What should we fix first?'];

function Sources({ sources, onCite }: { sources: ChatSources; onCite: (rank: number) => void }) {
  const cite = (rank: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onCite(rank);
  };
  const cited = sources.insights.length > 0 || sources.metrics.length > 0;
  return (
    <>
      {sources.fallback ? (
        <p className="field-hint" data-testid="chat-fallback">
          PlantIntel answered from the analysis itself: {sources.fallback}.
        </p>
      ) : null}
      {cited ? (
        <p className="chat-sources" data-testid="chat-sources">
          From{' '}
          {sources.insights.map((rank, k) => (
            <span key={rank}>
              {k > 0 ? ', ' : ''}
              <a href={`#insight-${rank}`} onClick={cite(rank)}>
                finding #{rank}
              </a>
            </span>
          ))}
          {sources.metrics.length > 0 ? (
            <span className="muted">
              {sources.insights.length > 0 ? '; ' : ''}
              {sources.metrics.map(keyText).join(', ').toLowerCase()}
            </span>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

function Message({
  from: role,
  text,
  children,
  streaming = false,
}: {
  from: 'user' | 'assistant';
  text: string;
  children?: ReactNode;
  streaming?: boolean;
}) {
  return (
    <div
      className={`chat-message chat-${role}`}
      data-testid="chat-message"
      data-role={role}
      data-streaming={streaming}
    >
      <p className="chat-who">{role === 'user' ? 'Question' : 'Answer'}</p>
      {text ? <Paragraphs text={text} /> : <p className="muted">Thinking…</p>}
      {children}
    </div>
  );
}

export function ChatPanel({
  analysisId,
  status,
  onCite,
}: {
  analysisId: string;
  status: AnalysisStatus;
  onCite: (rank: number) => void;
}) {
  const id = useId();
  const { history, turn, answering, ask } = useChat(analysisId);
  const [question, setQuestion] = useState('');
  const ready = status === 'completed';
  const send = async (text: string) => {
    if (!text.trim() || answering) return;
    setQuestion('');
    // A question that failed to send is given back to edit or send again.
    if (!(await ask(text.trim()))) setQuestion(text);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(question);
  };
  // Enter sends, Shift+Enter starts a new line.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send(question);
  };
  const messages = history.data ?? [];
  const log = useRef<HTMLDivElement>(null);
  // The newest words stay in view as they arrive.
  const newest = `${messages.length}:${turn?.answer.length ?? 0}`;
  useEffect(() => {
    if (newest && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [newest]);
  return (
    <section className="card chat" aria-labelledby={`${id}-heading`} data-testid="chat">
      <h2 id={`${id}-heading`}>Ask about this analysis</h2>
      <p className="muted">
        Answers come from this analysis only (its findings, figures and charts), with the numbers it holds.
      </p>
      {history.isError ? <ErrorNotice error={history.error} title="Could not load the conversation" /> : null}
      <div
        ref={log}
        // Focusable so that keyboard users can scroll a long conversation.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        className="chat-log"
        role="log"
        aria-label="Conversation"
        aria-busy={answering}
        data-testid="chat-log"
      >
        {messages.length === 0 && !turn ? (
          <p className="state-message">No question asked yet. Try “{EXAMPLES[0]}”</p>
        ) : null}
        {messages.map((m) => (
          <Message key={m.id} from={m.role} text={m.content}>
            {m.role === 'assistant' ? <Sources sources={sourcesOf(m.sources)} onCite={onCite} /> : null}
          </Message>
        ))}
        {turn && !turn.error ? (
          <>
            <Message from="user" text={turn.question} />
            <Message from="assistant" text={turn.answer} streaming={!turn.done}>
              {turn.done ? <Sources sources={turn.done.sources} onCite={onCite} /> : null}
            </Message>
          </>
        ) : null}
      </div>
      {turn?.error ? <ErrorNotice error={turn.error} title="The question could not be answered" /> : null}
      <form className="form chat-form" onSubmit={submit} aria-label="Ask a question">
        <TextareaField
          id={`${id}-question`}
          label="Your question"
          rows={2}
          maxLength={4000}
          value={question}
          onChange={setQuestion}
          onKeyDown={onKeyDown}
          disabled={!ready}
          hint={
            <p className="field-hint" id={`${id}-hint`}>
              {ready
                ? `For example: ${EXAMPLES.join(' · ')} Enter sends; Shift+Enter starts a new line.`
                : status === 'processing'
                  ? 'The chat opens once the analysis has completed.'
                  : 'The analysis failed: there is nothing to ask about.'}
            </p>
          }
          aria-describedby={`${id}-hint`}
        />
        <div className="form-actions">
          <SubmitButton
            label="Ask"
            pendingLabel="Answering…"
            pending={answering}
            disabled={!ready || !question.trim()}
          />
        </div>
      </form>
    </section>
  );
}
