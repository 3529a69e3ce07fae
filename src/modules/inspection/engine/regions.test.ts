import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAgainst, judgeImage } from './regions.ts';
import type { DefectType, JudgedDefect, JudgeInput, RegionDef, RegionRules } from './types.ts';

// A 1000 × 1000 image at 0.1 mm per pixel (100 × 100 mm); the default region is the square
// 0.2–0.6, 400 × 400 px = 40 × 40 mm = 16 cm² = 160,000 px².

const pore = (
  id: string,
  cx: number,
  cy: number,
  diameterPx: number,
  type: DefectType = 'porosity',
): JudgedDefect => ({
  id,
  type,
  cx,
  cy,
  bbox: { x: cx - diameterPx / 2, y: cy - diameterPx / 2, w: diameterPx, h: diameterPx },
  areaPx: (Math.PI * diameterPx * diameterPx) / 4,
});

const region = (rules: RegionRules, over: Partial<RegionDef> = {}): RegionDef => ({
  id: 'r1',
  name: 'Face',
  severity: 'critical',
  kind: 'inspect',
  polygon: [
    [0.2, 0.2],
    [0.6, 0.2],
    [0.6, 0.6],
    [0.2, 0.6],
  ],
  rules,
  ...over,
});

const judge = (regions: RegionDef[], defects: JudgedDefect[], over: Partial<JudgeInput> = {}) =>
  judgeImage({ width: 1000, height: 1000, mmPerPixel: 0.1, regions, defects, ...over });

const close = (actual: number, expected: number, eps = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} is not ${expected}`);

describe('judgeImage', () => {
  it('passes with no regions, every defect unassigned', () => {
    const verdict = judge([], [pore('a', 300, 300, 10)]);
    assert.equal(verdict.pass, true);
    assert.deepEqual(verdict.regions, []);
    assert.deepEqual(verdict.assignments, { a: [] });
    assert.deepEqual(verdict.ignored, []);
  });

  it('checks the largest pore size', () => {
    // 20 px = 2.0 mm, 10 px = 1.0 mm, 25 px = 2.5 mm.
    const defects = [pore('a', 300, 300, 20), pore('b', 400, 400, 10), pore('c', 500, 300, 25)];
    const verdict = judge([region({ maxPoreSizeMm: 1.5 })], defects);
    assert.equal(verdict.pass, false);
    assert.deepEqual(verdict.regions[0]?.reasons, ['2 pores > 1.5 mm (largest 2.5 mm)']);
    assert.deepEqual(verdict.reasons, ['Face: 2 pores > 1.5 mm (largest 2.5 mm)']);
    close(verdict.regions[0]?.stats.maxSizeMm as number, 2.5);
    assert.equal(judge([region({ maxPoreSizeMm: 2.5 })], defects).pass, true);
    assert.deepEqual(judge([region({ maxPoreSizeMm: 2.2 })], defects).reasons, [
      'Face: 1 pore > 2.2 mm (largest 2.5 mm)',
    ]);
  });

  it('checks the pore count', () => {
    const defects = [pore('a', 300, 300, 10), pore('b', 400, 400, 10), pore('c', 500, 300, 10)];
    const verdict = judge([region({ maxPoreCount: 2 })], defects);
    assert.deepEqual(verdict.regions[0]?.reasons, ['3 pores > max 2']);
    assert.equal(verdict.regions[0]?.stats.count, 3);
    assert.equal(judge([region({ maxPoreCount: 3 })], defects).pass, true);
  });

  it('checks the density per cm²', () => {
    const defects = [pore('a', 300, 300, 10), pore('b', 400, 400, 10), pore('c', 500, 300, 10)];
    const verdict = judge([region({ maxDensityPerCm2: 0.15 })], defects);
    const stats = verdict.regions[0]?.stats;
    close(stats?.areaCm2 as number, 16);
    close(stats?.densityPerCm2 as number, 3 / 16);
    assert.deepEqual(verdict.regions[0]?.reasons, ['density 0.19 /cm² > 0.15']);
    assert.equal(judge([region({ maxDensityPerCm2: 0.2 })], defects).pass, true);
  });

  it('checks the share of area covered by pores', () => {
    // 100 px across: 7,853.98 px² of 160,000 = 4.91 %.
    const verdict = judge([region({ maxAreaShare: 0.01 })], [pore('a', 400, 400, 100)]);
    close(verdict.regions[0]?.stats.areaShare as number, (Math.PI * 2500) / 160_000);
    assert.deepEqual(verdict.regions[0]?.reasons, ['pore area 4.9 % > 1.0 %']);
    assert.equal(judge([region({ maxAreaShare: 0.05 })], [pore('a', 400, 400, 100)]).pass, true);
  });

  it('merges pores closer than the spacing into one indication', () => {
    // Two 1.0 mm pores 15 px apart: 5 px = 0.5 mm edge to edge; together 25 px = 2.5 mm across.
    const defects = [pore('a', 300, 300, 10), pore('b', 315, 300, 10), pore('c', 500, 500, 10)];
    const verdict = judge([region({ maxPoreSizeMm: 2, maxPoreCount: 1, minSpacingMm: 1 })], defects);
    const face = verdict.regions[0];
    assert.equal(face?.stats.count, 2);
    assert.equal(face?.stats.clusters, 1);
    close(face?.stats.maxSizeMm as number, 2.5);
    close(face?.stats.minSpacingMm as number, 0.5);
    assert.deepEqual(face?.reasons, ['1 pore > 2.0 mm (largest 2.5 mm)', '2 pores > max 1']);
    close(face?.stats.areaShare as number, (3 * Math.PI * 25) / 160_000);
    // Without the spacing rule each pore is 1.0 mm and they pass the size rule.
    assert.equal(judge([region({ maxPoreSizeMm: 2 })], defects).pass, true);
    // A spacing below their distance does not merge them.
    assert.equal(
      judge([region({ maxPoreSizeMm: 2, minSpacingMm: 0.5 })], defects).regions[0]?.stats.clusters,
      0,
    );
  });

  it('chains clusters by single linkage', () => {
    // a–b and b–c are 0.5 mm apart, a–c 2.0 mm: one cluster of three, 40 px = 4.0 mm across.
    const defects = [pore('a', 300, 300, 10), pore('b', 315, 300, 10), pore('c', 330, 300, 10)];
    const face = judge([region({ minSpacingMm: 1 })], defects).regions[0];
    assert.equal(face?.stats.count, 1);
    close(face?.stats.maxSizeMm as number, 4);
  });

  it('fails pores closer than the spacing in fail mode', () => {
    const defects = [pore('a', 300, 300, 10), pore('b', 315, 300, 10), pore('c', 500, 500, 10)];
    const verdict = judge([region({ minSpacingMm: 2, spacingMode: 'fail', maxPoreCount: 3 })], defects);
    assert.equal(verdict.pass, false);
    assert.deepEqual(verdict.regions[0]?.reasons, ['2 pores 0.5 mm apart < 2.0 mm']);
    assert.equal(verdict.regions[0]?.stats.count, 3);
    const three = [...defects, pore('d', 330, 300, 10)];
    assert.deepEqual(judge([region({ minSpacingMm: 2, spacingMode: 'fail' })], three).regions[0]?.reasons, [
      '2 pores 0.5 mm apart < 2.0 mm (2 pairs too close)',
    ]);
    assert.equal(judge([region({ minSpacingMm: 0.4, spacingMode: 'fail' })], defects).pass, true);
  });

  it('assigns a defect on the boundary, or with half its area inside', () => {
    const onEdge = pore('edge', 200, 300, 10);
    const corner = pore('corner', 200, 200, 10);
    // Centroid reported just outside, but its box (and so its area) mostly inside.
    const mostlyIn: JudgedDefect = { ...pore('in', 199, 400, 10), bbox: { x: 192, y: 380, w: 40, h: 40 } };
    const mostlyOut = pore('out', 195, 500, 20);
    const verdict = judge([region({ maxPoreCount: 0 })], [onEdge, corner, mostlyIn, mostlyOut]);
    assert.deepEqual(verdict.regions[0]?.defectIds, ['edge', 'corner', 'in']);
    assert.deepEqual(verdict.assignments, { edge: ['r1'], corner: ['r1'], in: ['r1'], out: [] });
    assert.deepEqual(verdict.regions[0]?.reasons, ['3 pores > max 0']);
  });

  it('counts a defect in each of overlapping regions', () => {
    const second = region(
      { maxPoreCount: 0 },
      {
        id: 'r2',
        name: 'Bore',
        polygon: [
          [0.5, 0.5],
          [0.9, 0.5],
          [0.9, 0.9],
          [0.5, 0.9],
        ],
      },
    );
    const verdict = judge(
      [region({ maxPoreCount: 0 }), second],
      [pore('both', 550, 550, 10), pore('one', 300, 300, 10)],
    );
    assert.deepEqual(verdict.assignments, { both: ['r1', 'r2'], one: ['r1'] });
    assert.deepEqual(verdict.reasons, ['Face: 2 pores > max 0', 'Bore: 1 pore > max 0']);
  });

  it('does not judge defects in an ignore zone anywhere', () => {
    const gate = region(
      {},
      {
        id: 'g',
        name: 'Gate',
        kind: 'ignore',
        polygon: [
          [0.5, 0.1],
          [0.7, 0.1],
          [0.7, 0.3],
          [0.5, 0.3],
        ],
      },
    );
    const verdict = judge(
      [region({ maxPoreCount: 0 }), gate],
      [pore('gated', 550, 250, 30), pore('free', 300, 300, 10)],
    );
    assert.deepEqual(verdict.ignored, ['gated']);
    assert.deepEqual(verdict.assignments, { gated: [], free: ['r1'] });
    assert.equal(verdict.regions.length, 1);
    assert.deepEqual(verdict.reasons, ['Face: 1 pore > max 0']);
  });

  it('gives the same verdict at twice the resolution and half the mm per pixel', () => {
    const rules: RegionRules = {
      maxPoreSizeMm: 1.5,
      maxPoreCount: 2,
      maxDensityPerCm2: 0.1,
      maxAreaShare: 0.001,
      minSpacingMm: 1,
    };
    const defects = [
      pore('a', 300, 300, 10),
      pore('b', 315, 300, 10),
      pore('c', 500, 500, 12),
      pore('d', 205, 590, 16),
    ];
    const double = defects.map((d) => ({
      ...d,
      cx: d.cx * 2,
      cy: d.cy * 2,
      bbox: { x: d.bbox.x * 2, y: d.bbox.y * 2, w: d.bbox.w * 2, h: d.bbox.h * 2 },
      areaPx: d.areaPx * 4,
    }));
    const low = judge([region(rules)], defects);
    const high = judge([region(rules)], double, { width: 2000, height: 2000, mmPerPixel: 0.05 });
    assert.equal(low.pass, false);
    assert.deepEqual(high.reasons, low.reasons);
    assert.deepEqual(high.assignments, low.assignments);
    for (const key of [
      'count',
      'maxSizeMm',
      'densityPerCm2',
      'areaShare',
      'minSpacingMm',
      'clusters',
      'areaCm2',
    ] as const)
      close(high.regions[0]?.stats[key] as number, low.regions[0]?.stats[key] as number, 1e-9);
  });

  it('counts only the listed types and sizes from ignoreBelowMm', () => {
    const defects = [pore('p', 300, 300, 10), pore('c', 400, 400, 10, 'crack'), pore('small', 500, 500, 4)];
    const cracks = judge([region({ maxPoreCount: 0, types: ['crack'] })], defects).regions[0];
    assert.deepEqual(cracks?.defectIds, ['p', 'c', 'small']);
    assert.deepEqual(cracks?.countedIds, ['c']);
    assert.deepEqual(cracks?.reasons, ['1 pore > max 0']);
    // 4 px = 0.4 mm is below 0.5 mm.
    const big = judge([region({ maxPoreCount: 1, ignoreBelowMm: 0.5 })], defects).regions[0];
    assert.deepEqual(big?.countedIds, ['p', 'c']);
    assert.deepEqual(big?.reasons, ['2 pores > max 1']);
  });
});

describe('formatAgainst', () => {
  it('gives both numbers the decimals that tell them apart', () => {
    assert.deepEqual(formatAgainst(4.1234, 3), ['4.1', '3.0']);
    assert.deepEqual(formatAgainst(1.04, 1), ['1.04', '1.00']);
    assert.deepEqual(formatAgainst(0.31, 0.25), ['0.31', '0.25']);
    assert.deepEqual(formatAgainst(2, 2), ['2.0', '2.0']);
  });
});
