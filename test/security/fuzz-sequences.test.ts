// Sequences of calls, model-based (fast-check commands): over a few resource families — plant
// lines, supply warehouses and clients, notification channels, AI workspaces — random runs of
// create → patch → delete with junk calls in between (junk bodies, ids of nothing, deletes of what
// is already gone). After every step the invariants are checked against the model: no 5xx and every
// 4xx in the error format, the list holds exactly the model's resources with their names, a get of
// a deleted resource is a 404.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { FUZZ_SEED, fuzzRuns, problemOf, untilDeadline, within } from './fuzz-support.ts';

const RUNS = fuzzRuns(3);
let t: TestApp;
let tenant: TestTenant;
let headers: Record<string, string>;

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'fuzzseq');
  headers = (await signIn(t.app, tenant.users.admin.email)).headers;
});
after(async () => {
  await t?.close();
});

interface Family {
  name: string;
  base: string;
  create(name: string, n: number): object;
  /** The id of a created resource from the create answer. */
  idOf(body: Record<string, unknown>): string;
  /** The list's URL (default: the base with the largest page). */
  list?: string;
  /** Id and name of each item of a list page. */
  items(body: Record<string, unknown>): { id: string; name: string }[];
}

const page = (body: Record<string, unknown>) =>
  (body.items as { id: string; name: string }[]).map(({ id, name }) => ({ id, name }));
const FAMILIES: Family[] = [
  {
    name: 'plant lines',
    base: '/api/v1/plant-ops/lines',
    create: (name, n) => ({ facilityId: tenant.facilityId, code: `SEQ-${n}`, name }),
    idOf: (b) => b.id as string,
    items: page,
  },
  {
    name: 'warehouses',
    base: '/api/v1/supply/entities/warehouses',
    create: (name, n) => ({ code: `SEQ-${n}`, name }),
    idOf: (b) => b.id as string,
    items: page,
  },
  {
    name: 'notification channels',
    base: '/api/v1/notifications/channels',
    create: (name) => ({ name, kind: 'email', recipients: ['fuzz@example.com'] }),
    idOf: (b) => (b.channel as { id: string }).id,
    // A bare array, not a page.
    items: (b) => (b as unknown as { id: string; name: string }[]).map(({ id, name }) => ({ id, name })),
    list: '/api/v1/notifications/channels',
  },
  {
    name: 'AI workspaces',
    base: '/api/v1/ai/workspaces',
    create: (name) => ({ name, sector: 'automotive' }),
    idOf: (b) => b.id as string,
    items: page,
  },
];

interface Model {
  family: Family;
  live: Map<string, string>;
  deleted: string[];
  n: number;
}

async function call(method: string, url: string, payload?: unknown) {
  const res = await within(
    t.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
  );
  const problem = problemOf(res);
  if (problem || res === 'hang')
    throw new Error(`${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${problem}`);
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {} };
}

/** The invariants after every step: the list is the model; every deleted id is a 404. */
async function check(m: Model) {
  const { status, body } = await call('GET', m.family.list ?? `${m.family.base}?limit=200`);
  assert.equal(status, 200);
  const listed = new Map(m.family.items(body).map((i) => [i.id, i.name]));
  assert.deepEqual(listed, m.live, `${m.family.name}: the list is not the model`);
  for (const id of m.deleted.slice(-3)) {
    const gone = await call('GET', `${m.family.base}/${id}`);
    assert.equal(gone.status, 404, `${m.family.name}: ${id} was deleted but answers ${gone.status}`);
  }
}

const pick = (m: Model, k: number) => [...m.live.keys()][k % Math.max(1, m.live.size)];
const name = fc
  .string({ minLength: 1, maxLength: 30 })
  .filter((s) => s.trim() === s && s.trim() !== '' && !s.includes('\u0000'));

/** Values no name or code may take. */
const INVALID = ['', '\u0000', 'a\u0000b', 'x'.repeat(70_000)];

type Cmd = fc.AsyncCommand<Model, Model>;
const cmd = (label: string, run: (m: Model) => Promise<void>): Cmd => ({
  check: () => true,
  run: async (m) => {
    await run(m);
    await check(m);
  },
  toString: () => label,
});

const commands = [
  name.map((n) =>
    cmd(`create ${JSON.stringify(n)}`, async (m) => {
      m.n += 1;
      const { status, body } = await call('POST', m.family.base, m.family.create(n, m.n));
      if (status === 201 || status === 200)
        m.live.set(m.family.idOf(body), (body.name ?? (body.channel as { name: string })?.name) as string);
      else assert.ok([400, 409].includes(status), `create answered ${status}`);
    }),
  ),
  fc.tuple(fc.nat(), name).map(([k, n]) =>
    cmd(`patch #${k} name ${JSON.stringify(n)}`, async (m) => {
      const id = pick(m, k);
      if (!id) return;
      const { status } = await call('PATCH', `${m.family.base}/${id}`, { name: n });
      if (status === 200) m.live.set(id, n);
      else assert.ok([400, 409].includes(status), `patch answered ${status}`);
    }),
  ),
  fc.nat().map((k) =>
    cmd(`delete #${k}`, async (m) => {
      const id = pick(m, k);
      if (!id) return;
      const { status } = await call('DELETE', `${m.family.base}/${id}`);
      assert.ok(status === 204 || status === 200, `delete answered ${status}`);
      m.live.delete(id);
      m.deleted.push(id);
    }),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom<unknown>(...INVALID, null, [], { name: '' }, { name: 'x'.repeat(5000) }))
    .map(([k, junk]) =>
      cmd(`junk patch #${k} ${JSON.stringify(junk)?.slice(0, 40)}`, async (m) => {
        const id = pick(m, k) ?? crypto.randomUUID();
        const body =
          typeof junk === 'object' && junk !== null && !Array.isArray(junk) ? junk : { name: junk };
        const { status, body: answer } = await call('PATCH', `${m.family.base}/${id}`, body);
        const said = JSON.stringify(answer).slice(0, 300);
        assert.ok(status >= 400, `${m.family.name}: junk patch answered ${status} ${said}`);
      }),
    ),
  fc.constantFrom('again', 'nothing', 'junk id').map((what) =>
    cmd(`junk delete (${what})`, async (m) => {
      const id = what === 'again' ? m.deleted.at(-1) : what === 'nothing' ? crypto.randomUUID() : 'not-an-id';
      if (!id) return;
      const { status } = await call('DELETE', `${m.family.base}/${encodeURIComponent(id)}`);
      assert.ok([400, 404].includes(status), `a delete of ${what} answered ${status}`);
    }),
  ),
  fc.constantFrom(...INVALID).map((junk) =>
    cmd('junk create', async (m) => {
      const { status } = await call('POST', m.family.base, { name: junk, code: junk });
      assert.ok(status >= 400, `a junk create answered ${status}`);
    }),
  ),
];

test('create → patch → delete with junk in between keeps every list equal to the model', async (ctx) => {
  let steps = 0;
  const rounds = await untilDeadline(async (seed) => {
    for (const family of FAMILIES) {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 10 }), async (cmds) => {
          // Each run starts from what is there (runs of the same family follow each other).
          const { body } = await call('GET', family.list ?? `${family.base}?limit=200`);
          const model: Model = {
            family,
            live: new Map(family.items(body).map((i) => [i.id, i.name])),
            deleted: [],
            n: 0,
          };
          model.n = Date.now() % 1_000_000_000;
          await fc.asyncModelRun(() => ({ model, real: model }), cmds);
          steps += [...cmds].length;
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
    }
  });
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s), ${steps} steps over ${FAMILIES.length} families`);
});
