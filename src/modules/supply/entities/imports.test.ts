// CSV imports of the entity kinds, in the request: columns found by name, each row checked as the
// API checks a body, created or updated by its natural key, refused rows listed by line and column
// while the others are stored; order files grouped into orders by reference.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { supplyTestKit } from './testing.ts';

const kit = supplyTestKit('imports');

interface Report {
  kind: string;
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  errors: { row: number; column: string; message: string }[];
  columns: { mapped: Record<string, string>; ignored: string[] };
}

async function importCsv(kind: string, text: string, query = ''): Promise<Report> {
  const res = await kit.csv(kit.s.analyst, `/imports/${kind}${query}`, text);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const errorsOf = (r: Report) => r.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);

describe('entity files', () => {
  test('warehouses: created, then updated by code; bad rows listed, good rows kept', async () => {
    const first = await importCsv(
      'warehouses',
      [
        'Warehouse Code,Name,Lat,Lon,Capacity,Opening hours,Manager',
        'IMP-1,Hamburg,53.5,10.0,1000,08:00-12:00; 13:00-17:00,Ann',
        'IMP-2,Bremen,95,8.8,,,Bob',
        'IMP-3,Kiel,54.3,10.1,-5,,Cy',
        'IMP-4,Lübeck,,,,17:00-08:00,Di',
        'IMP-5,,,,,,Ed',
      ].join('\r\n'),
    );
    assert.equal(first.rows, 5);
    assert.equal(first.created, 1);
    assert.equal(first.rejected, 4);
    assert.deepEqual(first.columns.ignored, ['Manager']);
    assert.equal(first.columns.mapped.operatingHours, 'Opening hours');
    assert.deepEqual(errorsOf(first), [
      '3 Lat: must be <= 90',
      '4 Capacity: must be >= 0',
      '5 Opening hours: operatingHours[0]: the start (17:00) must be before the end (08:00)',
      '6 Name: is empty',
    ]);
    const second = await importCsv(
      'warehouses',
      'code,name,capacity\nIMP-1,Hamburg Port,2000\nIMP-2,Bremen,\n',
    );
    assert.equal(second.updated, 1);
    assert.equal(second.created, 1);
    const w = await kit.ok(kit.s.viewer, 'GET', '/entities/warehouses?search=IMP-1');
    assert.equal(w.items[0].name, 'Hamburg Port');
    assert.equal(w.items[0].capacity, 2000);
    assert.deepEqual(w.items[0].operatingHours, [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
  });

  test('inventory: warehouses named by code; an unknown code is a row error; updates keep other fields', async () => {
    const report = await importCsv(
      'inventory',
      [
        'location;item;description;on hand;lead time;service level;moq;category',
        'IMP-1;P-100;Pump;12,5;7;0,95;10;pumps',
        'IMP-1;P-200;Valve;3;14;0,99;;valves',
        'NOWHERE;P-300;Seal;1;1;0,9;;seals',
        'IMP-2;P-100;Pump;-1;1;0,9;;pumps',
        'IMP-2;P-400;Hose;1;1;1;;hoses',
      ].join('\n'),
      '?decimal=,',
    );
    assert.equal(report.created, 2);
    assert.deepEqual(errorsOf(report), [
      '4 location: Unknown warehouse code NOWHERE',
      '5 on hand: must be >= 0',
      '6 service level: must be < 1',
    ]);
    const update = await importCsv('inventory', 'warehouse,sku,on_hand\nIMP-1,P-100,20\n');
    assert.equal(update.updated, 1);
    const rows = await kit.ok(kit.s.viewer, 'GET', '/entities/inventory?sku=P-100');
    assert.equal(rows.items[0].onHand, 20);
    assert.equal(rows.items[0].leadTimeDays, 7);
    assert.equal(rows.items[0].serviceLevel, 0.95);
    assert.equal(rows.items[0].category, 'pumps');
  });

  test('vehicles and clients: depots by code, windows and feature lists', async () => {
    const vehicles = await importCsv(
      'vehicles',
      'code,type,capacity_kg,capacity_m3,depot,shift_start,shift_end,features\nV-1,van,900,8,IMP-1,6:00,14:00,refrigerated;tail-lift\nV-2,truck,x,30,IMP-1,,,\n',
    );
    assert.equal(vehicles.created, 1);
    assert.deepEqual(errorsOf(vehicles), ['3 capacity_kg: not a number']);
    const van = (await kit.ok(kit.s.viewer, 'GET', '/entities/vehicles?search=V-1')).items[0];
    assert.equal(van.shiftStart, '06:00');
    assert.deepEqual(van.features, ['refrigerated', 'tail-lift']);
    const clients = await importCsv(
      'clients',
      'customer,address,delivery windows,priority,service_time\n"Café Süd","Hauptstr. 1, Köln",07:00-09:00|15:00-16:00,2,12\nBar,,,1.5,\n',
    );
    assert.equal(clients.created, 1);
    assert.deepEqual(errorsOf(clients), ['3 priority: not a whole number']);
    const cafe = (await kit.ok(kit.s.viewer, 'GET', '/entities/clients?search=Köln')).items[0];
    assert.equal(cafe.name, 'Café Süd');
    assert.equal(cafe.timeWindows.length, 2);
  });

  test('orders: one row per line, grouped by reference; a bad line refuses its whole order', async () => {
    const report = await importCsv(
      'orders',
      [
        'order_number,customer,warehouse,sku,qty,requested_date,status',
        'SO-1,Café Süd,IMP-1,P-100,2,2025-03-01,confirmed',
        'SO-1,Café Süd,IMP-1,P-200,1,2025-03-01,confirmed',
        'SO-2,Café Süd,IMP-1,P-100,0,2025-03-02,confirmed',
        'SO-2,Café Süd,IMP-1,P-200,1,2025-03-02,confirmed',
        'SO-3,Nobody,IMP-1,P-100,1,2025-03-03,confirmed',
        'SO-4,Café Süd,IMP-1,P-100,1,03/04/2025,draft',
      ].join('\n'),
    );
    assert.equal(report.created, 1);
    assert.equal(report.rejected, 4);
    assert.deepEqual(errorsOf(report), [
      '4 qty: must be > 0',
      '5 order_number: Order SO-2 is not imported: another of its lines has errors',
      '6 customer: Unknown client Nobody',
      '7 requested_date: not a date (expected YYYY-MM-DD)',
    ]);
    const orders = await kit.ok(kit.s.viewer, 'GET', '/entities/orders?kind=customer');
    const so1 = orders.items.find((o: { reference: string }) => o.reference === 'SO-1');
    assert.deepEqual(so1.lines, [
      { sku: 'P-100', quantity: 2 },
      { sku: 'P-200', quantity: 1 },
    ]);
    const again = await importCsv(
      'orders',
      'reference,client,warehouse,sku,quantity,date\nSO-1,Café Süd,IMP-1,P-100,1,2025-03-01\n',
    );
    assert.deepEqual(errorsOf(again), [
      '2 reference: Order SO-1 already exists (an import does not change orders)',
    ]);
  });
});

describe('files that cannot be imported', () => {
  test('missing columns, empty files, other content types, other roles', async () => {
    const missing = await kit.csv(kit.s.analyst, '/imports/inventory', 'sku,on_hand\nA,1\n');
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /no column for warehouse/);
    assert.equal((await kit.csv(kit.s.analyst, '/imports/clients', '')).status, 400);
    assert.equal((await kit.csv(kit.s.analyst, '/imports/clients', 'name\n')).status, 400);
    const json = await kit.call(kit.s.analyst, 'POST', '/imports/clients', { name: 'x' });
    assert.equal(json.status, 415);
    assert.equal((await kit.csv(kit.s.viewer, '/imports/clients', 'name\nX\n')).status, 403);
    assert.equal((await kit.csv(kit.s.operator, '/imports/clients', 'name\nX\n')).status, 403);
  });

  test('a multipart upload works as the body does; more rows than the limit is a 413', async () => {
    const form = new FormData();
    form.append('file', new Blob(['name,priority\nMultipart client,4\n']), 'clients.csv');
    const res = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/supply/imports/clients',
      headers: kit.s.analyst.headers,
      payload: form,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 1);
    const rows = Array.from({ length: 5001 }, (_, i) => `Client ${i}`).join('\n');
    const big = await kit.csv(kit.s.analyst, '/imports/clients', `name\n${rows}\n`);
    assert.equal(big.status, 413);
    assert.equal((await kit.ok(kit.s.viewer, 'GET', '/entities/clients?search=Client 4999')).total, 0);
  });
});
