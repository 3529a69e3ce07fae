// The chat's guarantees beyond single answers: every number it states is in the analysis (or a
// share of two of its numbers), the LLM's grounded context is bounded and holds what the question
// needs, and both stay fast and deterministic on an analysis of 500 findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fmt as frameFmt } from '../analysis/frame.ts';
import type { Insight } from '../analysis/types.ts';
import { answer, type ChatAnalysis, type ChatTurn, groundingContext } from './answerer.ts';
import { chatAnalysis, insight, numbersOf, numbersOfAnalysis } from './fixture.ts';
import { fmt } from './phrasing.ts';

const QUESTIONS = [
  ['Which machine loses the most time?', 'why?', 'and the second one?', 'what should we do about it?'],
  ['Which supplier has the worst scrap?', 'how much does it cost us?', 'and which operator?'],
  ['What costs us the most?', 'and the second one?', 'and the third?', 'why?'],
  ['What should I fix first?', 'tell me more'],
  ['Tell me about MILL-01-M3', 'Tell me about MILL-09-M1', 'What about supplier Globex?'],
  ['What is the weather tomorrow?', 'hello', 'help', 'thanks'],
  ['What is our scrap rate?', 'is scrap getting worse?', 'how much downtime in total?', 'what is the MTBF?'],
  [
    'Which part is the most expensive?',
    'which shift is the slowest?',
    'what about labour?',
    'Give me a summary',
  ],
];

function converse(analysis: ChatAnalysis, questions: readonly string[]) {
  const history: ChatTurn[] = [];
  return questions.map((q) => {
    const a = answer(analysis, history, q);
    history.push({ role: 'user', content: q }, { role: 'assistant', content: a.text });
    return { q, a };
  });
}

describe('numbers', () => {
  it('formats numbers exactly as the analyzers do (frame.ts fmt)', () => {
    for (const x of [0, 1, -1, 0.5, 2.35, 4210, 10_935, 12_345.678, 0.00042, 1e7, -3.14158, 99.95])
      for (const d of [0, 1, 2, 3, 4]) assert.equal(fmt(x, d), frameFmt(x, d), `${x} at ${d}`);
  });

  it('every number of every answer occurs in the analysis', () => {
    const analysis = chatAnalysis();
    for (const chat of QUESTIONS) {
      // What the user typed may be repeated ("MILL-09-M1").
      const allowed = new Set([...numbersOfAnalysis(analysis), ...chat.flatMap(numbersOf)]);
      for (const { q, a } of converse(analysis, chat)) {
        const invented = numbersOf(a.text).filter((n) => n.replace('.', '').length >= 2 && !allowed.has(n));
        assert.deepEqual(invented, [], `"${q}" stated ${invented.join(', ')}:\n${a.text}`);
      }
    }
  });

  it('answers have a few sentences, lists of at most five items, and no tables', () => {
    const analysis = chatAnalysis();
    for (const chat of QUESTIONS) {
      for (const { q, a } of converse(analysis, chat)) {
        assert.ok(!/\|/.test(a.text), q);
        assert.ok(a.text.split('\n').filter((l) => /^\d+\. /.test(l)).length <= 5, q);
        assert.ok(a.text.length < 2000, `${q}: ${a.text.length} characters`);
      }
    }
  });

  it('is deterministic', () => {
    for (const chat of QUESTIONS) {
      const once = converse(chatAnalysis(), chat).map((x) => x.a);
      const twice = converse(chatAnalysis(), chat).map((x) => x.a);
      assert.deepEqual(once, twice);
    }
  });
});

describe('groundingContext', () => {
  it('holds the relevant finding with its evidence, impact and rows, then the top findings', () => {
    const context = groundingContext(chatAnalysis(), 'Which supplier has the worst scrap?');
    assert.match(context, /^Analysis "workorders-generic\.csv": 1,200 work orders, data tier 4 of 4/);
    const relevant = context.indexOf('#3 [high] quality.scrap-rate on supplier Precision Castings, Inc.');
    assert.ok(relevant > 0 && relevant < context.indexOf('Top findings by impact'), context);
    assert.match(
      context,
      /z = 21\.7, p = < 0\.0001, n = 61\. Rows behind it: 61 work orders\. Recommendation: Hold incoming lots/,
    );
    assert.match(
      context,
      /Chart "Scrap rate by supplier" \(%\): Precision Castings, Inc\. 7\.9 %; Acme Metals Corp\. 1\.9 %/,
    );
    assert.match(
      context,
      /#1 \[critical\] Shift Night: labour hours 41\.7 % over plan\. Impact: 1,060 h booked − 748 h planned = 312 h\./,
    );
  });

  it('gives chart points with their share of the facility total', () => {
    const context = groundingContext(chatAnalysis(), 'Which machine loses the most time?');
    assert.match(
      context,
      /Chart "Downtime by machine" \(min\); total 10,935 min \(equipment\.downtimeMinutes\): MILL-01-M3 4,210 min \(38\.5 % of the total\); MILL-02-M2 1,980 min \(18\.1 % of the total\)/,
    );
    assert.match(context, /#4 \[high\] equipment\.downtime on machine MILL-01-M3/);
  });

  it('names skipped analyzers and the fields they lacked', () => {
    const context = groundingContext(
      chatAnalysis({ skipped: [{ analyzer: 'cost', lacked: ['materialCostActual'] }] }),
      'what about costs?',
    );
    assert.match(context, /Skipped: cost \(lacked Actual material cost \(materialCostActual\)\)/);
  });

  it('is bounded, and keeps the most relevant finding first when space is short', () => {
    const analysis = bigAnalysis(500);
    for (const max of [400, 1500, 6000, 20_000]) {
      const context = groundingContext(analysis, 'Tell me about machine M-011', max);
      assert.ok(context.length <= max, `${context.length} > ${max}`);
      assert.ok(!context.endsWith(':'), 'no heading without its lines');
      if (max >= 1500)
        assert.match(
          context,
          /Findings relevant to the question:\n#12 \[high\] equipment\.downtime on machine M-011: Machine M-011: /,
        );
      if (max >= 6000)
        assert.match(context, /Chart "Downtime by machine \(line 0\)" \(min\)[^\n]*M-011 3,933 min/);
    }
    assert.ok(groundingContext(analysis, 'anything').length <= 6000, 'the default bound');
  });
});

/** An analysis of n findings over many machines, suppliers and parts, with charts and metrics. */
export function bigAnalysis(n: number): ChatAnalysis {
  const base = chatAnalysis();
  const kinds = base.insights.map((x) => x.insight);
  const insights: Insight[] = [];
  for (let k = 0; k < n; k++) {
    const template = kinds[k % kinds.length] as Insight;
    const type = template.entity?.type ?? 'machine';
    const id = `${type === 'machine' ? 'M' : type.slice(0, 3).toUpperCase()}-${String(k).padStart(3, '0')}`;
    insights.push(
      insight({
        ...template,
        title: `${type === 'machine' ? 'Machine' : 'Entity'} ${id}: ${template.title.replace(/^[^:]*: /, '')}`,
        detail: `${id}: ${template.detail}`,
        entity: { type: type === 'condition' || type === 'metric' ? 'machine' : type, id },
        impact: { ...template.impact, score: 100_000 - k * 100 },
      }),
    );
  }
  return chatAnalysis({
    insights: insights.map((i, k) => ({ rank: k + 1, insight: i })),
    charts: Array.from({ length: 10 }, (_, c) => ({
      id: `equipment.downtimeByMachine${c}`,
      kind: 'bar' as const,
      title: `Downtime by machine (line ${c})`,
      unit: 'min',
      points: Array.from({ length: 20 }, (_, p) => ({
        label: `M-${String(c * 20 + p).padStart(3, '0')}`,
        value: 5000 - p * 97,
      })),
    })),
  });
}

describe('a large analysis', () => {
  // How fast is measured by `npm run bench:analyze` (time to the first token), not here: a timing
  // threshold in a unit test fails at random on a loaded machine.
  it('answers every kind of question and builds its context on an analysis of 500 findings', () => {
    const history: ChatTurn[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Machine M-003 and M-011.' },
    ];
    for (const q of [
      'Which machine loses the most time?',
      'Tell me about M-017',
      'What is the weather tomorrow?',
      'why is scrap so high?',
      'What costs us the most?',
    ]) {
      const analysis = bigAnalysis(500);
      const a = answer(analysis, history, q);
      assert.ok(a.text.length > 0, q);
      assert.ok(groundingContext(analysis, q).length > 0, q);
    }
  });
});
