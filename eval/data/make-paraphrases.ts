// Writes eval/data/paraphrases.json, the labelled pair set of `npm run eval:cache` (issue 18):
// questions of plant operations, quality, supply and analytics, each intent written several ways
// by hand below, with slots (lines, pumps, SKUs, suppliers, months, numbers) filled from a seeded
// PRNG so the file is reproducible: node eval/data/make-paraphrases.ts
//
// Labels: `paraphrase` (same question: reworded, reordered, synonyms, typos, politeness) — a cache
// should answer it; `must-not-hit` (negated, another number, another entity, the antonym verb, or a
// sibling question that shares most words but asks something else) — a cache must not. The
// must-not-hit pairs mostly combine the change with a rewording (the hard case), and the
// paraphrases include forms the guard is known to refuse ("the worst" vs "the most",
// "last 24 hours" vs "yesterday"), so the set is not built to the guard's measure.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { prng } from '../../src/modules/pipelines/cache/kmeans.ts';
import { INTENTS, type Intent, SLOTS, type Slots } from './paraphrase-intents.ts';

export interface Pair {
  a: string;
  b: string;
  label: 'paraphrase' | 'must-not-hit';
  kind: string;
  intent: string;
}

const random = prng(18);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(slots[name as keyof Slots]));
}

function sampleSlots(): Slots {
  const slots = {} as Slots;
  for (const [name, values] of Object.entries(SLOTS)) {
    (slots as Record<string, string | number>)[name] = pick(values as readonly (string | number)[]);
  }
  if (slots.line2 === slots.line) slots.line2 = ((slots.line % 6) + 1) as Slots['line2'];
  return slots;
}

/** The same slots with one changed to another value of its kind. */
function changed(slots: Slots, name: keyof Slots): Slots {
  const values = SLOTS[name] as readonly (string | number)[];
  let value = pick(values);
  while (value === slots[name]) value = pick(values);
  return { ...slots, [name]: value };
}

/** A deterministic typo in the longest word: a dropped or doubled letter, or two letters swapped. */
function typo(text: string): string {
  const words = text.split(' ');
  let at = 0;
  for (let i = 0; i < words.length; i++)
    if ((words[i] as string).length > (words[at] as string).length) at = i;
  const w = words[at] as string;
  const k = 1 + Math.floor(random() * (w.length - 2));
  const kind = Math.floor(random() * 3);
  words[at] =
    kind === 0
      ? w.slice(0, k) + w.slice(k + 1)
      : kind === 1
        ? w.slice(0, k) + w[k] + w.slice(k)
        : w.slice(0, k - 1) + w[k] + w[k - 1] + w.slice(k + 1);
  return words.join(' ');
}

const POLITE = ['Hi, ', 'Please, ', 'Could you tell me: ', 'Quick question - ', 'Hello! '];
const POLITE_END = [' Thanks!', ' Thank you.', ' please', '', ' Cheers.'];
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

function pairsOf(intent: Intent, byId: Map<string, Intent>): Pair[] {
  const out: Pair[] = [];
  const push = (a: string, b: string, label: Pair['label'], kind: string) =>
    out.push({ a, b, label, kind, intent: intent.id });
  const phr = intent.phrasings;
  for (let round = 0; round < 2; round++) {
    const slots = sampleSlots();
    const i = round % phr.length;
    const j = (round + 1) % phr.length;
    const k = (round + 2) % phr.length;
    // Paraphrases.
    push(fill(phr[i] as string, slots), fill(phr[j] as string, slots), 'paraphrase', 'reworded');
    if (round === 0)
      push(fill(phr[j] as string, slots), fill(phr[k] as string, slots), 'paraphrase', 'reworded');
    if (round === 0)
      push(
        fill(phr[i] as string, slots),
        typo(fill(phr[round === 0 ? i : j] as string, slots)),
        'paraphrase',
        'typo',
      );
    if (round === 1)
      push(fill(phr[k] as string, slots), typo(fill(phr[i] as string, slots)), 'paraphrase', 'typo');
    push(
      fill(phr[k] as string, slots),
      pick(POLITE) + lowerFirst(fill(phr[i] as string, slots)) + pick(POLITE_END),
      'paraphrase',
      'politeness',
    );
    for (const [x, y] of intent.hardParaphrases ?? [])
      if (round === 0) push(fill(x, slots), fill(y, slots), 'paraphrase', 'hard');
    // Must not hit: the change, mostly on top of a rewording.
    const numeric = intent.numberSlot;
    if (numeric)
      push(
        fill(phr[i] as string, slots),
        fill(phr[round === 0 ? i : j] as string, changed(slots, numeric)),
        'must-not-hit',
        'number',
      );
    const entity = intent.entitySlot;
    if (entity)
      push(
        fill(phr[j] as string, slots),
        fill(phr[round === 0 ? j : i] as string, changed(slots, entity)),
        'must-not-hit',
        'entity',
      );
    const antonym = intent.antonym ? byId.get(intent.antonym) : undefined;
    if (antonym)
      push(
        fill(phr[i] as string, slots),
        fill(antonym.phrasings[round === 0 ? i : j] as string, slots),
        'must-not-hit',
        'antonym',
      );
    for (const [x, y] of intent.negations ?? [])
      if (round === 0) push(fill(x, slots), fill(y, slots), 'must-not-hit', 'negation');
    const sibling = intent.sibling ? byId.get(intent.sibling) : undefined;
    if (sibling) {
      // The same wording with the one word swapped, then the sibling reworded as well.
      push(
        fill(phr[i] as string, slots),
        fill(sibling.phrasings[round === 0 ? i : j] as string, slots),
        'must-not-hit',
        'near-duplicate',
      );
    }
  }
  return out;
}

function main() {
  const byId = new Map(INTENTS.map((intent) => [intent.id, intent]));
  const pairs = INTENTS.flatMap((intent) => pairsOf(intent, byId));
  // Unrelated questions of the same domain, for scale (easy; reported apart).
  for (let n = 0; n < 20; n++) {
    const x = pick(INTENTS);
    let y = pick(INTENTS);
    while (y.id === x.id || y.id === x.sibling || y.id === x.antonym) y = pick(INTENTS);
    const slots = sampleSlots();
    pairs.push({
      a: fill(pick(x.phrasings), slots),
      b: fill(pick(y.phrasings), slots),
      label: 'must-not-hit',
      kind: 'unrelated',
      intent: x.id,
    });
  }
  const file = path.join(import.meta.dirname, 'paraphrases.json');
  writeFileSync(file, `${JSON.stringify(pairs, null, 1)}\n`);
  const count = (label: string) => pairs.filter((p) => p.label === label).length;
  console.log(
    `${pairs.length} pairs (${count('paraphrase')} paraphrases, ${count('must-not-hit')} must-not-hit) → ${file}`,
  );
}

main();
