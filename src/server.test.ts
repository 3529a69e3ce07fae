import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsExposureWarning } from './server.ts';

test('an open /metrics is warned about only when it is reachable from other hosts', () => {
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', 'localhost']) {
    assert.equal(metricsExposureWarning({ host, metricsToken: undefined }), undefined, host);
  }
  for (const host of ['0.0.0.0', '::', '10.1.2.3', 'plant.example.com']) {
    assert.match(
      metricsExposureWarning({ host, metricsToken: undefined }) ?? '',
      new RegExp(`^GET /metrics is reachable without a token on ${host}: set METRICS_TOKEN`),
      host,
    );
  }
  assert.equal(metricsExposureWarning({ host: '0.0.0.0', metricsToken: 'scrape-me' }), undefined);
});
