import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chart, EntityType } from '../analysis/types.ts';
import type { ChatAnalysis } from './answerer.ts';
import { chartEntityType, entityIndex, findEntities, unknownNames } from './entities.ts';
import { insight, MACHINE_DOWNTIME } from './fixture.ts';

const on = (type: EntityType, id: string) =>
  insight({ ...MACHINE_DOWNTIME, title: `${type} ${id}`, entity: { type, id } });

function analysisOf(entities: [EntityType, string][], charts: Chart[] = []): ChatAnalysis {
  return {
    name: 'test',
    workOrders: 10,
    dataTier: 3,
    analyzersRun: [],
    skipped: [],
    insights: entities.map(([type, id], k) => ({ rank: k + 1, insight: on(type, id) })),
    metrics: {},
    charts,
    narrative: null,
  };
}

const index = entityIndex(
  analysisOf([
    ['machine', 'MILL-01-M3'],
    ['workCenter', 'MILL-01'],
    ['supplier', 'Outokumpu Oyj'],
    ['supplier', 'Precision Castings, Inc.'],
    ['operator', 'Anna Rossi'],
    ['operator', 'Sven Rossi'],
    ['shift', 'A'],
    ['shift', 'Night'],
    ['machine', '10000501'],
    ['supplier', 'Müller Stahlhandel GmbH'],
  ]),
);
const ids = (text: string) => findEntities(text, index).map((m) => m.entity.id);

describe('findEntities', () => {
  it('finds names however they are written', () => {
    assert.deepEqual(ids('Tell me about MILL-01-M3'), ['MILL-01-M3']);
    assert.deepEqual(ids('how is mill 01 m3?'), ['MILL-01-M3']);
    assert.deepEqual(ids('and MILL01M3'), ['MILL-01-M3']);
    assert.deepEqual(ids('machine 10000501 please'), ['10000501']);
    assert.deepEqual(ids('what about muller stahlhandel'), ['Müller Stahlhandel GmbH']);
  });

  it('takes the longest name where two overlap (the machine, not its work center)', () => {
    assert.deepEqual(ids('MILL-01-M3 downtime'), ['MILL-01-M3']);
    assert.deepEqual(ids('work center MILL-01'), ['MILL-01']);
  });

  it('finds a name by a word only it has, but not by a word two share', () => {
    assert.deepEqual(ids('what about Outokumpu?'), ['Outokumpu Oyj']);
    assert.deepEqual(ids('and Precision Castings'), ['Precision Castings, Inc.']);
    assert.deepEqual(ids('how is Rossi doing'), []);
    assert.deepEqual(ids('how is Anna doing'), ['Anna Rossi']);
  });

  it('finds a one-letter name only next to its type word', () => {
    assert.deepEqual(ids('is a machine down?'), []);
    assert.deepEqual(ids('tell me about shift A'), ['A']);
    assert.deepEqual(ids('the A shift'), ['A']);
    assert.deepEqual(ids('the night shift'), ['Night']);
  });

  it('returns names in the order they are mentioned', () => {
    assert.deepEqual(ids('compare Night with MILL-01-M3 and Outokumpu'), [
      'Night',
      'MILL-01-M3',
      'Outokumpu Oyj',
    ]);
  });
});

describe('unknownNames', () => {
  const unknown = (q: string) => unknownNames(q, findEntities(q, index), index);

  it('flags codes, names after a type word or "about", and quoted names the analysis lacks', () => {
    assert.deepEqual(unknown('Tell me about MILL-09-M1'), [{ name: 'MILL-09-M1', type: null }]);
    assert.deepEqual(unknown('what about supplier Globex?'), [{ name: 'Globex', type: 'supplier' }]);
    assert.deepEqual(unknown('what about Initech'), [{ name: 'Initech', type: null }]);
    assert.deepEqual(unknown('how is "Line 7" doing'), [{ name: 'Line 7', type: null }]);
  });

  it('does not flag known names, ordinals, quantities or vocabulary', () => {
    assert.deepEqual(unknown('Tell me about MILL-01-M3'), []);
    assert.deepEqual(unknown('what about shift A?'), []);
    assert.deepEqual(unknown('and the 3rd one?'), []);
    assert.deepEqual(unknown('downtime over 24h or 10% of 2024'), []);
    assert.deepEqual(unknown('tell me about OEE'), []);
    assert.deepEqual(unknown('what is our CO2 footprint'), []);
  });
});

describe('chartEntityType', () => {
  const chart = (title: string, id = 'x', labels = ['a']) => ({
    id,
    title,
    points: labels.map((label) => ({ label })),
  });

  it('reads the type after "by" or "per", or the only type a title names', () => {
    assert.equal(chartEntityType(chart('Downtime by machine')), 'machine');
    assert.equal(
      chartEntityType(chart('Scrap rate per material lot (latest 20; center 3.46 %)')),
      'materialLot',
    );
    assert.equal(chartEntityType(chart('Load by work center (% of 24 h availability)')), 'workCenter');
    assert.equal(chartEntityType(chart('Top 5 supplier cost drivers: total cost over plan')), 'supplier');
    assert.equal(chartEntityType(chart('Pareto', 'cost.driversByPart')), 'part');
  });

  it('has none for charts over time or without a type', () => {
    assert.equal(chartEntityType(chart('Downtime per work order per week', 'x', ['2024-01-01'])), null);
    assert.equal(chartEntityType(chart('Defects by type')), null);
  });

  it('types the labels of a chart as entities, merged with the findings on them', () => {
    const withChart = entityIndex(
      analysisOf(
        [['machine', 'MILL-01-M3']],
        [
          {
            id: 'd',
            kind: 'bar',
            title: 'Downtime by machine',
            unit: 'min',
            points: [
              { label: 'MILL-01-M3', value: 5 },
              { label: 'MILL-02-M2', value: 3 },
            ],
          },
        ],
      ),
    );
    const byId = new Map(withChart.entities.map((e) => [e.id, e]));
    assert.deepEqual(byId.get('MILL-01-M3')?.ranks, [1]);
    assert.deepEqual(byId.get('MILL-01-M3')?.points, [{ chart: 'd', value: 5 }]);
    assert.equal(byId.get('MILL-02-M2')?.type, 'machine');
  });
});
