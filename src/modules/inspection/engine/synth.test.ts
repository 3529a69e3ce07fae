import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRadiograph, seededRandom } from './synth.ts';

const small = {
  width: 320,
  height: 256,
  pores: { count: 20, minDiameterPx: 3, maxDiameterPx: 16, clusterShare: 0.3 },
};

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      values,
      Array.from({ length: 1000 }, () => b()),
    );
    assert.ok(values.every((v) => v >= 0 && v < 1));
    assert.notEqual(seededRandom(43)(), values[0]);
  });
});

describe('generateRadiograph', () => {
  it('is the same picture for the same seed, another for another', () => {
    const a = generateRadiograph({ seed: 7, ...small });
    const b = generateRadiograph({ seed: 7, ...small });
    assert.deepEqual(a.truth, b.truth);
    assert.deepEqual(a.data, b.data);
    assert.notDeepEqual(generateRadiograph({ seed: 8, ...small }).truth, a.truth);
  });

  it('places the pores asked for, apart, inside the image and within the sizes', () => {
    const { truth, width, height, bitDepth, data } = generateRadiograph({ seed: 3, ...small });
    assert.equal(bitDepth, 16);
    assert.ok(data instanceof Uint16Array && data.length === width * height);
    assert.equal(truth.length, 20);
    for (const p of truth) {
      assert.ok(p.diameterPx >= 3 - 1e-9 && p.diameterPx <= 16 + 1e-9);
      assert.ok(
        p.bbox.x >= 0 && p.bbox.y >= 0 && p.bbox.x + p.bbox.w <= width && p.bbox.y + p.bbox.h <= height,
      );
      assert.equal(p.polarity, 'dark');
      for (const q of truth)
        if (q !== p)
          assert.ok(Math.hypot(p.cx - q.cx, p.cy - q.cy) >= (p.diameterPx + q.diameterPx) / 2 + 3 - 1e-9);
    }
  });

  it('draws each pore darker than the casting around it', () => {
    const { truth, width, data } = generateRadiograph({ seed: 5, ...small, noiseSigma: 0 });
    const at = (x: number, y: number) => data[Math.floor(y) * width + Math.floor(x)] as number;
    for (const p of truth) {
      const r = p.diameterPx / 2;
      const around = Array.from({ length: 12 }, (_, k) =>
        at(p.cx + (r + 3) * Math.cos((k * Math.PI) / 6), p.cy + (r + 3) * Math.sin((k * Math.PI) / 6)),
      );
      const middle = around.sort((a, b) => a - b)[6] as number;
      assert.ok(at(p.cx, p.cy) < middle, `pore at ${p.cx}, ${p.cy}`);
    }
  });

  it('makes 8-bit pictures and bright inclusions on request', () => {
    const image = generateRadiograph({
      seed: 1,
      ...small,
      bitDepth: 8,
      polarity: 'both',
      pores: { ...small.pores, count: 40 },
    });
    assert.ok(image.data instanceof Uint8Array);
    assert.ok(
      image.truth.some((p) => p.polarity === 'bright') && image.truth.some((p) => p.polarity === 'dark'),
    );
    assert.ok(
      generateRadiograph({ seed: 1, ...small, polarity: 'bright' }).truth.every(
        (p) => p.polarity === 'bright',
      ),
    );
  });

  it('varies the number of pores by default and refuses a tiny image', () => {
    const counts = new Set(
      [1, 2, 3, 4, 5].map((seed) => generateRadiograph({ seed, width: 256, height: 256 }).truth.length),
    );
    assert.ok(counts.size > 1);
    assert.throws(() => generateRadiograph({ seed: 1, width: 16, height: 16 }), RangeError);
  });
});
