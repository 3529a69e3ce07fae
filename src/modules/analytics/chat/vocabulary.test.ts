import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Concept, conceptsIn, normalise, splitCamel, stem, stems } from './vocabulary.ts';

const concepts = (text: string) => [...conceptsIn(stems(text)).concepts].sort();
const has = (text: string, ...wanted: Concept[]) => {
  const found = concepts(text);
  for (const c of wanted) assert.ok(found.includes(c), `"${text}" → ${found.join(', ')} lacks ${c}`);
};

describe('stem', () => {
  it('gives the forms a manager writes one stem', () => {
    for (const group of [
      ['delay', 'delays', 'delayed'],
      ['machine', 'machines'],
      ['failure', 'failures'],
      ['fail', 'fails', 'failed', 'failing'],
      ['scrap', 'scraps', 'scrapped'],
      ['loss', 'losses'],
      ['changeover', 'changeovers'],
      ['stoppage', 'stoppages'],
      ['lose', 'loses', 'losing'],
    ]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(', '));
    }
  });

  it('leaves short words and codes alone', () => {
    assert.equal(stem('oee'), 'oee');
    assert.equal(stem('m3s'), 'm3s');
    assert.equal(stem('pn3889s'), 'pn3889s');
  });
});

describe('concepts', () => {
  it('maps the manufacturing vocabulary onto shared concepts', () => {
    has('Which equipment has the most stoppages?', 'machine', 'downtime', 'superlative');
    has('which asset breaks down most', 'machine', 'failure');
    has('our worst vendor', 'supplier', 'superlative');
    has('rejects and waste', 'scrap');
    has('too many changeovers', 'setup');
    has('labor hours', 'labor');
    has('labour productivity', 'labor');
    has('are we over budget?', 'cost');
    has('orders delivered late', 'late');
    has('is scrap getting worse', 'scrap', 'trend');
    has('which employee has the most defects', 'operator', 'defect');
    has('what is the weather tomorrow', 'weather');
  });

  it('reads "lose … time" as downtime, and "waste time" not as scrap', () => {
    has('Which machine loses the most time?', 'downtime');
    const waste = concepts('where do we waste the most time');
    assert.ok(waste.includes('downtime'));
    assert.ok(!waste.includes('scrap'), waste.join(', '));
    assert.ok(concepts('how much scrap and waste').includes('scrap'));
  });

  it('marks which words the concepts used, so the rest can be matched as plain words', () => {
    const seq = stems('downtime of the porosity cell');
    const { used } = conceptsIn(seq);
    const rest = seq.filter((_, i) => !used.has(i));
    assert.ok(rest.includes(stem('porosity')));
    assert.ok(!rest.includes(stem('downtime')));
  });
});

describe('text', () => {
  it('normalises accents and possessives', () => {
    assert.equal(normalise("Müller's Stahl"), 'muller stahl');
    assert.equal(normalise('Sierra Agrícola'), 'sierra agricola');
  });

  it('splits camel-case names into words', () => {
    assert.equal(splitCamel('equipment.downtimeMinutes'), 'equipment downtime minutes');
    assert.equal(splitCamel('cost-drivers-workCenter'), 'cost drivers work center');
  });
});
