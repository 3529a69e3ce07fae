import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryMapTask } from './query-map.task.ts';
import { buildQueryMap, flowsOf, type MappedQuery, type QueryCluster } from './query-map.ts';

const ws = { a: '00000000-0000-4000-8000-00000000000a', b: '00000000-0000-4000-8000-00000000000b' };

function query(
  i: number,
  text: string,
  sector: string,
  workspace: 'a' | 'b',
  requests: number,
  hits: number,
) {
  return {
    entryId: `e${i}`,
    text,
    pipelineId: `p-${sector}`,
    workspaceId: ws[workspace],
    workspaceName: `Workspace ${workspace.toUpperCase()}`,
    sector,
    requests,
    hits,
  } satisfies MappedQuery;
}

// Two topics asked by two sectors: refunds (ecommerce and finance) and contract clauses (legal only).
const QUERIES: MappedQuery[] = [
  ...[
    'refund for my order',
    'how do I get a refund on an order',
    'order refund status',
    'refund my damaged order',
  ].map((t, i) => query(i, t, 'ecommerce', 'a', 10, 8)),
  ...['refund to my card after an order', 'card refund order'].map((t, i) =>
    query(10 + i, t, 'finance', 'b', 4, 2),
  ),
  ...[
    'summarise the indemnity clause of this contract',
    'explain this contract clause',
    'contract termination clause meaning',
    'is this non-compete clause in the contract enforceable',
  ].map((t, i) => query(20 + i, t, 'legal', 'b', 5, 1)),
];

describe('the query map', () => {
  test('clusters the topics apart, names them by their terms and counts requests and hits', () => {
    const map = queryMapTask({ queries: QUERIES });
    assert.equal(map.clusters.length, 2);
    const refunds = map.clusters.find((c) => c.terms.includes('refund')) as QueryCluster;
    const contracts = map.clusters.find((c) => c.terms.includes('contract')) as QueryCluster;
    assert.ok(refunds && contracts, JSON.stringify(map.clusters.map((c) => c.label)));
    assert.equal(refunds.queries, 6);
    assert.equal(refunds.requests, 48);
    assert.equal(refunds.hits, 36);
    assert.equal(refunds.hitRate, 75);
    assert.equal(refunds.id, 0, 'the busiest cluster first');
    assert.deepEqual(
      refunds.sectors.map((s) => [s.key, s.requests]),
      [
        ['ecommerce', 40],
        ['finance', 8],
      ],
    );
    assert.equal(refunds.examples.length, 3);
    assert.equal(contracts.hitRate, 20);
    assert.equal(map.points.length, QUERIES.length);
    for (const p of map.points) {
      assert.ok(Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1);
      assert.equal(p.cluster, p.text.includes('refund') ? refunds.id : contracts.id);
    }
  });

  test('flows: sectors and workspaces that ask in the same clusters, with the traffic they share', () => {
    const map = queryMapTask({ queries: QUERIES });
    assert.deepEqual(
      map.flows.filter((f) => f.kind === 'sector'),
      [
        {
          kind: 'sector',
          from: 'ecommerce',
          to: 'finance',
          fromName: 'ecommerce',
          toName: 'finance',
          sharedClusters: 1,
          requests: 8,
        },
      ],
    );
    const workspaces = map.flows.filter((f) => f.kind === 'workspace');
    assert.equal(workspaces.length, 1);
    assert.equal(workspaces[0]?.requests, 8);
  });

  test('deterministic, and empty without queries', () => {
    assert.deepEqual(queryMapTask({ queries: QUERIES }), queryMapTask({ queries: QUERIES }));
    assert.deepEqual(buildQueryMap([], []), { clusters: [], points: [], flows: [] });
  });

  test('flowsOf sums the smaller side over every shared cluster', () => {
    const cluster = (id: number, sectors: [string, number][]) =>
      ({
        id,
        sectors: sectors.map(([key, requests]) => ({ key, name: key, requests })),
        workspaces: [],
      }) as unknown as QueryCluster;
    const flows = flowsOf(
      [
        cluster(0, [
          ['b', 5],
          ['a', 10],
          ['c', 1],
        ]),
        cluster(1, [
          ['a', 2],
          ['b', 7],
        ]),
      ],
      'sector',
    );
    assert.deepEqual(
      flows.map((f) => [f.from, f.to, f.sharedClusters, f.requests]),
      [
        ['a', 'b', 2, 7],
        ['a', 'c', 1, 1],
        ['b', 'c', 1, 1],
      ],
    );
  });
});
