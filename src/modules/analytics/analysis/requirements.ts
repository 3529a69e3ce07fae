// Which analyzers an import can feed (the orchestrator's decision, issue 14) and its data tier.
// An analyzer runs when one of its field sets is fully mapped; otherwise it is skipped, and the
// analysis says which fields it lacked — the smallest set that would have let it run.
import { ANALYZERS, type AnalyzerName } from './types.ts';

/** Per analyzer: any one of these field sets lets it run (qtyCompleted etc. are always mapped). */
export const ANALYZER_NEEDS: Record<AnalyzerName, readonly (readonly string[])[]> = {
  cost: [
    ['materialCostPlanned', 'materialCostActual'],
    ['laborCostPlanned', 'laborCostActual'],
    ['overheadCostPlanned', 'overheadCostActual'],
    ['standardCostTotal', 'actualCostTotal'],
    ['laborHoursPlanned', 'laborHoursActual'],
  ],
  equipment: [
    ['machine', 'downtimeMinutes'],
    ['machine', 'machineFailure'],
    ['workCenter', 'downtimeMinutes'],
    ['workCenter', 'machineFailure'],
    // Process logs without a machine column (AI4I-style): failures, conditions and the risk model.
    ['machineFailure', 'toolWearMinutes'],
    ['machineFailure', 'processTemperature'],
    ['machineFailure', 'torque'],
    ['machineFailure', 'spindleSpeed'],
  ],
  quality: [['qtyScrap'], ['qtyRework'], ['defectCount']],
  efficiency: [
    ['plannedEnd', 'actualEnd'],
    ['laborHoursPlanned', 'laborHoursActual'],
    ['laborHoursPlanned', 'runHours'],
    ['setupHours', 'runHours'],
  ],
};

export interface AnalyzerPlan {
  analyzer: AnalyzerName;
  runs: boolean;
  /** When it does not run: the fields of the field set closest to complete that are missing. */
  lacked: string[];
}

export function planAnalyzers(fields: ReadonlySet<string>): AnalyzerPlan[] {
  return ANALYZERS.map((analyzer) => {
    const missing = ANALYZER_NEEDS[analyzer].map((set) => set.filter((f) => !fields.has(f)));
    const runs = missing.some((m) => m.length === 0);
    const closest = [...missing].sort((a, b) => a.length - b.length)[0] ?? [];
    return { analyzer, runs, lacked: runs ? [] : closest };
  });
}

const ENTITY_FIELDS = ['machine', 'workCenter', 'operator', 'shift', 'supplier', 'partFamily', 'materialLot'];
const PROCESS_FIELDS = [
  'toolWearMinutes',
  'processTemperature',
  'ambientTemperature',
  'spindleSpeed',
  'torque',
];
const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'];

/**
 * The data tier, 1–4, as the seed's `data_tier`: 1 — only quantities; 2 — plus costs or hours (what
 * a money ranking needs); 3 — plus dates and at least three entity fields (who, where, when);
 * 4 — plus a failure flag and process measurements (what the failure-risk model needs).
 */
export function dataTier(fields: ReadonlySet<string>): 1 | 2 | 3 | 4 {
  const any = (list: readonly string[]) => list.some((f) => fields.has(f));
  const moneyOrHours = any([
    'materialCostActual',
    'laborCostActual',
    'overheadCostActual',
    'actualCostTotal',
    'laborHoursActual',
    'runHours',
  ]);
  if (!moneyOrHours) return 1;
  const entities = ENTITY_FIELDS.filter((f) => fields.has(f)).length;
  if (!any(DATE_FIELDS) || entities < 3) return 2;
  if (!fields.has('machineFailure') || PROCESS_FIELDS.filter((f) => fields.has(f)).length < 2) return 3;
  return 4;
}
