import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECT_DEFAULTS, type Detection, detect, resolveDetectOptions } from './detector.ts';
import { generateRadiograph, type SynthPore, seededRandom } from './synth.ts';
import type { Box } from './types.ts';

function gaussianNoise(n: number, mean: number, sigma: number, seed: number, max: number) {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const v = mean + sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.min(max, Math.round(v)));
  });
}

const iou = (a: Box, b: Box) => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (a.w * a.h + b.w * b.h - w * h);
};

/** Shares of true pores found and of detections that are true pores (box IoU ≥ 0.3). */
function score(truth: SynthPore[], found: Detection[]) {
  const hit = (t: SynthPore) => found.some((d) => iou(t.bbox, d.bbox) >= 0.3);
  const real = (d: Detection) => truth.some((t) => iou(t.bbox, d.bbox) >= 0.3);
  return {
    recall: truth.filter(hit).length / truth.length,
    precision: found.filter(real).length / Math.max(1, found.length),
  };
}

const pores = { count: 16, minDiameterPx: 6, maxDiameterPx: 20, clusterShare: 0.25 };

describe('resolveDetectOptions', () => {
  it('completes options with the defaults', () => {
    assert.deepEqual(resolveDetectOptions(), DETECT_DEFAULTS);
    assert.equal(resolveDetectOptions({ polarity: 'dark', thresholdSigma: 5 }).thresholdSigma, 5);
  });
  it('refuses unknown options and values out of range', () => {
    assert.throws(() => resolveDetectOptions({ sensitivity: 3 }), /unknown detector option sensitivity/);
    assert.throws(() => resolveDetectOptions({ polarity: 'grey' }), /polarity/);
    assert.throws(() => resolveDetectOptions({ thresholdSigma: '4' }), /thresholdSigma/);
    assert.throws(() => resolveDetectOptions({ minRoundness: 2 }), /minRoundness/);
    assert.throws(() => resolveDetectOptions({ minDiameterPx: 10, maxDiameterPx: 5 }), /below minDiameterPx/);
  });
});

describe('detect', () => {
  it('finds the pores of a synthetic radiograph, and little else', () => {
    const image = generateRadiograph({
      seed: 11,
      width: 512,
      height: 512,
      noiseSigma: 0.005,
      polarity: 'both',
      pores,
    });
    const found = detect(image);
    const { recall, precision } = score(image.truth, found);
    assert.ok(recall >= 0.85, `recall ${recall}`);
    assert.ok(precision >= 0.9, `precision ${precision}`);
    for (const d of found) {
      assert.ok(d.confidence >= 0.5 && d.confidence <= 1);
      assert.ok(d.roundness >= DETECT_DEFAULTS.minRoundness && d.contrast > 0);
      assert.ok(
        d.bbox.x <= d.cx && d.cx <= d.bbox.x + d.bbox.w && d.bbox.y <= d.cy && d.cy <= d.bbox.y + d.bbox.h,
      );
    }
    assert.deepEqual(detect(image), found);
  });

  it('sizes pores by their equivalent diameter', () => {
    const image = generateRadiograph({ seed: 12, width: 512, height: 512, noiseSigma: 0.003, pores });
    const found = detect(image);
    const errors = image.truth.flatMap((t) => {
      const d = found.find((f) => iou(t.bbox, f.bbox) >= 0.3);
      return d ? [Math.abs(2 * Math.sqrt(d.areaPx / Math.PI) - t.diameterPx)] : [];
    });
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    assert.ok(mean < 1.5, `mean |error| ${mean} px`);
  });

  it('works on 8-bit images', () => {
    const image = generateRadiograph({
      seed: 13,
      width: 512,
      height: 512,
      bitDepth: 8,
      noiseSigma: 0.006,
      pores,
    });
    const { recall, precision } = score(image.truth, detect(image));
    assert.ok(recall >= 0.8 && precision >= 0.8, `recall ${recall}, precision ${precision}`);
  });

  it('looks for one polarity when asked', () => {
    const image = generateRadiograph({
      seed: 14,
      width: 384,
      height: 384,
      noiseSigma: 0.004,
      polarity: 'both',
      pores,
    });
    const dark = detect({ ...image, options: { polarity: 'dark' } });
    const bright = detect({ ...image, options: { polarity: 'bright' } });
    assert.ok(dark.length > 0 && dark.every((d) => d.polarity === 'dark'));
    assert.ok(bright.length > 0 && bright.every((d) => d.polarity === 'bright'));
    assert.equal(detect({ ...image, options: { maxDetections: 2 } }).length, 2);
  });

  it('finds nothing in noise alone, or on a flat image', () => {
    const noise = Uint16Array.from(gaussianNoise(300 * 300, 20000, 400, 3, 65535));
    assert.ok(detect({ width: 300, height: 300, data: noise }).length <= 1);
    assert.deepEqual(detect({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(100) }), []);
  });

  it('refuses pixels that do not fit the size', () => {
    assert.throws(() => detect({ width: 10, height: 10, data: new Uint8Array(99) }), RangeError);
  });
});
