// The chat over what the real analyzers write: a generated export with planted patterns goes
// through the quality analyzer and the cross-analyzer pass, ranked as the orchestrator ranks, and
// the answers must name the planted entities with numbers that are all in the results.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configValues } from '../analysis/config.ts';
import { analyzeAcross } from '../analysis/cross.ts';
import { analyzeQuality } from '../analysis/quality.ts';
import { rankInsights } from '../analysis/rank.ts';
import { demoFrame } from '../analysis/testing.ts';
import type { Erp } from '../demo/dialect.ts';
import { answer, type ChatAnalysis, type ChatTurn, groundingContext } from './answerer.ts';
import { numbersOf, numbersOfAnalysis } from './fixture.ts';

async function analysed(erp: Erp, seed: number) {
  const { frame, truth } = await demoFrame({ erp, seed, rows: 2000 });
  const ctx = { frame, config: configValues({}), baselines: {} };
  const quality = analyzeQuality(ctx);
  const across = analyzeAcross(ctx, [quality]);
  const insights = rankInsights([...quality.insights, ...across.insights]);
  const analysis: ChatAnalysis = {
    name: `workorders-${erp}.csv`,
    workOrders: frame.n,
    dataTier: 3,
    analyzersRun: ['quality'],
    skipped: [],
    insights: insights.map((insight, k) => ({ rank: k + 1, insight })),
    metrics: { ...quality.metrics, ...across.metrics },
    charts: [...quality.charts, ...across.charts],
    narrative: null,
  };
  const planted = (kind: string) => truth.patterns.find((p) => p.kind === kind)?.entity?.value;
  return { analysis, planted };
}

describe('the chat over the real analyzers', () => {
  for (const [erp, seed] of [
    ['generic', 1],
    ['sap', 2],
  ] as const) {
    it(`${erp} seed ${seed}: names the planted supplier and operator, every number from the results`, async () => {
      const { analysis, planted } = await analysed(erp, seed);
      const supplier = planted('quality.scrap-rate') as string;
      const worst = answer(analysis, [], 'Which supplier has the worst scrap?');
      assert.equal(worst.covered, true);
      assert.ok(worst.text.startsWith(supplier), worst.text);
      assert.ok(worst.sources.insights.length > 0, 'cites the supplier finding');

      const operator = planted('quality.defect-rate');
      if (operator) {
        const defects = answer(analysis, [], 'Which operator has the most defects?');
        assert.ok(defects.text.includes(operator), defects.text);
      }

      const history: ChatTurn[] = [];
      const allowed = numbersOfAnalysis(analysis);
      for (const q of [
        'Which supplier has the worst scrap?',
        'why?',
        'what should we do about it?',
        `Tell me about ${supplier}`,
        'What should I fix first?',
        'What is our scrap rate?',
        'Is scrap getting worse?',
        'What is the weather tomorrow?',
      ]) {
        const a = answer(analysis, history, q);
        history.push({ role: 'user', content: q }, { role: 'assistant', content: a.text });
        for (const n of numbersOf(q)) allowed.add(n);
        const invented = numbersOf(a.text).filter((n) => n.replace('.', '').length >= 2 && !allowed.has(n));
        assert.deepEqual(invented, [], `"${q}":\n${a.text}`);
      }
      assert.equal(answer(analysis, [], 'What is the weather tomorrow?').covered, false);
      const machine = answer(analysis, [], 'Which machine loses the most time?');
      assert.equal(machine.covered, false, 'no downtime without the equipment analyzer');

      const context = groundingContext(analysis, 'Which supplier has the worst scrap?');
      assert.ok(context.length <= 6000);
      assert.ok(context.includes(`on supplier ${supplier}`), context);
    });
  }
});
