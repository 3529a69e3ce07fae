import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFailureFeatures, encodeProductType } from './features.ts';
import { columnOf } from './matrix.ts';

const all = () => ({
  productType: Float64Array.of(0, 2),
  ambientTempC: Float64Array.of(25, 27),
  processTempC: Float64Array.of(35.5, 36),
  speedRpm: Float64Array.of(1500, 1200),
  torqueNm: Float64Array.of(40, 60),
  toolWearMin: Float64Array.of(100, 210),
});

test('with every input: the inputs, then temperature gap, power and strain', () => {
  const m = buildFailureFeatures(all());
  assert.deepEqual(m.names, [
    'productType',
    'ambientTempC',
    'processTempC',
    'speedRpm',
    'torqueNm',
    'toolWearMin',
    'tempDiffC',
    'powerW',
    'strainNmMin',
  ]);
  const column = (name: string) => [...columnOf(m, m.names.indexOf(name))];
  assert.deepEqual(column('tempDiffC'), [10.5, 9]);
  // 40 Nm at 1500 rpm: 40 · 1500 · 2π / 60 = 2000π W ≈ 6283 W.
  const [power1, power2] = column('powerW');
  assert.ok(Math.abs((power1 as number) - 2000 * Math.PI) < 1e-9);
  assert.ok(Math.abs((power2 as number) - 2400 * Math.PI) < 1e-9);
  assert.deepEqual(column('strainNmMin'), [4000, 12600]);
});

test('only the features whose inputs are present', () => {
  const { speedRpm, torqueNm, processTempC } = all();
  const m = buildFailureFeatures({
    speedRpm,
    torqueNm,
    processTempC,
    ambientTempC: undefined,
    shift: speedRpm,
  });
  assert.deepEqual(m.names, ['processTempC', 'speedRpm', 'torqueNm', 'powerW']);
  assert.equal(m.rows, 2);
});

test('a missing reading stays missing in what is derived from it', () => {
  const columns = all();
  columns.torqueNm[1] = Number.NaN;
  const m = buildFailureFeatures(columns);
  const row1 = (name: string) => m.data[m.cols + m.names.indexOf(name)] as number;
  assert.ok(Number.isNaN(row1('powerW')) && Number.isNaN(row1('strainNmMin')));
  assert.equal(row1('tempDiffC'), 9);
});

test('refuses columns of different lengths or no known column', () => {
  assert.throws(
    () => buildFailureFeatures({ ...all(), torqueNm: Float64Array.of(1) }),
    /torqueNm has 1 rows, not 2/,
  );
  assert.throws(() => buildFailureFeatures({ rpm: Float64Array.of(1) }), /no known input column/);
});

test('product types L / M / H are 0 / 1 / 2, anything else missing', () => {
  assert.deepEqual(['L', 'm', ' H '].map(encodeProductType), [0, 1, 2]);
  assert.ok(Number.isNaN(encodeProductType('X')));
  assert.ok(Number.isNaN(encodeProductType('')));
});
