import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { SchemaBucket, schemaBucket } from './schema-bucket.ts';
import { sharedValidatorFactory } from './shared-validators.ts';

const point = () => ({
  $id: 'Point',
  type: 'object',
  properties: { x: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['x'],
});

test('a schema is stored as a copy: changing the one added changes nothing stored', () => {
  const bucket = new SchemaBucket();
  const schema = point();
  bucket.add(schema);
  schema.properties.x.type = 'string';
  schema.required.push('y');
  assert.deepEqual(bucket.getSchema('Point'), point());
  assert.equal(bucket.getSchema('Nothing'), undefined);
  assert.equal(bucket.getSchema('toString'), undefined);
});

test('getSchemas answers the same frozen set until a schema is added', () => {
  const bucket = new SchemaBucket();
  bucket.add(point());
  const first = bucket.getSchemas();
  assert.equal(bucket.getSchemas(), first);
  assert.ok(Object.isFrozen(first));
  bucket.add({ $id: 'Line', type: 'array', items: { $ref: 'Point#' } });
  const second = bucket.getSchemas();
  assert.notEqual(second, first);
  assert.deepEqual(Object.keys(first), ['Point']);
  assert.deepEqual(Object.keys(second), ['Point', 'Line']);
});

test("Fastify's errors for a schema without $id and for an $id added twice", () => {
  const bucket = new SchemaBucket();
  assert.throws(() => bucket.add({ type: 'string' }), { code: 'FST_ERR_SCH_MISSING_ID' });
  assert.throws(() => bucket.add(null), { code: 'FST_ERR_SCH_MISSING_ID' });
  bucket.add(point());
  assert.throws(() => bucket.add(point()), { code: 'FST_ERR_SCH_ALREADY_PRESENT' });
});

test('in Fastify: a plugin sees its parent’s schemas, its own stay inside it, and $refs validate', async () => {
  const app = Fastify({ schemaController: { bucket: schemaBucket as never } });
  app.addSchema(point());
  let insideIds: string[] = [];
  await app.register(async (child) => {
    child.addSchema({ $id: 'Label', type: 'string', maxLength: 5 });
    insideIds = Object.keys(child.getSchemas());
    child.post('/points', { schema: { body: { $ref: 'Point#' } } }, async (req) => req.body);
    child.post(
      '/labels',
      { schema: { body: { type: 'object', properties: { l: { $ref: 'Label#' } } } } },
      async () => ({}),
    );
  });
  assert.throws(() => app.addSchema(point()), { code: 'FST_ERR_SCH_ALREADY_PRESENT' });
  await app.ready();
  assert.deepEqual(insideIds, ['Point', 'Label']);
  assert.deepEqual(Object.keys(app.getSchemas()), ['Point']);
  const ok = await app.inject({ method: 'POST', url: '/points', payload: { x: 1, tags: ['a'] } });
  assert.equal(ok.statusCode, 200);
  const bad = await app.inject({ method: 'POST', url: '/points', payload: { tags: ['a'] } });
  assert.equal(bad.statusCode, 400);
  const long = await app.inject({ method: 'POST', url: '/labels', payload: { l: 'too long' } });
  assert.equal(long.statusCode, 400);
  await app.close();
});

test('the validator factory reuses its compilers for the same set and options, and only then', () => {
  const build = sharedValidatorFactory();
  const bucket = new SchemaBucket();
  bucket.add(point());
  const options = { customOptions: {} };
  const set = bucket.getSchemas();
  const first = build(set as never, options as never);
  assert.equal(build(set as never, options as never), first);
  // A copy of the same schemas (a plugin's own bucket) shares them too.
  assert.equal(build({ ...set } as never, options as never), first);
  // Other options, or another schema, get compilers of their own.
  assert.notEqual(build(set as never, { customOptions: { coerceTypes: true } } as never), first);
  bucket.add({ $id: 'Other', type: 'string' });
  assert.notEqual(build(bucket.getSchemas() as never, options as never), first);
});
