import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import {
  DISPOSITION_COLORS,
  defectLabel,
  escapeXml,
  type OverlayInput,
  overlayScale,
  overlaySvg,
  REGION_COLORS,
} from './overlay.ts';

const base: OverlayInput = {
  width: 1000,
  height: 500,
  outWidth: 500,
  outHeight: 250,
  defects: [],
  regions: [],
};
const defect = {
  id: 'd1',
  cx: 100,
  cy: 100,
  bbox: { x: 90, y: 80, w: 20, h: 40 },
  type: 'gas_pore',
  sizeMm: 1.43,
  disposition: 'pending',
};

test('labels: type in words and size in mm', () => {
  assert.equal(defectLabel({ type: 'gas_pore', sizeMm: 1.43 }), 'gas pore 1.4 mm');
  assert.equal(defectLabel({ type: 'crack', sizeMm: null }), 'crack');
});

test('a defect without contour is an ellipse around its box, scaled to the output', () => {
  const svg = overlaySvg({ ...base, defects: [defect] });
  const { stroke } = overlayScale(500, 250);
  // Box 90–110 × 80–120 at half scale: centre (50, 50), radii 5 and 10 plus the line width.
  assert.match(
    svg,
    new RegExp(
      `<ellipse cx="50" cy="50" rx="${5 + stroke}" ry="${10 + stroke}" fill="none" stroke="${DISPOSITION_COLORS.pending}"`,
    ),
  );
  assert.match(svg, />gas pore 1\.4 mm<\/text>/);
});

test('a defect with a contour is its polygon; colours follow the disposition', () => {
  const svg = overlaySvg({
    ...base,
    defects: [
      {
        ...defect,
        contour: [
          [100, 100],
          [120, 100],
          [110, 130],
        ],
        disposition: 'reject',
      },
      { ...defect, id: 'd2', disposition: 'false_positive' },
      { ...defect, id: 'd3', disposition: 'rework' },
      { ...defect, id: 'd4', disposition: 'accept' },
      { ...defect, id: 'd5', disposition: 'something new' },
    ],
  });
  assert.match(
    svg,
    new RegExp(`<polygon points="50,50 60,50 55,65" fill="none" stroke="${DISPOSITION_COLORS.reject}"`),
  );
  for (const color of [
    DISPOSITION_COLORS.false_positive,
    DISPOSITION_COLORS.rework,
    DISPOSITION_COLORS.accept,
  ])
    assert.ok(svg.includes(`stroke="${color}"`), color);
  assert.equal(svg.split(`<ellipse`).length - 1, 4);
  assert.equal(
    svg.split(`stroke="${DISPOSITION_COLORS.pending}"`).length - 1,
    1,
    'unknown disposition drawn as pending',
  );
});

test('regions: normalized polygon × output size, stroke by verdict, ignore zones dashed', () => {
  const square: [number, number][] = [
    [0.1, 0.2],
    [0.5, 0.2],
    [0.5, 0.6],
    [0.1, 0.6],
  ];
  const svg = overlaySvg({
    ...base,
    regions: [
      { id: 'a', name: 'Bore', kind: 'inspect', polygon: square, verdict: 'pass' },
      { id: 'b', name: 'Flange', kind: 'inspect', polygon: square, verdict: 'fail' },
      { id: 'c', name: 'Gate', kind: 'ignore', polygon: square },
      { id: 'd', name: 'New', kind: 'inspect', polygon: square },
    ],
  });
  assert.ok(svg.includes('points="50,50 250,50 250,150 50,150"'));
  const polygons = svg.split('\n').filter((line) => line.startsWith('<polygon'));
  assert.deepEqual(
    polygons.map((p) => /stroke="(#[0-9a-f]{6})"/.exec(p)?.[1]),
    [REGION_COLORS.pass, REGION_COLORS.fail, REGION_COLORS.ignore, REGION_COLORS.none],
  );
  assert.deepEqual(
    polygons.map((p) => p.includes('stroke-dasharray')),
    [false, false, true, false],
  );
  for (const name of ['Bore', 'Flange', 'Gate', 'New']) assert.ok(svg.includes(`>${name}</text>`));
});

test('text is escaped for XML and the SVG stays renderable with hostile names', async () => {
  assert.equal(escapeXml(`<a href="x">&'`), '&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  assert.equal(escapeXml('tab\tok\u0000\u0007 lone\ud800 pair😀'), 'tab\tok lone pair😀');
  const svg = overlaySvg({
    ...base,
    regions: [
      {
        id: 'r',
        name: '</text><script>alert(1)</script>\u0001',
        kind: 'inspect',
        polygon: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
    ],
    defects: [{ ...defect, type: 'other & <b>' }],
  });
  assert.ok(!svg.includes('<script>'));
  assert.ok(svg.includes('&#60;/text&#62;&#60;script&#62;'));
  const { info } = await sharp(Buffer.from(svg)).png().toBuffer({ resolveWithObject: true });
  assert.deepEqual([info.width, info.height], [500, 250]);
});

test('shapes with non-finite coordinates are skipped, not written as NaN', () => {
  const svg = overlaySvg({
    ...base,
    defects: [{ ...defect, bbox: { x: Number.NaN, y: 0, w: 1, h: 1 } }],
    regions: [
      {
        id: 'r',
        name: 'R',
        kind: 'inspect',
        polygon: [
          [0, 0],
          [Number.POSITIVE_INFINITY, 0],
          [1, 1],
        ],
      },
    ],
  });
  assert.ok(!svg.includes('NaN') && !svg.includes('Infinity'));
  assert.ok(!svg.includes('<ellipse') && !svg.includes('<polygon'));
});
