// The chat about an analysis (issue 14; the seed's POST /api/chat {analysisId, message}): the
// question is stored, the offline answerer retrieves what the analysis holds on it, and the
// configured provider (platform/ai: offline by default) answers from that grounding as a stream.
// An LLM's answer that states a number the analysis does not contain is replaced, once complete,
// by the grounded answer: the client is told (a `replace` event) and the replacement is stored.

import type { Ai, FallbackNote } from '../../platform/ai/types.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import {
  type AnalysisRow,
  chatHistory,
  findAnalysis,
  insertChatMessage,
  listInsights,
} from './analyses.repo.ts';
import type { Chart } from './analysis/types.ts';
import { answer, type ChatAnalysis, groundingContext } from './chat/answerer.ts';
import { groundNumbers } from './narrative.ts';
import { numbersIn, unsupportedNumbers } from './numbers.ts';

/** Earlier turns sent along with a question (the model's and the answerer's memory). */
const HISTORY_TURNS = 12;

export type ChatEvent =
  | { event: 'delta'; data: { text: string } }
  | { event: 'replace'; data: { text: string; reason: string } }
  | {
      event: 'done';
      data: {
        messageId: string;
        provider: string;
        model: string;
        fallback: FallbackNote | null;
        covered: boolean;
        sources: { insights: number[]; metrics: string[]; charts: string[] };
      };
    };

function chatAnalysisOf(row: AnalysisRow, insights: Awaited<ReturnType<typeof listInsights>>): ChatAnalysis {
  const results = (row.results ?? {}) as { metrics?: Record<string, number>; charts?: Chart[] };
  const analyzers = row.analyzers as Record<string, { status: string; lacked: string[] }>;
  return {
    name: row.name,
    workOrders: row.rowCount,
    dataTier: row.dataTier ?? 1,
    analyzersRun: row.analyzersRun,
    skipped: Object.entries(analyzers)
      .filter(([, a]) => a.status === 'skipped')
      .map(([analyzer, a]) => ({ analyzer, lacked: a.lacked })),
    insights,
    metrics: results.metrics ?? {},
    charts: results.charts ?? [],
    narrative: row.narrative,
  };
}

const SYSTEM = (context: string) =>
  'You answer a plant manager’s questions about one analysis of their ERP work orders. Answer in a few ' +
  'plain sentences, from the analysis below only. Quote numbers exactly as they appear there; never ' +
  'estimate, compute or invent a number. When the analysis does not contain the answer, say so plainly ' +
  `and say what it does cover.\n\nThe analysis:\n${context}`;

export function createChatService({ db, ai }: { db: Db; ai: Ai }) {
  async function loaded(principal: Principal, id: string) {
    return readInCallerTenant(db, principal, async (tx) => {
      const row = await findAnalysis(tx, id);
      if (!row) throw notFound('Analysis');
      if (row.status !== 'completed')
        throw conflict(`Analysis ${id} is ${row.status}: ask again once it has completed`);
      return { row, insights: await listInsights(tx, id), history: await chatHistory(tx, id, HISTORY_TURNS) };
    });
  }

  return {
    async messages(principal: Principal, id: string, limit: number) {
      return readInCallerTenant(db, principal, async (tx) => {
        if (!(await findAnalysis(tx, id))) throw notFound('Analysis');
        return chatHistory(tx, id, limit);
      });
    },

    /**
     * Validates and stores the question, then returns the answer's events (the caller streams them).
     * Errors before the stream (unknown analysis, not completed) are thrown here, as JSON errors.
     */
    async ask(
      principal: Principal,
      id: string,
      message: string,
      signal?: AbortSignal,
    ): Promise<AsyncIterable<ChatEvent>> {
      const { row, insights, history } = await loaded(principal, id);
      await inCallerTenant(db, principal, (tx, tenantId) =>
        insertChatMessage(tx, {
          tenantId,
          analysisId: id,
          role: 'user',
          content: message,
          createdBy: principal.userId,
        }),
      );
      const analysis = chatAnalysisOf(row, insights);
      const turns = history.map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
      const grounded = answer(analysis, turns, message);
      const allowed = groundNumbers({
        name: row.name,
        summary: { workOrders: row.rowCount, dataTier: row.dataTier ?? 1, fields: [] },
        insights: insights.map((i) => i.insight),
        metrics: analysis.metrics,
      });
      const context = groundingContext(analysis, message);
      for (const n of numbersIn(context)) allowed.add(n);
      for (const n of numbersIn(grounded.text)) allowed.add(n);
      for (const n of numbersIn(message)) allowed.add(n);
      for (const chart of analysis.charts)
        for (const p of chart.points) for (const n of numbersIn(String(p.value))) allowed.add(n);
      const store = (content: string, extra: Record<string, unknown>) =>
        inCallerTenant(db, principal, (tx, tenantId) =>
          insertChatMessage(tx, {
            tenantId,
            analysisId: id,
            role: 'assistant',
            content,
            sources: { ...grounded.sources, covered: grounded.covered, ...extra },
            createdBy: principal.userId,
          }),
        );

      return (async function* events(): AsyncGenerator<ChatEvent> {
        let text = '';
        let provider = 'offline';
        let model = 'grounded';
        let fallback: FallbackNote | null = null;
        for await (const chunk of ai.chat({
          purpose: 'analysis.chat',
          tenantId: row.tenantId,
          system: SYSTEM(context),
          messages: [...turns, { role: 'user', content: message }],
          maxTokens: 500,
          temperature: 0.1,
          offline: () => grounded.text,
          ...(signal ? { signal } : {}),
        })) {
          if (chunk.type === 'delta') {
            text += chunk.text;
            yield { event: 'delta', data: { text: chunk.text } };
          } else {
            provider = chunk.provider;
            model = chunk.model;
            fallback = chunk.fallback ?? null;
          }
        }
        if (provider !== 'offline') {
          const invented = unsupportedNumbers(text, allowed);
          if (invented.length > 0) {
            const reason = `the model stated numbers the analysis does not contain (${invented.slice(0, 5).join(', ')})`;
            yield { event: 'replace', data: { text: grounded.text, reason } };
            text = grounded.text;
            fallback = { from: provider, reason };
            provider = 'offline';
            model = 'grounded';
          }
        }
        const stored = await store(text, { provider, model, fallback });
        yield {
          event: 'done',
          data: {
            messageId: stored.id,
            provider,
            model,
            fallback,
            covered: grounded.covered,
            sources: grounded.sources,
          },
        };
      })();
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
