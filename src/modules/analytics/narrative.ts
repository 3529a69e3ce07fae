// The narrative of an analysis (issue 14): a short written summary of what matters most, generated
// from the results every time (offline, deterministic), then rewritten by an LLM when one is
// configured — and kept only if every number the LLM wrote appears in the results (numbers.ts).
import type { Ai } from '../../platform/ai/types.ts';
import { fmt } from './analysis/frame.ts';
import type { Insight } from './analysis/types.ts';
import { numbersIn, unsupportedNumbers } from './numbers.ts';

export interface NarrativeInput {
  name: string;
  summary: { workOrders: number; dataTier: number; fields: string[] };
  insights: readonly Insight[];
  metrics: Record<string, number>;
  /** The tenant the analysis belongs to: its default AI pipeline writes the narrative (and counts it). */
  tenantId?: string;
}

export interface Narrator {
  narrate(input: NarrativeInput): Promise<{ text: string; source: string }>;
}

const money = (x: number) => fmt(Math.round(x), 0);

/** The offline narrative: the headline, the top findings with their impact, what to do first. */
export function offlineNarrative({ summary, insights }: NarrativeInput): string {
  const serious = insights.filter((i) => i.severity === 'critical' || i.severity === 'high');
  const top = insights.filter((i) => i.severity !== 'info').slice(0, 3);
  const lines: string[] = [];
  lines.push(
    `${fmt(summary.workOrders, 0)} work orders analysed (data tier ${summary.dataTier} of 4): ` +
      (insights.length === 0
        ? 'no finding stands out from the rest of the data.'
        : `${insights.length} findings, ${serious.length} of them high or critical.`),
  );
  if (top.length > 0) {
    const atStake = top.reduce((sum, i) => sum + i.impact.score, 0);
    lines.push(`What matters most${atStake > 0 ? ` (about ${money(atStake)} in impact together)` : ''}:`);
    top.forEach((insight, k) => {
      lines.push(
        `${k + 1}. ${insight.title}. ${insight.impact.formula ? `Impact: ${insight.impact.formula}.` : ''}`.trim(),
      );
    });
    const first = top[0] as Insight;
    lines.push(`Start with: ${first.recommendation}`);
  }
  return lines.join('\n');
}

/** Everything a narrative or chat answer may quote: the results' own numbers. */
export function groundNumbers(input: NarrativeInput): Set<string> {
  const texts = [
    offlineNarrative(input),
    ...input.insights.flatMap((i) => [i.title, i.detail, i.impact.formula, i.recommendation]),
  ];
  const numbers = new Set<string>();
  for (const t of texts) for (const n of numbersIn(t)) numbers.add(n);
  const add = (x: number | null | undefined) => {
    if (x === null || x === undefined || !Number.isFinite(x)) return;
    for (const digits of [0, 1, 2]) for (const n of numbersIn(fmt(x, digits))) numbers.add(n);
  };
  for (const i of input.insights) {
    add(i.impact.currency);
    add(i.impact.hours);
    add(i.impact.units);
    add(i.evidence.value);
    add(i.evidence.baseline);
    add(i.evidence.expected);
    add(i.evidence.sampleSize);
    add(i.rowCount);
  }
  for (const v of Object.values(input.metrics)) add(v);
  add(input.summary.workOrders);
  add(input.summary.dataTier);
  return numbers;
}

export function createNarrator(ai: Pick<Ai, 'provider' | 'complete'>): Narrator {
  return {
    async narrate(input) {
      const offline = offlineNarrative(input);
      // Offline with no tenant: nothing to ask. With a tenant the call goes through its pipeline even
      // offline, so the pipeline's metrics count it.
      if (ai.provider === 'offline' && !input.tenantId) return { text: offline, source: 'offline' };
      try {
        const result = await ai.complete({
          purpose: 'analysis.narrative',
          ...(input.tenantId && { tenantId: input.tenantId }),
          system:
            'You rewrite the summary of a manufacturing work-order analysis for a plant manager: at most 120 words, ' +
            'plain sentences, the most important finding first. Use only numbers that appear in the summary or the ' +
            'findings you are given; never compute or invent a number.',
          messages: [
            {
              role: 'user',
              content: `Summary:\n${offline}\n\nFindings (ranked):\n${input.insights
                .slice(0, 10)
                .map((i, k) => `${k + 1}. [${i.severity}] ${i.title} — ${i.detail}`)
                .join('\n')}`,
            },
          ],
          maxTokens: 400,
          temperature: 0.2,
          offline: () => offline,
        });
        if (result.fallback) return { text: offline, source: 'offline' };
        const text = result.text.trim();
        if (!text || unsupportedNumbers(text, groundNumbers(input)).length > 0)
          return { text: offline, source: 'offline' };
        return { text, source: result.provider };
      } catch {
        return { text: offline, source: 'offline' };
      }
    },
  };
}
