// SAP PP/CO order reports (COOIS-style layouts with confirmation and cost columns), as a user with
// English and with German settings exports them.

import {
  col,
  type DialectSpec,
  date,
  defectCodes,
  derived,
  flag,
  type Labels,
  label,
  num,
  reasonsIn,
} from './dialect.ts';
import { dayTable } from './format.ts';
import type { Plant } from './plant.ts';

const WC_EN = { saw: 'SAW', weld: 'WELD', mill: 'MILL', turn: 'TURN' } as const;
const WC_DE = { saw: 'SAEGE', weld: 'SCHW', mill: 'FRAES', turn: 'DREH' } as const;

function sapLabels(plant: Plant, lang: 'en' | 'de'): Labels {
  const names = lang === 'en' ? WC_EN : WC_DE;
  return {
    part: plant.parts.map((p) => `4000${p.num}`),
    family: plant.families.map((f) => f[lang]),
    workCenter: plant.workCenters.map((wc) => `${names[wc.kind]}0${wc.n}`),
    // PM equipment numbers.
    machine: plant.machines.map((m) => String(10_000_000 + (m.workCenter + 1) * 100 + m.n)),
    operator: plant.operators.map((o) => String(o.personnelNo).padStart(8, '0')),
    shift: lang === 'en' ? ['A', 'B', 'C'] : ['Früh', 'Spät', 'Nacht'],
    supplier: plant.suppliers,
    customer: plant.customers,
    reason: reasonsIn(lang),
    defect: defectCodes(),
    facility: '1000',
    workOrder: (order) => String(1_000_000 + order),
    lot: (lot) => String(lot).padStart(10, '0'),
  };
}

const reason = derived((r, l) => (r.downtimeReason < 0 ? '' : (l.reason[r.downtimeReason] as string)));
const defect = derived((r, l) => (r.defectType < 0 ? '' : (l.defect[r.defectType] as string)));
const facility = derived((_, l) => l.facility);
const workOrder = derived((r, l) => l.workOrder(r.order));
const lot = derived((r, l) => l.lot(r.lot));
const operation = derived((r) => String(r.opSeq).padStart(4, '0'));
const createdOn = (pattern: string) => {
  const days = dayTable(pattern);
  return derived((r) => days[Math.max(0, Math.floor(r.plannedStart / 1440) - 3 - (r.order % 5))] as string);
};

export const SAP: DialectSpec = {
  erp: 'sap',
  system: 'SAP S/4HANA (English)',
  encoding: 'utf-8',
  delimiter: ',',
  decimal: '.',
  thousands: ',',
  lineEnding: '\r\n',
  dateFormat: 'MM/DD/YYYY',
  labels: (plant) => sapLabels(plant, 'en'),
  columns: [
    col('Order', 'workOrder', workOrder),
    col(
      'Order Type',
      null,
      derived(() => 'PP01'),
    ),
    col('Operation', 'operationSeq', operation, { operationOnly: true }),
    col('Plant', 'facility', facility),
    col('Material', 'partNumber', label('part')),
    col('Material Group', 'partFamily', label('family')),
    col('Work Center', 'workCenter', label('workCenter')),
    col('Equipment', 'machine', label('machine')),
    col('Personnel Number', 'operator', label('operator')),
    col('Shift', 'shift', label('shift')),
    col('Vendor', 'supplier', label('supplier')),
    col('Batch', 'materialLot', lot),
    col('Sold-to Party', 'customer', label('customer')),
    col('Order Quantity', 'qtyPlanned', num('qtyPlanned')),
    col('Confirmed Yield', 'qtyCompleted', num('qtyCompleted')),
    col('Confirmed Scrap', 'qtyScrap', num('qtyScrap')),
    col('Confirmed Rework', 'qtyRework', num('qtyRework')),
    col('Basic Start Date', 'plannedStart', date('plannedStart')),
    col('Basic Finish Date', 'plannedEnd', date('plannedEnd')),
    col('Actual Start Date', 'actualStart', date('actualStart')),
    col('Actual Finish Date', 'actualEnd', date('actualEnd')),
    col('Std. Labor Hours', 'laborHoursPlanned', num('laborHoursPlanned', 2)),
    col('Act. Labor Hours', 'laborHoursActual', num('laborHoursActual', 2)),
    col('Setup Time (H)', 'setupHours', num('setupHours', 2)),
    col('Machine Time (H)', 'runHours', num('runHours', 2)),
    col('Downtime (Min)', 'downtimeMinutes', num('downtimeMinutes')),
    col('Reason for Variance', 'downtimeReason', reason),
    col('Plan Costs Material', 'materialCostPlanned', num('materialCostPlanned', 2, true)),
    col('Act. Costs Material', 'materialCostActual', num('materialCostActual', 2, true)),
    col('Plan Costs Labor', 'laborCostPlanned', num('laborCostPlanned', 2, true)),
    col('Act. Costs Labor', 'laborCostActual', num('laborCostActual', 2, true)),
    col('Total Plan Costs', 'standardCostTotal', num('standardCostTotal', 2, true)),
    col('Total Act. Costs', 'actualCostTotal', num('actualCostTotal', 2, true)),
    col('Number of Defects', 'defectCount', num('defectCount')),
    col('Defect Code', 'defectType', defect),
    col('Breakdown', 'machineFailure', flag('X', '')),
    col('Tool Life Used (Min)', 'toolWearMinutes', num('toolWearMinutes')),
    col('Process Temp. (°C)', 'processTemperature', num('processTemperature', 1)),
    col('Spindle Speed (RPM)', 'spindleSpeed', num('spindleSpeed')),
    col('Torque (Nm)', 'torque', num('torque', 1)),
    col(
      'MRP Controller',
      null,
      derived((r) => `0${10 + (r.part % 4)}`),
    ),
    col('Created On', null, createdOn('YYYYMMDD')),
  ],
};

export const SAP_DE: DialectSpec = {
  erp: 'sap-de',
  system: 'SAP S/4HANA (Deutsch)',
  encoding: 'windows-1252',
  delimiter: ';',
  decimal: ',',
  thousands: '.',
  lineEnding: '\r\n',
  dateFormat: 'DD.MM.YYYY',
  labels: (plant) => sapLabels(plant, 'de'),
  columns: [
    col('Auftrag', 'workOrder', workOrder),
    col(
      'Auftragsart',
      null,
      derived(() => 'PP01'),
    ),
    col('Vorgang', 'operationSeq', operation, { operationOnly: true }),
    col('Werk', 'facility', facility),
    col('Material', 'partNumber', label('part')),
    col('Warengruppe', 'partFamily', label('family')),
    col('Arbeitsplatz', 'workCenter', label('workCenter')),
    col('Equipment', 'machine', label('machine')),
    col('Personalnummer', 'operator', label('operator')),
    col('Schicht', 'shift', label('shift')),
    col('Lieferant', 'supplier', label('supplier')),
    col('Charge', 'materialLot', lot),
    col('Auftraggeber', 'customer', label('customer')),
    col('Gesamtauftragsmenge', 'qtyPlanned', num('qtyPlanned', 0, true)),
    col('Gutmenge', 'qtyCompleted', num('qtyCompleted', 0, true)),
    col('Ausschussmenge', 'qtyScrap', num('qtyScrap', 0, true)),
    col('Nacharbeitsmenge', 'qtyRework', num('qtyRework', 0, true)),
    col('Eckstarttermin', 'plannedStart', date('plannedStart')),
    col('Eckendtermin', 'plannedEnd', date('plannedEnd')),
    col('Ist-Starttermin', 'actualStart', date('actualStart')),
    col('Ist-Endtermin', 'actualEnd', date('actualEnd')),
    col('Vorgabezeit Personal (Std)', 'laborHoursPlanned', num('laborHoursPlanned', 2, true)),
    col('Ist-Personalzeit (Std)', 'laborHoursActual', num('laborHoursActual', 2, true)),
    col('Rüstzeit (Std)', 'setupHours', num('setupHours', 2, true)),
    col('Maschinenzeit (Std)', 'runHours', num('runHours', 2, true)),
    col('Stillstandszeit (Min)', 'downtimeMinutes', num('downtimeMinutes', 0, true)),
    col('Abweichungsursache', 'downtimeReason', reason),
    col('Plankosten Material', 'materialCostPlanned', num('materialCostPlanned', 2, true)),
    col('Istkosten Material', 'materialCostActual', num('materialCostActual', 2, true)),
    col('Plankosten Fertigung', 'laborCostPlanned', num('laborCostPlanned', 2, true)),
    col('Istkosten Fertigung', 'laborCostActual', num('laborCostActual', 2, true)),
    col('Plankosten Gemeinkosten', 'overheadCostPlanned', num('overheadCostPlanned', 2, true)),
    col('Istkosten Gemeinkosten', 'overheadCostActual', num('overheadCostActual', 2, true)),
    col('Plankosten gesamt (€)', 'standardCostTotal', num('standardCostTotal', 2, true)),
    col('Istkosten gesamt (€)', 'actualCostTotal', num('actualCostTotal', 2, true)),
    col('Fehleranzahl', 'defectCount', num('defectCount', 0, true)),
    col('Fehlerart', 'defectType', defect),
    col('Störung', 'machineFailure', flag('X', '')),
    col('Werkzeugverschleiß (Min)', 'toolWearMinutes', num('toolWearMinutes', 0, true)),
    col('Prozesstemperatur (°C)', 'processTemperature', num('processTemperature', 1, true)),
    col('Drehzahl (U/min)', 'spindleSpeed', num('spindleSpeed', 0, true)),
    col(
      'Disponent',
      null,
      derived((r) => `0${10 + (r.part % 4)}`),
    ),
    col('Erfasst am', null, createdOn('DD.MM.YYYY')),
  ],
};
