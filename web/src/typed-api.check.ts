// Type-level tests of typed-api.ts, run by `npm run typecheck`: each call marked @ts-expect-error must
// be refused. If the client stopped checking paths, parameters, bodies or results, the directive would
// be unused and the typecheck would fail. Nothing here runs (the dashboard never imports this file).
import { client } from './typed-api';

export async function typedClientChecks() {
  // @ts-expect-error — not a path of the API
  await client.get('/api/v1/plant-ops/batchez', {});
  // @ts-expect-error — the path parameter is required
  await client.get('/api/v1/plant-ops/batches/{id}', {});
  // @ts-expect-error — a closed enum: 'finished' is not a batch status
  await client.get('/api/v1/plant-ops/batches', { query: { limit: 10, offset: 0, status: 'finished' } });
  // @ts-expect-error — a completion needs its good and scrap counts
  await client.post('/api/v1/plant-ops/batches/{id}/complete', { path: { id: 'x' }, body: { goodCount: 1 } });
  // @ts-expect-error — /lines has no DELETE
  await client.delete('/api/v1/plant-ops/lines', {});
  const batch = await client.get('/api/v1/plant-ops/batches/{id}', { path: { id: 'x' } });
  // @ts-expect-error — the result is the Batch schema, which has no `name`
  batch.name;
  const oee: number | null | undefined = batch.oee?.oee;
  return oee;
}
