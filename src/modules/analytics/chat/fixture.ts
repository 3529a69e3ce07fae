// A hand-built analysis for the chat's tests: the findings a plant manager would see after
// uploading a generic ERP export (a machine losing time, a supplier's scrap, a part over its
// material cost, a shift over its labour hours…), ranked by impact, with figures and charts.
import { fmt } from '../analysis/frame.ts';
import type { Insight } from '../analysis/types.ts';
import type { ChatAnalysis } from './answerer.ts';

type Draft = Pick<
  Insight,
  'analyzer' | 'kind' | 'severity' | 'title' | 'detail' | 'entity' | 'recommendation' | 'rowCount'
> & {
  impact: Omit<Insight['impact'], 'score'> & { score?: number };
  evidence: Partial<Insight['evidence']> & Pick<Insight['evidence'], 'metric' | 'value'>;
};

const LABOR_RATE = 65;

export function insight(d: Draft): Insight {
  const score =
    d.impact.score ??
    d.impact.currency ??
    (d.impact.hours !== null ? d.impact.hours * LABOR_RATE : (d.impact.units ?? 0));
  const short = d.kind.slice(d.kind.indexOf('.') + 1);
  return {
    ...d,
    key: `${d.analyzer}:${short}:${d.entity?.type ?? 'facility'}:${d.entity?.id ?? '-'}`,
    impact: { ...d.impact, score },
    evidence: {
      baseline: null,
      expected: null,
      statistic: null,
      pValue: null,
      sampleSize: d.rowCount,
      ...d.evidence,
    },
    rows: d.entity
      ? { kind: 'entity', field: d.entity.type === 'part' ? 'partNumber' : d.entity.type, value: d.entity.id }
      : { kind: 'all' },
  };
}

export const SHIFT_LABOUR = insight({
  analyzer: 'efficiency',
  kind: 'efficiency.labor-variance',
  severity: 'critical',
  title: 'Shift Night: labour hours 41.7 % over plan',
  detail:
    'Night booked 1,060 labour hours against 748 planned over 142 work orders; the other shifts ran 2.3 % over plan.',
  entity: { type: 'shift', id: 'Night' },
  impact: { currency: null, hours: 312, units: null, formula: '1,060 h booked − 748 h planned = 312 h' },
  evidence: {
    metric: 'labour hours vs plan',
    value: 1.417,
    baseline: 1.023,
    expected: 1,
    statistic: { name: 't', value: 11.84 },
    pValue: 2e-12,
    sampleSize: 142,
  },
  recommendation:
    'Review the Night shift staffing and the standard hours of its routings with the shift lead.',
  rowCount: 142,
});

export const PART_MATERIAL = insight({
  analyzer: 'cost',
  kind: 'cost.material-variance',
  severity: 'critical',
  title: 'Part PN-3889: material cost 31.0 % over plan',
  detail:
    'Actual material cost 61,480 against 46,930 planned over 58 work orders; the other parts ran 1.2 % over plan.',
  entity: { type: 'part', id: 'PN-3889' },
  impact: { currency: 14_550, hours: null, units: null, formula: '61,480 actual − 46,930 planned = 14,550' },
  evidence: {
    metric: 'material cost vs plan',
    value: 1.31,
    baseline: 1.012,
    expected: 1,
    statistic: { name: 't', value: 8.02 },
    pValue: 4e-9,
    sampleSize: 58,
  },
  recommendation: 'Check the bill of materials and the purchase price of PN-3889 against its standard cost.',
  rowCount: 58,
});

export const SUPPLIER_SCRAP = insight({
  analyzer: 'quality',
  kind: 'quality.scrap-rate',
  severity: 'high',
  title: 'Supplier Precision Castings, Inc.: scrap rate 7.9 % vs 1.6 % for the rest',
  detail:
    'Work orders with material from Precision Castings, Inc. scrapped 412 of 5,215 pieces; the other suppliers 1,130 of 70,640.',
  entity: { type: 'supplier', id: 'Precision Castings, Inc.' },
  impact: {
    currency: 9_212,
    hours: null,
    units: 329,
    formula: '(7.9 % − 1.6 %) × 5,215 pieces = 329 pieces × 28 unit cost = 9,212',
  },
  evidence: {
    metric: 'scrap rate',
    value: 0.079,
    baseline: 0.016,
    statistic: { name: 'z', value: 21.7 },
    pValue: 1e-15,
    sampleSize: 61,
  },
  recommendation:
    'Hold incoming lots from Precision Castings, Inc. for inspection and open a supplier corrective action request.',
  rowCount: 61,
});

export const MACHINE_DOWNTIME = insight({
  analyzer: 'equipment',
  kind: 'equipment.downtime',
  severity: 'high',
  title: 'Machine MILL-01-M3: 4,210 min of downtime, 38.5 % of all downtime',
  detail:
    'MILL-01-M3 averaged 45.3 min of downtime per work order against 9.8 min on the other machines (93 work orders); the main reason is Breakdown.',
  entity: { type: 'machine', id: 'MILL-01-M3' },
  impact: {
    currency: null,
    hours: 55,
    units: null,
    formula: '(45.3 − 9.8) min × 93 work orders = 3,302 min ≈ 55 h',
  },
  evidence: {
    metric: 'mean downtime per work order (min)',
    value: 45.3,
    baseline: 9.8,
    statistic: { name: 't', value: 9.41 },
    pValue: 2e-7,
    sampleSize: 93,
  },
  recommendation:
    'Schedule a maintenance inspection of MILL-01-M3 and review its breakdown history with maintenance.',
  rowCount: 93,
});

export const MACHINE_FAILURES = insight({
  analyzer: 'equipment',
  kind: 'equipment.failures',
  severity: 'medium',
  title: 'Machine MILL-01-M3: 9 failures in 93 work orders (9.7 %) vs 1.1 % on the other machines',
  detail: 'MILL-01-M3 failed 9 times; mean time between failures 41.2 h against 212.4 h for the facility.',
  entity: { type: 'machine', id: 'MILL-01-M3' },
  impact: {
    currency: null,
    hours: 32.3,
    units: null,
    formula: '9 failures × 215 min mean repair time = 32.3 h',
  },
  evidence: {
    metric: 'failure rate',
    value: 0.097,
    baseline: 0.011,
    statistic: { name: 'z', value: 7.6 },
    pValue: 3e-11,
    sampleSize: 93,
  },
  recommendation: 'Plan preventive maintenance on MILL-01-M3 before its next failure.',
  rowCount: 93,
});

export const TOOL_WEAR = insight({
  analyzer: 'equipment',
  kind: 'equipment.failure-driver',
  severity: 'medium',
  title: 'Tool wear above 200 min: failure rate 12.4 % vs 1.3 % below',
  detail: 'Work orders run with tool wear above 200 min failed 12.4 % of the time (31 of 250).',
  entity: { type: 'condition', id: 'toolWearMinutes > 200' },
  impact: { currency: null, hours: 18.5, units: null, formula: '31 failures × 35.8 min = 18.5 h' },
  evidence: {
    metric: 'failure rate',
    value: 0.124,
    baseline: 0.013,
    statistic: { name: 'z', value: 12.1 },
    pValue: 1e-20,
    sampleSize: 250,
  },
  recommendation: 'Change tools before 200 min of wear.',
  rowCount: 250,
});

export const SCRAP_TREND = insight({
  analyzer: 'cross',
  kind: 'cross.baseline',
  severity: 'low',
  title: 'Scrap rate rose to 2.1 % from a baseline of 1.7 %',
  detail: 'The facility scrapped 2.1 % of its pieces in this upload against 1.7 % over the earlier analyses.',
  entity: { type: 'metric', id: 'quality.scrapRatePct' },
  impact: {
    currency: 800,
    hours: null,
    units: null,
    formula: '(2.1 % − 1.7 %) × 75,855 pieces × 28 unit cost ≈ 800',
  },
  evidence: { metric: 'scrap rate (%)', value: 2.1, baseline: 1.7, pValue: 0.012, sampleSize: 1200 },
  recommendation: 'Look at the supplier and machine findings first: they explain most of the rise.',
  rowCount: 1200,
});

export const OPERATOR_DEFECTS = insight({
  analyzer: 'quality',
  kind: 'quality.defect-rate',
  severity: 'medium',
  title: 'Operator Anna Rossi: defect rate 4.2 % vs 1.9 % for the other operators',
  detail: 'Anna Rossi’s work orders found 96 defects in 2,290 pieces.',
  entity: { type: 'operator', id: 'Anna Rossi' },
  impact: {
    currency: null,
    hours: null,
    units: 53,
    score: 600,
    formula: '(4.2 % − 1.9 %) × 2,290 pieces = 53 pieces',
  },
  evidence: {
    metric: 'defect rate',
    value: 0.042,
    baseline: 0.019,
    statistic: { name: 'z', value: 4.4 },
    pValue: 0.0003,
    sampleSize: 40,
  },
  recommendation: 'Pair Anna Rossi with a senior operator and review the work instructions of her parts.',
  rowCount: 40,
});

export function chatAnalysis(overrides: Partial<ChatAnalysis> = {}): ChatAnalysis {
  const ranked = [
    SHIFT_LABOUR,
    PART_MATERIAL,
    SUPPLIER_SCRAP,
    MACHINE_DOWNTIME,
    MACHINE_FAILURES,
    TOOL_WEAR,
    SCRAP_TREND,
    OPERATOR_DEFECTS,
  ];
  return {
    name: 'workorders-generic.csv',
    workOrders: 1_200,
    dataTier: 4,
    analyzersRun: ['cost', 'equipment', 'quality', 'efficiency'],
    skipped: [],
    insights: ranked.map((insight, k) => ({ rank: k + 1, insight })),
    metrics: {
      'quality.scrapRatePct': 2.1,
      'quality.firstPassYieldPct': 95.2,
      'equipment.downtimeMinutes': 10_935,
      'equipment.mtbfHours': 212.4,
      'cost.materialVariancePct': 3.4,
      'efficiency.laborVariancePct': 9.6,
    },
    charts: [
      {
        id: 'equipment.downtimeByMachine',
        kind: 'bar',
        title: 'Downtime by machine',
        unit: 'min',
        points: [
          { label: 'MILL-01-M3', value: 4_210 },
          { label: 'MILL-02-M2', value: 1_980 },
          { label: 'TURN-01-M1', value: 1_505 },
          { label: 'MILL-01-M1', value: 1_320 },
          { label: 'TURN-02-M3', value: 1_010 },
          { label: 'MILL-01-M2', value: 910 },
        ],
      },
      {
        id: 'quality.scrapBySupplier',
        kind: 'bar',
        title: 'Scrap rate by supplier',
        unit: '%',
        points: [
          { label: 'Precision Castings, Inc.', value: 7.9 },
          { label: 'Acme Metals Corp.', value: 1.9 },
          { label: 'Müller Stahlhandel GmbH', value: 1.5 },
          { label: 'Pacific Alloy Supply', value: 1.4 },
        ],
      },
      {
        id: 'cost.driversByPart',
        kind: 'pareto',
        title: 'Cost overrun by part',
        unit: 'currency',
        points: [
          { label: 'PN-3889', value: 14_550 },
          { label: 'PN-3027', value: 2_210 },
          { label: 'PN-8199', value: 1_130 },
        ],
      },
    ],
    narrative:
      '1,200 work orders analysed (data tier 4 of 4): 8 findings, 4 of them high or critical.\n' +
      'Start with: Review the Night shift staffing and the standard hours of its routings with the shift lead.',
    ...overrides,
  };
}

// Numbers in text as the chat's check reads them: thousands separators and trailing zeros dropped.
const NUMBER = /(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])-?\d+(?:\.\d+)?/g;
const norm = (s: string) => {
  let t = s.replaceAll(',', '').replace(/^-/, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t;
};
export const numbersOf = (text: string) => [...text.matchAll(NUMBER)].map((m) => norm(m[0]));

/** Every number the analysis holds, as written and as `fmt` rounds it; and shares of a chart point in a metric. */
export function numbersOfAnalysis(a: ChatAnalysis): Set<string> {
  const out = new Set<string>();
  const text = (s: string | null | undefined) => {
    for (const n of numbersOf(s ?? '')) out.add(n);
  };
  const value = (x: number | null | undefined) => {
    if (x === null || x === undefined || !Number.isFinite(x)) return;
    for (const d of [0, 1, 2, 3, 4]) text(fmt(x, d));
  };
  text(a.name);
  text(a.narrative);
  value(a.workOrders);
  value(a.dataTier);
  for (const { rank, insight: i } of a.insights) {
    value(rank);
    for (const s of [i.title, i.detail, i.impact.formula, i.recommendation, i.evidence.metric, i.entity?.id])
      text(s);
    for (const x of [i.impact.currency, i.impact.hours, i.impact.units, i.rowCount]) value(x);
    const e = i.evidence;
    for (const x of [e.value, e.baseline, e.expected, e.statistic?.value, e.pValue, e.sampleSize]) value(x);
  }
  for (const [name, x] of Object.entries(a.metrics)) {
    text(name);
    value(x);
  }
  for (const c of a.charts) {
    text(c.title);
    for (const p of c.points) {
      text(p.label);
      value(p.value);
      for (const total of Object.values(a.metrics)) if (total > 0) value((p.value / total) * 100);
    }
  }
  for (let n = 0; n <= a.insights.length; n++) value(n);
  return out;
}
