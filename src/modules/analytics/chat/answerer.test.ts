import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, type ChatAnalysis, type ChatTurn } from './answerer.ts';
import { chatAnalysis, PART_MATERIAL } from './fixture.ts';

/** Asks the questions in turn, each with the history of the ones before; returns every answer. */
function converse(analysis: ChatAnalysis, questions: string[]) {
  const history: ChatTurn[] = [];
  return questions.map((q) => {
    const a = answer(analysis, history, q);
    history.push({ role: 'user', content: q }, { role: 'assistant', content: a.text });
    return a;
  });
}

describe('superlative questions answered from the data', () => {
  it('"which machine loses the most time?" names the machine with its exact minutes, its share and the runner-up', () => {
    const a = answer(chatAnalysis(), [], 'Which machine loses the most time?');
    assert.equal(a.covered, true);
    assert.match(
      a.text,
      /^MILL-01-M3 has the most downtime: 4,210 min, 38\.5 % of all downtime \(10,935 min\)/,
    );
    assert.match(a.text, /runner-up is MILL-02-M2 with 1,980 min \(18\.1 %\)/);
    assert.deepEqual(a.sources.charts, ['equipment.downtimeByMachine']);
    assert.deepEqual(a.sources.metrics, ['equipment.downtimeMinutes']);
    assert.deepEqual(a.sources.insights, [4], 'the downtime finding on MILL-01-M3 is cited');
  });

  it('understands the same question in other words', () => {
    for (const q of [
      'Where do we lose the most time?',
      'which equipment has the most stoppages',
      'What asset has the biggest downtime?',
      'Which resource wastes the most time?',
    ]) {
      const a = answer(chatAnalysis(), [], q);
      assert.equal(a.covered, true, q);
      assert.match(a.text, /^MILL-01-M3 has the most downtime: 4,210 min/, q);
    }
  });

  it('"which supplier has the worst scrap?" uses the scrap-rate chart and cites the supplier finding', () => {
    const a = answer(chatAnalysis(), [], 'Which vendor has the worst scrap?');
    assert.match(a.text, /^Precision Castings, Inc\. ranks first in "Scrap rate by supplier": 7\.9 %/);
    assert.match(a.text, /runner-up is Acme Metals Corp\. with 1\.9 %/);
    assert.deepEqual(a.sources.insights, [3]);
  });

  it('"what costs us the most?" lists the top findings by impact with their formulas, in rank order', () => {
    const a = answer(chatAnalysis(), [], 'What costs us the most?');
    const items = a.text.split('\n').filter((l) => /^\d\. /.test(l));
    assert.equal(items.length, 3);
    assert.match(
      items[0] as string,
      /^1\. Shift Night: labour hours 41\.7 % over plan \(#1\): 1,060 h booked − 748 h planned = 312 h/,
    );
    assert.match(items[1] as string, /Part PN-3889.*61,480 actual − 46,930 planned = 14,550/);
    assert.deepEqual(a.sources.insights, [1, 2, 3]);
  });

  it('"what should I fix first?" gives rank 1 with its recommendation, even in the middle of a chat', () => {
    const [, a] = converse(chatAnalysis(), [
      'Which machine loses the most time?',
      'What should I fix first?',
    ]);
    assert.match(
      a?.text ?? '',
      /Start with #1, the biggest impact: Shift Night: labour hours 41\.7 % over plan/,
    );
    assert.match(a?.text ?? '', /What to do: Review the Night shift staffing/);
    assert.deepEqual(a?.sources.insights, [1, 2]);
  });

  it('asks "which machine is most likely to fail?" of the failure finding, not the downtime one', () => {
    const a = answer(chatAnalysis(), [], 'Which machine is most likely to fail?');
    assert.match(a.text, /Machine MILL-01-M3: 9 failures in 93 work orders/);
    assert.equal(a.sources.insights[0], 5);
  });

  it('says so when nothing ranks the asked entity type by the asked measure', () => {
    const a = answer(chatAnalysis(), [], 'Which customer has the most downtime?');
    assert.equal(a.covered, false);
    assert.match(a.text, /no downtime by customer/);
  });
});

describe('entity questions', () => {
  it('"tell me about MILL-01-M3" summarises every finding on it and its chart figure', () => {
    const a = answer(chatAnalysis(), [], 'Tell me about MILL-01-M3');
    assert.equal(a.covered, true);
    assert.match(a.text, /The analysis has 2 findings on machine MILL-01-M3/);
    assert.match(a.text, /4,210 min of downtime/);
    assert.match(a.text, /9 failures in 93 work orders/);
    assert.deepEqual(a.sources.insights, [4, 5]);
  });

  it('finds entities by part of their name, without separators, or next to their type', () => {
    assert.deepEqual(
      answer(chatAnalysis(), [], 'what about the vendor Precision Castings?').sources.insights,
      [3],
    );
    assert.deepEqual(answer(chatAnalysis(), [], 'how is mill 01 m3 doing').sources.insights, [4, 5]);
    assert.deepEqual(answer(chatAnalysis(), [], 'How is the night shift doing?').sources.insights, [1]);
    assert.deepEqual(answer(chatAnalysis(), [], 'Anna Rossi?').sources.insights, [8]);
  });

  it('narrows an entity to the measure asked about', () => {
    const a = answer(chatAnalysis(), [], 'what are the failures of MILL-01-M3?');
    assert.deepEqual(a.sources.insights, [5]);
  });

  it('an entity that is only in a chart is reported with its figure and no finding', () => {
    const a = answer(chatAnalysis(), [], 'Tell me about MILL-02-M2');
    assert.equal(a.covered, true);
    assert.match(a.text, /No finding flags machine MILL-02-M2 as significantly worse than the rest/);
    assert.match(a.text, /In "Downtime by machine" it has 1,980 min/);
  });

  it('an entity not in the analysis is not covered, and the answer says which ones are', () => {
    const a = answer(chatAnalysis(), [], 'Tell me about MILL-09-M1');
    assert.equal(a.covered, false);
    assert.match(a.text, /This analysis has nothing on MILL-09-M1/);
    assert.match(a.text, /The machines it does mention include MILL-01-M3, MILL-02-M2/);
    const b = answer(chatAnalysis(), [], 'What about supplier Globex?');
    assert.equal(b.covered, false);
    assert.match(b.text, /nothing on supplier Globex/);
    assert.match(b.text, /Precision Castings, Inc\./);
  });
});

describe('follow-ups use the previous answer', () => {
  it('"why?" explains the machine of the previous answer with its evidence', () => {
    const [, why] = converse(chatAnalysis(), ['Which machine loses the most time?', 'Why?']);
    assert.equal(why?.covered, true);
    assert.match(why?.text ?? '', /MILL-01-M3 averaged 45\.3 min of downtime per work order/);
    assert.match(
      why?.text ?? '',
      /statistically significant \(t = 9\.41, p-value under one in a thousand, 93 work orders compared\)/,
    );
    assert.equal(why?.sources.insights[0], 4);
  });

  it('"and the second one?" is the runner-up, even after a "why?" in between', () => {
    const answers = converse(chatAnalysis(), [
      'Which machine loses the most time?',
      'why?',
      'And the second one?',
    ]);
    assert.match(answers[2]?.text ?? '', /machine MILL-02-M2/);
    assert.match(answers[2]?.text ?? '', /1,980 min/);
  });

  it('"what should we do about it?" gives the recommendation of the finding just named', () => {
    const [, todo] = converse(chatAnalysis(), [
      'Which supplier has the worst scrap?',
      'What should we do about it?',
    ]);
    assert.match(todo?.text ?? '', /Hold incoming lots from Precision Castings, Inc\. for inspection/);
    assert.deepEqual(todo?.sources.insights, [3]);
  });

  it('ordinals count the items of a listed answer', () => {
    const a = converse(chatAnalysis(), [
      'What costs us the most?',
      'and the second one?',
      'and the third?',
      'how much does it cost?',
    ]);
    assert.deepEqual(a[1]?.sources.insights, [2]);
    assert.deepEqual(a[2]?.sources.insights, [3]);
    assert.match(
      a[3]?.text ?? '',
      /impact \(7\.9 % − 1\.6 %\) × 5,215 pieces = 329 pieces × 28 unit cost = 9,212/,
    );
  });

  it('says it has nothing to add on an entity without a finding instead of guessing', () => {
    const a = converse(chatAnalysis(), ['Which machine loses the most time?', 'and the second one?', 'why?']);
    assert.equal(a[2]?.covered, false);
    assert.match(a[2]?.text ?? '', /no finding on machine MILL-02-M2 .*so it has no explanation for it/);
  });

  it('"why?" with nothing before it is not covered', () => {
    const a = answer(chatAnalysis(), [], 'Why?');
    assert.equal(a.covered, false);
  });

  it('an elliptical question borrows what it leaves out from the previous question', () => {
    const [, a] = converse(chatAnalysis(), ['Which supplier has the worst scrap?', 'and which operator?']);
    assert.equal(a?.covered, false, 'no scrap figure by operator');
    assert.match(
      a?.text ?? '',
      /no scrap by operator to rank.*On operators it has: Operator Anna Rossi: defect rate 4\.2 %/s,
    );
    const [, b] = converse(chatAnalysis(), ['Which machine loses the most time?', 'what about scrap?']);
    assert.match(b?.text ?? '', /no scrap by machine/);
    const [, c] = converse(chatAnalysis(), ['Which operator has the most defects?', 'and which supplier?']);
    assert.match(c?.text ?? '', /Supplier Precision Castings, Inc\./);
  });
});

describe('what the analysis does not contain', () => {
  it('"what is the weather tomorrow?" is not covered and says what the analysis covers', () => {
    const a = answer(chatAnalysis(), [], 'What is the weather tomorrow?');
    assert.equal(a.covered, false);
    assert.match(a.text, /This analysis does not contain the weather/);
    assert.match(a.text, /ran the cost, equipment, quality and efficiency analyzers/);
    assert.match(a.text, /Its top findings: Shift Night: labour hours 41\.7 % over plan/);
    assert.match(a.text, /You could ask, for example: "Which machine loses the most time\?"/);
    assert.deepEqual(a.sources, { insights: [], metrics: [], charts: [] });
  });

  it('a topic with no field behind it is not covered, even about machines', () => {
    for (const q of [
      'How much energy do the machines use?',
      'What is our CO2 footprint?',
      'Who won the game yesterday?',
    ]) {
      assert.equal(answer(chatAnalysis(), [], q).covered, false, q);
    }
    assert.match(
      answer(chatAnalysis(), [], 'How much energy do the machines use?').text,
      /does not contain energy use/,
    );
  });

  it('a measure no finding or figure holds is not covered', () => {
    const a = answer(chatAnalysis(), [], 'Are we late on deliveries?');
    assert.equal(a.covered, false);
    assert.match(a.text, /no finding or figure on schedule adherence/);
  });

  it('a skipped analyzer is explained with the fields it lacked', () => {
    const base = chatAnalysis();
    const analysis = chatAnalysis({
      analyzersRun: ['equipment', 'quality', 'efficiency'],
      skipped: [{ analyzer: 'cost', lacked: ['materialCostPlanned', 'materialCostActual'] }],
      insights: base.insights
        .filter((x) => x.insight !== PART_MATERIAL)
        .map((x, k) => ({ rank: k + 1, insight: x.insight })),
      charts: base.charts.filter((c) => !c.id.startsWith('cost')),
    });
    const a = answer(analysis, [], 'What about costs?');
    assert.equal(a.covered, false);
    assert.match(
      a.text,
      /The cost analyzer was skipped on this import: it lacked Planned material cost \(materialCostPlanned\) and Actual material cost \(materialCostActual\)/,
    );
    const ranking = answer(analysis, [], 'What costs us the most?');
    assert.equal(ranking.covered, true, 'the impact ranking is still there');
    assert.match(ranking.text, /The cost analyzer was skipped/);
  });
});

describe('greetings, help and figures', () => {
  it('a greeting or "help" describes what can be asked, with examples from this analysis', () => {
    for (const q of ['Hello!', 'help', 'What can I ask?']) {
      const a = answer(chatAnalysis(), [], q);
      assert.equal(a.covered, true, q);
      assert.match(a.text, /1,200 work orders/);
      assert.match(
        a.text,
        /"Which machine loses the most time\?", "Tell me about shift Night", "What should I fix first\?"/,
      );
    }
    assert.match(answer(chatAnalysis(), [], 'thanks!').text, /^You are welcome/);
  });

  it('answers facility figures from the metrics', () => {
    const a = answer(chatAnalysis(), [], 'What is our scrap rate?');
    assert.match(a.text, /For the facility as a whole: scrap rate 2\.1 %/);
    assert.ok(a.sources.metrics.includes('quality.scrapRatePct'));
    assert.match(answer(chatAnalysis(), [], 'how many work orders were analysed?').text, /1,200 work orders/);
  });

  it('a summary is the narrative', () => {
    assert.match(answer(chatAnalysis(), [], 'Give me a summary').text, /^1,200 work orders analysed/);
  });

  it('works on an analysis without findings or charts', () => {
    const empty = chatAnalysis({ insights: [], charts: [], metrics: {}, narrative: null });
    assert.equal(answer(empty, [], 'Which machine loses the most time?').covered, false);
    assert.equal(answer(empty, [], 'What should I fix first?').covered, false);
    assert.equal(answer(empty, [], 'hi').covered, true);
    assert.equal(answer(empty, [], '').covered, true);
    const none = chatAnalysis({ analyzersRun: [], insights: [], charts: [] });
    assert.match(answer(none, [], 'What is the weather tomorrow?').text, /no analyzer could run on it/);
  });
});
