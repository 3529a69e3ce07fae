import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareQueries } from './guard.ts';

const refused = (a: string, b: string, reason: string) => {
  const verdict = compareQueries(a, b);
  assert.equal(verdict.ok, false, `${a} | ${b} should be refused`);
  assert.equal(verdict.reason, reason, `${a} | ${b}`);
  assert.equal(compareQueries(b, a).ok, false, `${b} | ${a} should be refused both ways`);
};
const allowed = (a: string, b: string) => {
  assert.deepEqual(compareQueries(a, b), { ok: true }, `${a} | ${b}`);
  assert.deepEqual(compareQueries(b, a), { ok: true }, `${b} | ${a}`);
};

test("the issue's example: start line 2 ≠ stop line 2 ≠ start line 3", () => {
  refused('start line 2', 'stop line 2', 'polarity:run');
  refused('start line 2', 'start line 3', 'numbers');
  refused('stop line 2', 'start line 3', 'polarity:run');
  allowed('start line 2', 'Please start line 2');
});

test('negations', () => {
  refused('Which orders were shipped on time?', 'Which orders were not shipped on time?', 'negation');
  refused("don't include weekends in the OEE", 'include weekends in the OEE', 'negation');
  refused('alarms without acknowledgement', 'alarms with acknowledgement', 'negation');
  refused('Why is the filler never reaching speed?', 'Why is the filler reaching speed?', 'negation');
  refused("the batch can't be released", 'the batch can be released', 'negation');
  allowed("Why isn't line 4 running?", 'why is line 4 not running');
});

test('antonym verbs and their synonyms', () => {
  refused('open valve V-12', 'close valve V-12', 'polarity:open');
  refused('why did scrap increase on line 1', 'why did scrap decrease on line 1', 'polarity:change');
  refused('enable the alarm on tank 3', 'disable the alarm on tank 3', 'polarity:enable');
  refused('turn the heater on', 'turn the heater off', 'polarity:switch');
  refused('how many lots were accepted', 'how many lots were rejected', 'polarity:accept');
  refused('which tests passed', 'which tests failed', 'polarity:pass');
  refused('downtime before the changeover', 'downtime after the changeover', 'polarity:time');
  refused('temperature above the limit', 'temperature below the limit', 'polarity:level');
  refused('maximum pressure of the boiler', 'minimum pressure of the boiler', 'polarity:extreme');
  refused('suppliers that delivered early', 'suppliers that delivered late', 'polarity:timing');
  allowed('why did the pump stop', 'why did the pump halt');
  allowed('why did the pump stop', 'what made the pump stop running');
});

test('numbers compared as values', () => {
  refused('scrap above 5 %', 'scrap above 50 %', 'numbers');
  refused('orders for 2024-03-05', 'orders for 2024-03-06', 'numbers');
  refused('the last 7 days', 'the last 30 days', 'numbers');
  refused('top 5 suppliers by delay', 'top 10 suppliers by delay', 'numbers');
  allowed('scrap above 5 %', 'scrap above 5%');
  allowed('scrap above 5 %', 'scrap above five percent');
  allowed('OEE of line two', 'OEE of line 2');
  allowed('orders above 1,000 units', 'orders above 1000 units');
  allowed('the 3rd shift', 'the third shift');
});

test('named entities: codes, quoted strings, names, dates', () => {
  refused('Why did pump P-101 stop?', 'Why did pump P-102 stop?', 'numbers');
  refused('status of PUMP-A', 'status of PUMP-B', 'entities');
  refused('deliveries from "Acme GmbH"', 'deliveries from "Bolt Ltd"', 'entities');
  refused('What did Hamburg produce last week?', 'What did Munich produce last week?', 'entities');
  refused('late deliveries in March', 'late deliveries in April', 'entities');
  refused('alarms today', 'alarms yesterday', 'entities');
  allowed('Why did pump P-101 stop?', 'why did the P101 pump halt');
  allowed('alarms on line2', 'alarms on line 2');
  allowed('What was the OEE of Line 2 yesterday?', "Can you tell me yesterday's OEE for line 2?");
});

test('sentence openers are not names', () => {
  allowed('Show the scrap rate. Which line is worst?', 'show the scrap rate, which line is worst');
});

test('one content word swapped in the same question is another question; a typo is not', () => {
  refused(
    'What is the scrap rate of line 4 last week?',
    'What is the scrap cost of line 4 last week?',
    'substitution',
  );
  refused(
    'How much downtime did line 2 have last week?',
    'How much runtime did line 2 have last week?',
    'substitution',
  );
  allowed(
    'How many inbound shipments arrive at the South warehouse?',
    'How many inbound shipmnets arrive at the South warehouse?',
  );
  allowed('Why did pump P-102 stop?', 'Why did pump P-102 halt?');
});
