import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMetrics } from './metrics.ts';

test('request durations are exposed as a cumulative Prometheus histogram', async () => {
  const { registry, requestDurations: durations } = createMetrics();
  durations.observe('GET', '/health', 200, 0.003);
  durations.observe('GET', '/health', 200, 0.02);
  durations.observe('GET', '/health', 200, 30);
  durations.observe('POST', '/api/v1/x', 500, 0.005);
  const text = await registry.metrics();
  const line = (suffix: string) => new RegExp(`^http_request_duration_seconds${suffix}$`, 'm');
  assert.match(text, /# TYPE http_request_duration_seconds histogram/);
  assert.match(
    text,
    line('_bucket\\{method="GET",route="/health",status_code="200",le="0.005",service="plantintel"\\} 1'),
  );
  assert.match(
    text,
    line('_bucket\\{method="GET",route="/health",status_code="200",le="0.025",service="plantintel"\\} 2'),
  );
  assert.match(
    text,
    line('_bucket\\{method="GET",route="/health",status_code="200",le="10",service="plantintel"\\} 2'),
  );
  assert.match(
    text,
    line('_bucket\\{method="GET",route="/health",status_code="200",le="\\+Inf",service="plantintel"\\} 3'),
  );
  assert.match(
    text,
    line('_count\\{method="GET",route="/health",status_code="200",service="plantintel"\\} 3'),
  );
  assert.match(
    text,
    line('_sum\\{method="GET",route="/health",status_code="200",service="plantintel"\\} 30.023'),
  );
  // A value exactly on a bound belongs to that bucket (Prometheus buckets are "less than or equal").
  assert.match(
    text,
    line('_bucket\\{method="POST",route="/api/v1/x",status_code="500",le="0.005",service="plantintel"\\} 1'),
  );
});
