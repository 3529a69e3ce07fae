import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { acrossTenants } from '../../platform/db/scope.ts';
import { insertFacility } from '../identity/customers.repo.ts';
import { MAX_BATCH } from './ingest.service.ts';
import { telemetryTestKit } from './testing.ts';

// InfluxDB's write endpoints end to end through the app: v1 and v2 paths, every credential form,
// gzip, precisions, the mapping rule with auto-create off and on, malformed lines counted, the gzip
// bomb refused, and the readings in the database at the right microsecond.

const kit = telemetryTestKit('influx');
const HOUR_NS = 3_600_000_000_000n;
/** An hour ago, in nanoseconds, with digits down to the nanosecond (beyond 2^53). */
const baseNs = BigInt(Date.now() - 3_600_000) * 1_000_000n + 123_456_789n;
/** The same instant in whole microseconds, as PostgreSQL keeps it. */
const baseUs = baseNs / 1000n;

let operateKey: string;
let readKey: string;

async function apiKey(scopes: string[]) {
  const res = await kit.t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: kit.s.admin.headers,
    payload: { name: `influx-${scopes.join('-')}`, scopes },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().key as string;
}

interface WriteOptions {
  url?: string;
  headers?: Record<string, string>;
  gzip?: boolean;
}

async function write(
  body: string | Buffer,
  { url = '/api/v2/write?org=o&bucket=b', headers, gzip }: WriteOptions = {},
) {
  const payload = gzip ? gzipSync(body) : body;
  return kit.t.app.inject({
    method: 'POST',
    url,
    headers: {
      authorization: `Token ${operateKey}`,
      'content-type': 'text/plain; charset=utf-8',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
    },
    payload,
  });
}

/** The stored readings of a sensor key: epoch microseconds (exact) and value, oldest first. */
async function stored(key: string) {
  const rows = await queryRows<{ us: string; value: number }>(
    kit.t.database.db,
    sql`select (extract(epoch from r.ts) * 1000000)::bigint::text as us, r.value
        from readings r join sensors s on s.id = r.sensor_id
        where s.key = ${key} and s.tenant_id = ${kit.acme.id} order by r.ts`,
  );
  return rows.map((r) => [BigInt(r.us), r.value] as const);
}

async function settings(patch: object) {
  const res = await kit.call(kit.s.admin, 'PATCH', '/telemetry/settings', patch);
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

describe('line protocol over HTTP', () => {
  test('setup: an API key with scope operate, one with read only', async () => {
    operateKey = await apiKey(['operate']);
    readKey = await apiKey(['read']);
    await kit.newSensor('boiler.temp');
    await kit.newSensor('L1-PRESS');
    await kit.newSensor('L1-PRESS.max');
  });

  test('v2: 204, every mapping form, nanosecond timestamps kept to the microsecond', async () => {
    const body = [
      '# boiler and press',
      `boiler,host=edge-1 temp=71.5,state="ok" ${baseNs}`,
      `press,sensor=L1-PRESS value=2.5,max=3i ${baseNs}`,
      `press,key=L1-PRESS value=2.75 ${baseNs + 1000n}`,
      '',
    ].join('\n');
    const res = await write(body);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(res.headers['x-plantintel-written'], '4');
    assert.equal(res.headers['x-plantintel-ignored'], '1');
    assert.deepEqual(await stored('boiler.temp'), [[baseUs, 71.5]]);
    assert.deepEqual(await stored('L1-PRESS'), [
      [baseUs, 2.5],
      [baseUs + 1n, 2.75],
    ]);
    assert.deepEqual(await stored('L1-PRESS.max'), [[baseUs, 3]]);
  });

  test('v2 with gzip; a line without a timestamp is now', async () => {
    const before = BigInt(Date.now()) * 1000n;
    const res = await write(`boiler temp=72,flag=true\nboiler temp=73 ${baseNs + HOUR_NS / 2n}\n`, {
      gzip: true,
    });
    assert.equal(res.statusCode, 400, res.body); // boiler.flag is not a sensor
    assert.equal(res.headers['x-plantintel-written'], '2');
    const temps = await stored('boiler.temp');
    const now = temps.find(([, v]) => v === 72);
    assert.ok(now && now[0] >= before && now[0] <= BigInt(Date.now()) * 1000n, String(now));
    assert.ok(temps.some(([us, v]) => v === 73 && us === (baseNs + HOUR_NS / 2n) / 1000n));
  });

  test('v2 precisions: us, ms, s', async () => {
    const ms = BigInt(Date.now() - 7_200_000);
    for (const [precision, ts, us] of [
      ['us', ms * 1000n + 7n, ms * 1000n + 7n],
      ['ms', ms + 1n, (ms + 1n) * 1000n],
      ['s', ms / 1000n + 5n, (ms / 1000n + 5n) * 1_000_000n],
    ] as const) {
      const res = await write(`press,sensor=L1-PRESS value=9 ${ts}`, {
        url: `/api/v2/write?org=o&bucket=b&precision=${precision}`,
      });
      assert.equal(res.statusCode, 204, `${precision}: ${res.body}`);
      assert.ok(
        (await stored('L1-PRESS')).some(([at, v]) => at === us && v === 9),
        precision,
      );
    }
    const bad = await write('press,sensor=L1-PRESS value=1', { url: '/api/v2/write?precision=h' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'invalid');
  });

  test('v1: /write with ?p=, Basic or Token, gzip, precisions n u ms s m h', async () => {
    const now = BigInt(Math.floor((Date.now() - 10_800_000) / 60_000));
    // The 'm' and 'h' cases write the same sensor at the minute and at its hour: on an hour's first
    // minute they were one timestamp, and the second write a duplicate (CI at 03:00 UTC).
    const minute = now % 60n === 0n ? now - 1n : now;
    const cases: [string, bigint, bigint, Record<string, string>, string][] = [
      ['n', baseNs + 2000n, baseUs + 2n, {}, `&u=telegraf&p=${operateKey}`],
      [
        'u',
        baseUs + 3n,
        baseUs + 3n,
        { authorization: `Basic ${Buffer.from(`telegraf:${operateKey}`).toString('base64')}` },
        '',
      ],
      ['ms', baseUs / 1000n + 4n, (baseUs / 1000n + 4n) * 1000n, {}, ''],
      ['s', minute * 60n + 1n, (minute * 60n + 1n) * 1_000_000n, {}, ''],
      ['m', minute, minute * 60_000_000n, {}, ''],
      ['h', minute / 60n, (minute / 60n) * 3_600_000_000n, {}, ''],
    ];
    for (const [precision, ts, us, headers, query] of cases) {
      const res = await write(`boiler temp=${ts % 97n} ${ts}`, {
        url: `/write?db=telegraf&rp=autogen&precision=${precision}${query}`,
        headers: query ? { authorization: '' } : headers,
        gzip: precision === 'ms',
      });
      assert.equal(res.statusCode, 204, `${precision}: ${res.body}`);
      assert.ok(
        (await stored('boiler.temp')).some(([at, v]) => at === us && v === Number(ts % 97n)),
        precision,
      );
    }
  });

  test('malformed lines and refused readings are counted by line; the rest is written (400)', async () => {
    const t = baseNs + 5n * 60_000_000_000n;
    const body = [
      `press,sensor=L1-PRESS value=1 ${t}`,
      'press,sensor=L1-PRESS value=', // malformed
      `press,sensor=NOPE value=1 ${t}`, // unknown sensor
      `press,sensor=L1-PRESS value=2 ${t + 1000n}`,
      `press,sensor=L1-PRESS,facility=ZZ value=3 ${t}`, // unknown facility
      `press,sensor=bad\\ key value=3 ${t}`, // not a sensor key
      `press,sensor=L1-PRESS value=4 ${t}`, // duplicate of line 1
      `press,sensor=L1-PRESS value=5 1`, // 1970: past the retention
    ].join('\n');
    const res = await write(body);
    assert.equal(res.statusCode, 400, res.body);
    const answer = res.json();
    assert.equal(answer.code, 'invalid');
    assert.equal(answer.line, 2);
    assert.match(answer.message, /^partial write: 2 readings written, 6 rejected \(/);
    assert.match(
      answer.message,
      /line 2: unable to parse 'press,sensor=L1-PRESS value=': field value has no value/,
    );
    assert.equal(answer.error.code, 'bad_request');
    assert.equal(typeof answer.error.requestId, 'string');
    assert.deepEqual(
      answer.error.details.map((d: { path: string; message: string }) => [d.path, d.message.split(':')[0]]),
      [
        ['/body/line/2', 'invalid_line'],
        ['/body/line/3', 'unknown_sensor'],
        ['/body/line/5', 'unknown_facility'],
        ['/body/line/6', 'invalid_sensor_key'],
        ['/body/line/7', 'duplicate'],
        ['/body/line/8', 'timestamp_out_of_range'],
      ],
    );
    assert.equal(res.headers['x-plantintel-rejected'], '6');
    assert.match(String(res.headers['x-influxdb-error']), /^partial write/);
    const at = await stored('L1-PRESS');
    assert.ok(at.some(([us, v]) => us === t / 1000n && v === 1));
    assert.ok(at.some(([us, v]) => us === t / 1000n + 1n && v === 2));
  });

  test('auto-create off: unknown sensors are refused; on: created (type other, unit tag) and written', async () => {
    const line = (ts: bigint) => `chiller,unit=°C supply=6.5,return=12 ${ts}`;
    const off = await write(line(baseNs));
    assert.equal(off.statusCode, 400);
    assert.match(off.json().message, /^0 readings written, 2 rejected \(unknown_sensor 2\)/);

    await settings({ autoCreateSensors: true });
    const on = await write(line(baseNs));
    assert.equal(on.statusCode, 204, on.body);
    const [sensor] = await queryRows<{ name: string; type: string; unit: string; facility_id: string }>(
      kit.t.database.db,
      sql`select name, type, unit, facility_id from sensors where key = 'chiller.supply' and tenant_id = ${kit.acme.id}`,
    );
    assert.deepEqual(sensor, {
      name: 'chiller.supply',
      type: 'other',
      unit: '°C',
      facility_id: kit.acme.facilityId,
    });
    assert.deepEqual(await stored('chiller.return'), [[baseUs, 12]]);
    // Sent again: the sensors exist, the readings are duplicates.
    const again = await write(line(baseNs));
    assert.match(again.json().message, /duplicate 2/);
  });

  test('the facility tag picks the facility by code; without one, the default facility', async () => {
    const second = await acrossTenants(kit.t.database.db, (tx) =>
      insertFacility(tx, { tenantId: kit.acme.id, code: 'PLANT-2', name: 'Second', timezone: 'UTC' }),
    );
    // Two facilities and no default: nothing to create an untagged sensor in.
    const untagged = await write(`kiln temp=900 ${baseNs}`);
    assert.equal(untagged.statusCode, 400);
    assert.deepEqual(untagged.json().error.details[0].message.split(':')[0], 'unknown_sensor');

    const tagged = await write(`kiln,facility=PLANT-2 temp=901 ${baseNs}`);
    assert.equal(tagged.statusCode, 204, tagged.body);
    await settings({ defaultFacilityId: second.id });
    const byDefault = await write(`kiln temp=902 ${baseNs + 1000n}`);
    assert.equal(byDefault.statusCode, 204, byDefault.body);
    const rows = await queryRows<{ facility_id: string; n: number }>(
      kit.t.database.db,
      sql`select s.facility_id, count(r.*)::int as n from sensors s left join readings r on r.sensor_id = s.id
          where s.key = 'kiln.temp' and s.tenant_id = ${kit.acme.id} group by s.facility_id`,
    );
    assert.deepEqual(rows, [{ facility_id: second.id, n: 2 }]);
    await settings({ defaultFacilityId: kit.acme.facilityId });
  });

  test(`more than ${MAX_BATCH} readings in one request are written in several batches`, async () => {
    const first = BigInt(Date.now() - 20 * 3_600_000) / 1000n;
    const count = Math.ceil(MAX_BATCH / 2) + 1;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(`bulk a=${i},b=${-i} ${first + BigInt(i)}`);
    const res = await write(lines.join('\n'), { url: '/api/v2/write?bucket=b&precision=s', gzip: true });
    assert.equal(res.statusCode, 204, res.body.slice(0, 500));
    assert.equal(res.headers['x-plantintel-written'], String(count * 2));
    const [n] = await queryRows<{ n: number }>(
      kit.t.database.db,
      sql`select count(*)::int as n from readings r join sensors s on s.id = r.sensor_id
          where s.key in ('bulk.a', 'bulk.b') and s.tenant_id = ${kit.acme.id}`,
    );
    assert.equal(n?.n, count * 2);
  });

  test('a gzip bomb, a body over the limit, bad gzip and other encodings are refused', async () => {
    const limit = kit.t.config.bulkBodyLimitBytes;
    const bomb = gzipSync(Buffer.alloc(limit + 1024, 'a'));
    assert.ok(bomb.length < 100_000);
    const res = await write(bomb, { headers: { 'content-encoding': 'gzip' } });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, 'request too large');
    assert.equal(res.json().error.code, 'payload_too_large');

    const plain = await write(Buffer.alloc(limit + 1, 'a'));
    assert.equal(plain.statusCode, 413);
    const broken = await write(Buffer.from('not gzip at all'), { headers: { 'content-encoding': 'gzip' } });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().message, 'The body is not valid gzip');
    const brotli = await write('boiler temp=1', { headers: { 'content-encoding': 'br' } });
    assert.equal(brotli.statusCode, 415);
  });

  test('an empty body is refused, as InfluxDB does', async () => {
    const res = await write('# nothing\n\n');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().message, 'writing requires points');
  });

  test('401 without or with a wrong token, 403 without scope operate, in InfluxDB shape', async () => {
    for (const [label, headers, url] of [
      ['no credentials', { authorization: '' }, '/api/v2/write'],
      ['wrong token', { authorization: 'Token pi_wrongwrongwrongwrongwrongwrong' }, '/api/v2/write'],
      ['wrong v1 password', { authorization: '' }, '/write?db=x&u=a&p=pi_wrongwrongwrongwrongwrong'],
      ['garbage', { authorization: 'Token' }, '/write'],
    ] as const) {
      const res = await write('boiler temp=1', { headers, url });
      assert.equal(res.statusCode, 401, `${label}: ${res.body}`);
      assert.equal(res.json().code, 'unauthorized', label);
      assert.equal(res.json().error.code, 'unauthorized', label);
    }
    const read = await write('boiler temp=1', { headers: { authorization: `Token ${readKey}` } });
    assert.equal(read.statusCode, 403);
    assert.equal(read.json().code, 'forbidden');
    const viewer = await write('boiler temp=1', {
      headers: { authorization: kit.s.viewer.headers.authorization as string },
    });
    assert.equal(viewer.statusCode, 403);
    // A signed-in operator's own bearer token works too.
    const operator = await write(`boiler temp=5 ${baseNs + 7000n}`, {
      headers: { authorization: kit.s.operator.headers.authorization as string },
    });
    assert.equal(operator.statusCode, 204, operator.body);
  });
});
