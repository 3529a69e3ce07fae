import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arcRisk, buildMatrices, crossesZone, euclidean, haversineKm, insideFraction } from './distances.ts';

const square = [
  { x: 0, y: 0 },
  { x: 2, y: 0 },
  { x: 2, y: 2 },
  { x: 0, y: 2 },
];

describe('distances and zones', () => {
  test('haversine: Paris to London is about 344 km; euclidean in double precision', () => {
    const d = haversineKm({ x: 2.3522, y: 48.8566 }, { x: -0.1276, y: 51.5072 });
    assert.ok(Math.abs(d - 343.9) < 1, String(d));
    assert.equal(euclidean({ x: 0, y: 0 }, { x: 1, y: 1 }), Math.SQRT2);
  });

  test('the part of a segment inside a polygon', () => {
    assert.equal(insideFraction({ x: -1, y: 1 }, { x: 3, y: 1 }, square), 0.5);
    assert.equal(insideFraction({ x: 1, y: 1 }, { x: 1, y: 5 }, square), 0.25);
    assert.equal(insideFraction({ x: -1, y: 3 }, { x: 3, y: 3 }, square), 0);
  });

  test('crossing a zone: through it yes, along its edge or touching a corner no', () => {
    assert.equal(crossesZone({ x: -1, y: 1 }, { x: 3, y: 1 }, square), true);
    assert.equal(crossesZone({ x: -1, y: 0 }, { x: 3, y: 0 }, square), false);
    assert.equal(crossesZone({ x: -1, y: 1 }, { x: 1, y: 3 }, square), false);
    assert.equal(crossesZone({ x: 1, y: 1 }, { x: 1, y: 1.5 }, square), true);
  });

  test('risk per arc: riskPerKm times the length inside', () => {
    const r = arcRisk({ x: -1, y: 1 }, { x: 3, y: 1 }, 4, [{ polygon: square, riskPerKm: 10 }]);
    assert.equal(r, 20);
  });

  test('matrices from coordinates (travel minutes by speed) or from a supplied matrix', () => {
    const e = buildMatrices('euclidean', [{ x: 0, y: 0 }, { x: 3, y: 4 }, null], { speedKmh: 30 });
    assert.deepEqual([e.dist[1], e.time[1], e.dist[2]], [5, 10, Number.POSITIVE_INFINITY]);
    const m = buildMatrices('matrix', [null, null], {
      nodes: [0, 1],
      distanceMatrix: [
        [0, 7],
        [8, 0],
      ],
      timeMatrix: [
        [0, 11],
        [12, 0],
      ],
    });
    assert.deepEqual([...m.dist, ...m.time], [0, 7, 8, 0, 0, 11, 12, 0]);
  });
});
