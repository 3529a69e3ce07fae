import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import {
  edgeDistance,
  equivalentRadius,
  type Point,
  pointInPolygon,
  polygonArea,
  polygonProblems,
  segmentsIntersect,
  shareInside,
} from './geometry.ts';
import type { DefectGeometry } from './types.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** A round defect of diameter d centred at (cx, cy). */
const disc = (cx: number, cy: number, d: number): DefectGeometry => ({
  cx,
  cy,
  bbox: { x: cx - d / 2, y: cy - d / 2, w: d, h: d },
  areaPx: (Math.PI * d * d) / 4,
});

describe('polygonProblems', () => {
  it('accepts a square, a triangle and a concave polygon', () => {
    assert.deepEqual(polygonProblems(square(0.2, 0.2, 0.6, 0.6)), []);
    assert.deepEqual(polygonProblems(square(0, 0, 1, 1)), []);
    assert.deepEqual(
      polygonProblems([
        [0.1, 0.1],
        [0.9, 0.1],
        [0.5, 0.8],
      ]),
      [],
    );
    const concave: Point[] = [
      [0.1, 0.1],
      [0.9, 0.1],
      [0.9, 0.9],
      [0.5, 0.4],
      [0.1, 0.9],
    ];
    assert.deepEqual(polygonProblems(concave), []);
  });

  it('needs three points', () => {
    assert.match(
      polygonProblems([
        [0, 0],
        [1, 1],
      ] as Point[])[0] as string,
      /at least 3 points, got 2/,
    );
    assert.equal(polygonProblems([]).length, 1);
  });

  it('refuses coordinates that are not finite or outside 0–1', () => {
    const problems = polygonProblems([
      [0.1, 0.1],
      [Number.NaN, 0.2],
      [1.2, 0.5],
      [0.1, Number.POSITIVE_INFINITY],
    ]);
    assert.equal(problems.length, 3);
    assert.match(problems[0] as string, /point 2 .*not a finite number/);
    assert.match(problems[1] as string, /point 3 .*outside the image/);
    assert.match(problems[2] as string, /point 4 .*not a finite number/);
    assert.equal(polygonProblems([[0.1, 0.1], [0.5], [0.3, 0.3]] as unknown as Point[]).length, 1);
  });

  it('refuses a self-intersecting polygon (a bow tie)', () => {
    const bowTie: Point[] = [
      [0.1, 0.1],
      [0.9, 0.9],
      [0.9, 0.1],
      [0.1, 0.9],
    ];
    assert.deepEqual(polygonProblems(bowTie), ['edges 1 and 3 cross or touch']);
  });

  it('refuses a corner touching a non-adjacent edge', () => {
    const touching: Point[] = [
      [0.1, 0.1],
      [0.9, 0.1],
      [0.9, 0.9],
      [0.5, 0.1],
      [0.1, 0.9],
    ];
    const problems = polygonProblems(touching);
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => /cross or touch|fold/.test(p)));
  });

  it('refuses repeated points, edges that fold back and no area', () => {
    assert.deepEqual(
      polygonProblems([
        [0.1, 0.1],
        [0.1, 0.1],
        [0.5, 0.5],
        [0.1, 0.5],
      ]),
      ['point 2 repeats point 1'],
    );
    const line: Point[] = [
      [0.1, 0.1],
      [0.5, 0.5],
      [0.9, 0.9],
    ];
    assert.ok(polygonProblems(line).length > 0);
    const spike: Point[] = [
      [0.1, 0.1],
      [0.6, 0.1],
      [0.4, 0.1],
      [0.4, 0.5],
    ];
    assert.ok(polygonProblems(spike).some((p) => /fold back/.test(p)));
  });
});

describe('pointInPolygon', () => {
  const box = square(10, 10, 20, 20);
  it('tells inside from outside', () => {
    assert.equal(pointInPolygon(15, 15, box), true);
    assert.equal(pointInPolygon(25, 15, box), false);
    assert.equal(pointInPolygon(15, 9.99, box), false);
  });
  it('counts points on edges and corners as inside', () => {
    assert.equal(pointInPolygon(10, 15, box), true);
    assert.equal(pointInPolygon(20, 20, box), true);
    assert.equal(pointInPolygon(15, 10, box), true);
    // 0.3 × 768 is 230.39999999999998 in floating point: still on the edge.
    const scaled = square(0.3, 0.3, 0.7, 0.7).map(([x, y]) => [x * 768, y * 576] as Point);
    assert.equal(pointInPolygon(230.4, 300, scaled), true);
  });
  it('handles a concave polygon', () => {
    const concave: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 4],
      [0, 10],
    ];
    assert.equal(pointInPolygon(5, 8, concave), false);
    assert.equal(pointInPolygon(5, 2, concave), true);
    assert.equal(pointInPolygon(1, 8, concave), true);
  });
});

describe('the on-the-line tolerance', () => {
  // The rule as first written (cross product, then the box), as an oracle for the faster order.
  const eps = (...v: number[]) => 1e-9 * Math.max(1, ...v.map(Math.abs));
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const onSegment = (p: Point, a: Point, b: Point) => {
    const e = eps(...p, ...a, ...b);
    if (Math.abs(cross(a, b, p)) > e * Math.max(1, Math.hypot(b[0] - a[0], b[1] - a[1]))) return false;
    return (
      p[0] >= Math.min(a[0], b[0]) - e &&
      p[0] <= Math.max(a[0], b[0]) + e &&
      p[1] >= Math.min(a[1], b[1]) - e &&
      p[1] <= Math.max(a[1], b[1]) + e
    );
  };
  const inside = (x: number, y: number, polygon: Point[]) => {
    let odd = false;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const a = polygon[i] as Point;
      const b = polygon[j] as Point;
      if (onSegment([x, y], a, b)) return true;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) odd = !odd;
    }
    return odd;
  };
  const coordinate = fc.oneof(
    fc.integer({ min: 0, max: 2048 }),
    fc.double({ min: 0, max: 2048, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
  const point = fc.tuple(coordinate, coordinate) as fc.Arbitrary<Point>;
  // Points on an edge (as floating point puts them), just off it, on its corners, and anywhere.
  const probe = (polygon: Point[]) =>
    fc.oneof(
      point,
      fc
        .tuple(
          fc.nat(polygon.length - 1),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom(0, 1e-12, -1e-12, 1e-6),
        )
        .map(([i, t, off]) => {
          const a = polygon[i] as Point;
          const b = polygon[(i + 1) % polygon.length] as Point;
          return [a[0] + t * (b[0] - a[0]) + off, a[1] + t * (b[1] - a[1]) - off] as Point;
        }),
    );

  it('pointInPolygon agrees with the rule as first written', () => {
    fc.assert(
      fc.property(
        fc
          .array(point, { minLength: 3, maxLength: 8 })
          .chain((polygon) =>
            fc.tuple(fc.constant(polygon), fc.array(probe(polygon), { minLength: 1, maxLength: 20 })),
          ),
        ([polygon, probes]) => {
          for (const [x, y] of probes) assert.equal(pointInPolygon(x, y, polygon), inside(x, y, polygon));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shareInside agrees with sampling every point, near the polygon or far from it', () => {
    const share = (d: DefectGeometry, polygon: Point[]) => {
      let shape = 0;
      let hits = 0;
      for (let j = 0; j < 16; j++)
        for (let i = 0; i < 16; i++) {
          const u = (i + 0.5) / 16;
          const v = (j + 0.5) / 16;
          if ((2 * u - 1) ** 2 + (2 * v - 1) ** 2 > 1) continue;
          shape++;
          if (inside(d.bbox.x + u * d.bbox.w, d.bbox.y + v * d.bbox.h, polygon)) hits++;
        }
      return shape === 0 ? Number(inside(d.cx, d.cy, polygon)) : hits / shape;
    };
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 3, maxLength: 6 }),
        point,
        fc.double({ min: 0.001, max: 400, noNaN: true }),
        (polygon, [cx, cy], d) => {
          assert.equal(shareInside(disc(cx, cy, d), polygon), share(disc(cx, cy, d), polygon));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('segmentsIntersect agrees with it on touching and collinear segments', () => {
    fc.assert(
      fc.property(point, point, fc.double({ min: -0.5, max: 1.5, noNaN: true }), point, (a, b, t, d) => {
        // c on the line through a and b (or near it): the tolerance decides.
        const c: Point = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        const expected = onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
        if (expected) assert.equal(segmentsIntersect(a, b, c, d), true);
        assert.equal(segmentsIntersect(a, b, c, a), true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('polygonArea', () => {
  it('is the shoelace area, whatever the direction', () => {
    assert.equal(polygonArea(square(0, 0, 1, 1)), 1);
    assert.ok(Math.abs(polygonArea(square(0.3, 0.3, 0.7, 0.7)) - 0.16) < 1e-12);
    assert.equal(polygonArea([...square(0, 0, 2, 3)].reverse()), 6);
    assert.equal(
      polygonArea([
        [0, 0],
        [4, 0],
        [0, 3],
      ]),
      6,
    );
  });
});

describe('shareInside', () => {
  const box = square(100, 100, 200, 200);
  it('is 1 inside, 0 outside and a half across a line through the centre', () => {
    assert.equal(shareInside(disc(150, 150, 10), box), 1);
    assert.equal(shareInside(disc(300, 150, 10), box), 0);
    assert.equal(shareInside(disc(200, 150, 10), box), 0.5);
  });
  it('uses the inscribed ellipse: a corner of the box counts less than a quarter', () => {
    const share = shareInside(disc(100, 100, 20), box);
    assert.equal(share, 0.25);
    // The ellipse misses the bbox corner: a defect whose box barely reaches in is not inside.
    assert.equal(shareInside(disc(92, 92, 20), box), 0);
  });
  it('uses the contour when there is one', () => {
    // An L-shaped outline: three quarters of its area right of x = 100.
    const contour: Point[] = [
      [90, 110],
      [110, 110],
      [110, 130],
      [100, 130],
      [100, 120],
      [90, 120],
    ];
    const defect: DefectGeometry = {
      cx: 102,
      cy: 118,
      bbox: { x: 90, y: 110, w: 20, h: 20 },
      contour,
      areaPx: 300,
    };
    assert.ok(Math.abs(shareInside(defect, box) - 2 / 3) < 0.05);
  });
  it('falls back to the centroid for a defect too thin to sample', () => {
    assert.equal(shareInside({ cx: 150, cy: 150, bbox: { x: 150, y: 150, w: 0, h: 0 }, areaPx: 0 }, box), 1);
  });
});

describe('edgeDistance', () => {
  it('is the centroid distance less both equivalent radii, at least 0', () => {
    assert.ok(Math.abs(equivalentRadius(Math.PI * 4) - 2) < 1e-12);
    assert.ok(Math.abs(edgeDistance(disc(0, 0, 4), disc(6, 8, 6)) - 5) < 1e-9);
    assert.equal(edgeDistance(disc(0, 0, 10), disc(3, 4, 6)), 0);
  });
});
