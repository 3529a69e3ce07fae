// Oracle E-Business Suite / Fusion WIP job exports, Odoo MRP manufacturing-order exports and a plain
// spreadsheet someone built by hand (Excel serial dates, a BOM, yes/no in 0/1).

import { col, type DialectSpec, date, defectCodes, derived, flag, label, num, reasonsIn } from './dialect.ts';
import { dayTable } from './format.ts';
import type { OpRow } from './orders.ts';

const defect = derived((r, l) => (r.defectType < 0 ? '' : (l.defect[r.defectType] as string)));
const reasonText = derived((r, l) => (r.downtimeReason < 0 ? '' : (l.reason[r.downtimeReason] as string)));
const facility = derived((_, l) => l.facility);
const workOrder = derived((r, l) => l.workOrder(r.order));
const lot = derived((r, l) => l.lot(r.lot));
const opSeq = derived((r) => String(r.opSeq));
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ORACLE_REASONS = ['BRKDN', 'MATL', 'TOOL', 'QA', 'SETUP', 'LABOR'];
const WC_NAMES = { saw: 'Sawing', weld: 'Welding', mill: 'Milling', turn: 'Turning' } as const;
const WC_CODES = { saw: 'SAW', weld: 'WELD', mill: 'MILL', turn: 'TURN' } as const;
const minutes = (key: 'laborHoursPlanned' | 'laborHoursActual' | 'setupHours') =>
  derived((r: OpRow) => (Math.round(r[key] * 6000) / 100).toFixed(2));

export const ORACLE: DialectSpec = {
  erp: 'oracle',
  system: 'Oracle E-Business Suite WIP',
  encoding: 'utf-8',
  delimiter: ',',
  decimal: '.',
  thousands: '',
  lineEnding: '\n',
  dateFormat: 'DD-MON-YYYY',
  labels: (plant) => ({
    part: plant.parts.map((p) => `AS${p.num}`),
    family: plant.families.map((f) => f.en.toUpperCase()),
    workCenter: plant.workCenters.map((wc) => `${WC_CODES[wc.kind]}${wc.n}`),
    machine: plant.machines.map((m) => {
      const wc = plant.workCenters[m.workCenter];
      return `${wc ? WC_CODES[wc.kind] : 'RES'}-R${m.workCenter + 1}${m.n}`;
    }),
    operator: plant.operators.map((o) => String(o.personnelNo)),
    shift: ['1', '2', '3'],
    supplier: plant.suppliers,
    customer: plant.customers,
    reason: ORACLE_REASONS,
    defect: defectCodes(),
    facility: 'M1',
    workOrder: (order) => `WIP${pad(100_000 + order, 7)}`,
    lot: (l) => `LT${l}`,
  }),
  columns: [
    col('WIP_ENTITY_NAME', 'workOrder', workOrder),
    col('ORGANIZATION_CODE', 'facility', facility),
    col('OPERATION_SEQ_NUM', 'operationSeq', opSeq, { operationOnly: true }),
    col('PRIMARY_ITEM', 'partNumber', label('part')),
    col('ITEM_CATEGORY', 'partFamily', label('family')),
    col('DEPARTMENT_CODE', 'workCenter', label('workCenter')),
    col('RESOURCE_CODE', 'machine', label('machine')),
    col('EMPLOYEE_NUM', 'operator', label('operator')),
    col('SHIFT_NUM', 'shift', label('shift')),
    col('VENDOR_NAME', 'supplier', label('supplier')),
    col('LOT_NUMBER', 'materialLot', lot),
    col('CUSTOMER_NAME', 'customer', label('customer')),
    col(
      'CLASS_CODE',
      null,
      derived(() => 'Discrete'),
    ),
    col('START_QUANTITY', 'qtyPlanned', num('qtyPlanned')),
    col('QUANTITY_COMPLETED', 'qtyCompleted', num('qtyCompleted')),
    col('QUANTITY_SCRAPPED', 'qtyScrap', num('qtyScrap')),
    col('SCHEDULED_START_DATE', 'plannedStart', date('plannedStart')),
    col('SCHEDULED_COMPLETION_DATE', 'plannedEnd', date('plannedEnd')),
    col('ACTUAL_START_DATE', 'actualStart', date('actualStart')),
    col('DATE_COMPLETED', 'actualEnd', date('actualEnd')),
    col('STANDARD_LABOR_HOURS', 'laborHoursPlanned', num('laborHoursPlanned', 2)),
    col('ACTUAL_LABOR_HOURS', 'laborHoursActual', num('laborHoursActual', 2)),
    col('SETUP_HOURS', 'setupHours', num('setupHours', 2)),
    col('RUN_HOURS', 'runHours', num('runHours', 2)),
    col('DOWNTIME_MINUTES', 'downtimeMinutes', num('downtimeMinutes')),
    col('DOWNTIME_REASON_CODE', 'downtimeReason', reasonText),
    col('STD_MATERIAL_COST', 'materialCostPlanned', num('materialCostPlanned', 2)),
    col('ACTUAL_MATERIAL_COST', 'materialCostActual', num('materialCostActual', 2)),
    col('STD_RESOURCE_COST', 'laborCostPlanned', num('laborCostPlanned', 2)),
    col('ACTUAL_RESOURCE_COST', 'laborCostActual', num('laborCostActual', 2)),
    col('STD_OVERHEAD_COST', 'overheadCostPlanned', num('overheadCostPlanned', 2)),
    col('ACTUAL_OVERHEAD_COST', 'overheadCostActual', num('overheadCostActual', 2)),
    col('DEFECT_CODE', 'defectType', defect),
    col('MACHINE_FAILURE_FLAG', 'machineFailure', flag('Y', 'N')),
    col('TOOL_WEAR_MIN', 'toolWearMinutes', num('toolWearMinutes')),
    col('PROCESS_TEMP_C', 'processTemperature', num('processTemperature', 1)),
    col('SPINDLE_RPM', 'spindleSpeed', num('spindleSpeed')),
    col('TORQUE_NM', 'torque', num('torque', 1)),
    col(
      'STATUS_TYPE_DISP',
      null,
      derived(() => 'Complete'),
    ),
    col(
      'CREATED_BY',
      null,
      derived((r) => (r.order % 3 === 0 ? 'MFG_PLANNER' : 'OPERATIONS')),
    ),
  ],
};

export const ODOO: DialectSpec = {
  erp: 'odoo',
  system: 'Odoo 17 Manufacturing',
  encoding: 'utf-8',
  delimiter: ',',
  decimal: '.',
  thousands: '',
  lineEnding: '\n',
  dateFormat: 'YYYY-MM-DD HH:mm:ss',
  labels: (plant) => ({
    part: plant.parts.map((p) => `[FG-${p.num}] ${p.name.en}`),
    family: plant.families.map((f) => `All / Saleable / ${f.en}`),
    workCenter: plant.workCenters.map((wc) => `${WC_NAMES[wc.kind]} ${wc.n}`),
    machine: plant.machines.map((m) => {
      const wc = plant.workCenters[m.workCenter];
      return `${wc ? WC_NAMES[wc.kind] : 'Machine'} ${wc?.n ?? 1} / #${m.n}`;
    }),
    operator: plant.operators.map((o) => o.name),
    shift: ['Morning', 'Afternoon', 'Night'],
    supplier: plant.suppliers,
    customer: plant.customers,
    reason: reasonsIn('en'),
    defect: defectCodes(),
    facility: 'WH',
    workOrder: (order) => `WH/MO/${pad(order + 1, 5)}`,
    lot: (l) => `LOT/${pad(l, 7)}`,
  }),
  columns: [
    col('Reference', 'workOrder', workOrder),
    col('Sequence', 'operationSeq', opSeq, { operationOnly: true }),
    col('Product', 'partNumber', label('part')),
    col('Product Category', 'partFamily', label('family')),
    col('Warehouse', 'facility', facility),
    col('Work Center', 'workCenter', label('workCenter')),
    col('Equipment', 'machine', label('machine')),
    col('Employee', 'operator', label('operator')),
    col('Shift', 'shift', label('shift')),
    col('Vendor', 'supplier', label('supplier')),
    col('Lot/Serial Number', 'materialLot', lot),
    col('Customer', 'customer', label('customer')),
    col(
      'Responsible',
      null,
      derived((r) => (r.order % 2 ? 'Mitchell Admin' : 'Marc Demo')),
    ),
    col('Quantity To Produce', 'qtyPlanned', num('qtyPlanned', 2)),
    col('Quantity Produced', 'qtyCompleted', num('qtyCompleted', 2)),
    col('Scrapped Quantity', 'qtyScrap', num('qtyScrap', 2)),
    col('Scheduled Date', 'plannedStart', date('plannedStart')),
    col('Scheduled End Date', 'plannedEnd', date('plannedEnd')),
    col('Start Date', 'actualStart', date('actualStart')),
    col('End Date', 'actualEnd', date('actualEnd')),
    col('Expected Duration', 'laborHoursPlanned', minutes('laborHoursPlanned'), { unit: 'min' }),
    col('Real Duration', 'laborHoursActual', minutes('laborHoursActual'), { unit: 'min' }),
    col('Setup Time', 'setupHours', minutes('setupHours'), { unit: 'min' }),
    col('Blocked Time (min)', 'downtimeMinutes', num('downtimeMinutes', 2)),
    col('Loss Reason', 'downtimeReason', reasonText),
    col('Expected Component Cost', 'materialCostPlanned', num('materialCostPlanned', 2)),
    col('Real Component Cost', 'materialCostActual', num('materialCostActual', 2)),
    col('Expected Operation Cost', 'laborCostPlanned', num('laborCostPlanned', 2)),
    col('Real Operation Cost', 'laborCostActual', num('laborCostActual', 2)),
    col('Total Cost', 'actualCostTotal', num('actualCostTotal', 2)),
    col('Quality Alerts', 'defectCount', num('defectCount')),
    col('Breakdown', 'machineFailure', flag('True', 'False')),
    col('Tool Wear (min)', 'toolWearMinutes', num('toolWearMinutes')),
    col('Process Temperature (°C)', 'processTemperature', num('processTemperature', 1)),
    col('Air Temperature (°C)', 'ambientTemperature', num('ambientTemperature', 1)),
    col('Rotational Speed (rpm)', 'spindleSpeed', num('spindleSpeed')),
    col('Torque (Nm)', 'torque', num('torque', 1)),
    col(
      'Status',
      null,
      derived(() => 'Done'),
    ),
  ],
};

const entered = dayTable('MM/DD/YYYY');
const NOTES = [
  '',
  '',
  '',
  '',
  '',
  '',
  'Rush order, expedite',
  'Customer asked "ASAP"',
  'Re-run after QA hold',
  '',
];

export const GENERIC: DialectSpec = {
  erp: 'generic',
  system: 'Spreadsheet (generic English)',
  encoding: 'utf-8-bom',
  delimiter: ',',
  decimal: '.',
  thousands: '',
  lineEnding: '\r\n',
  dateFormat: 'YYYY-MM-DD HH:mm',
  labels: (plant) => ({
    part: plant.parts.map((p) => `PN-${p.num}`),
    family: plant.families.map((f) => f.en),
    workCenter: plant.workCenters.map((wc) => `${WC_CODES[wc.kind]}-0${wc.n}`),
    machine: plant.machines.map((m) => {
      const wc = plant.workCenters[m.workCenter];
      return `${wc ? WC_CODES[wc.kind] : 'M'}-0${wc?.n ?? 1}-M${m.n}`;
    }),
    operator: plant.operators.map((o) => o.name),
    shift: ['Day', 'Swing', 'Night'],
    supplier: plant.suppliers,
    customer: plant.customers,
    reason: reasonsIn('en'),
    defect: ['Dimensional', 'Surface finish', 'Burr', 'Porosity', 'Crack', 'Thread damage'],
    facility: 'Springfield',
    workOrder: (order) => `WO-${pad(order + 1, 6)}`,
    lot: (l) => `LOT-${l}`,
  }),
  columns: [
    col('Work Order #', 'workOrder', workOrder),
    col('Op Seq', 'operationSeq', opSeq, { operationOnly: true }),
    col('Part No', 'partNumber', label('part')),
    col('Part Family', 'partFamily', label('family')),
    col('Site', 'facility', facility),
    col('Work Center', 'workCenter', label('workCenter')),
    col('Machine', 'machine', label('machine')),
    col('Operator', 'operator', label('operator')),
    col('Shift', 'shift', label('shift')),
    col('Supplier', 'supplier', label('supplier')),
    col('Material Lot', 'materialLot', lot),
    col('Customer', 'customer', label('customer')),
    col('Qty Ordered', 'qtyPlanned', num('qtyPlanned')),
    col('Qty Good', 'qtyCompleted', num('qtyCompleted')),
    col('Qty Scrap', 'qtyScrap', num('qtyScrap')),
    col('Qty Rework', 'qtyRework', num('qtyRework')),
    col('Planned Start', 'plannedStart', date('plannedStart', 'excel')),
    col('Due Date', 'plannedEnd', date('plannedEnd', 'excel')),
    col('Actual Start', 'actualStart', date('actualStart')),
    col('Actual Finish', 'actualEnd', date('actualEnd')),
    col('Planned Labor Hrs', 'laborHoursPlanned', num('laborHoursPlanned', 2)),
    col('Actual Labor Hrs', 'laborHoursActual', num('laborHoursActual', 2)),
    col('Setup Hrs', 'setupHours', num('setupHours', 2)),
    col('Run Hrs', 'runHours', num('runHours', 2)),
    col('Downtime Minutes', 'downtimeMinutes', num('downtimeMinutes')),
    col('Downtime Reason', 'downtimeReason', reasonText),
    col('Std Material Cost', 'materialCostPlanned', num('materialCostPlanned', 2)),
    col('Actual Material Cost', 'materialCostActual', num('materialCostActual', 2)),
    col('Std Labor Cost', 'laborCostPlanned', num('laborCostPlanned', 2)),
    col('Actual Labor Cost', 'laborCostActual', num('laborCostActual', 2)),
    col('Std Overhead', 'overheadCostPlanned', num('overheadCostPlanned', 2)),
    col('Actual Overhead', 'overheadCostActual', num('overheadCostActual', 2)),
    col('Defects', 'defectCount', num('defectCount')),
    col('Defect Type', 'defectType', defect),
    col('Machine Failure', 'machineFailure', flag('1', '0')),
    col('Tool Wear [min]', 'toolWearMinutes', num('toolWearMinutes')),
    col('Process Temp C', 'processTemperature', num('processTemperature', 1)),
    col('Air Temp C', 'ambientTemperature', num('ambientTemperature', 1)),
    col('Speed RPM', 'spindleSpeed', num('spindleSpeed')),
    col('Torque Nm', 'torque', num('torque', 1)),
    col(
      'Notes',
      null,
      derived((r) => NOTES[r.order % NOTES.length] as string, true),
    ),
    col(
      'Entered',
      null,
      derived((r) => entered[Math.floor(r.plannedStart / 1440)] as string),
    ),
  ],
};
