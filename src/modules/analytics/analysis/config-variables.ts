// The 39 analyzer configuration variables of the seed's AnalyzerConfigEditor (issue 14): each with
// its unit, range, the analyzer that reads it and its value in the three presets (conservative,
// balanced — the default —, aggressive). config.ts reads and checks configurations against them.
export type ConfigScope = 'shared' | 'cost' | 'equipment' | 'quality' | 'efficiency';

export const SPC_RULE_SETS = ['we1', 'western-electric', 'nelson'] as const;
export type SpcRuleSet = (typeof SPC_RULE_SETS)[number];

interface NumberVariable {
  key: string;
  analyzer: ConfigScope;
  type: 'number' | 'integer';
  unit: string;
  min: number;
  max: number;
  description: string;
  /** conservative, balanced (the default), aggressive. */
  presets: [number, number, number];
}
interface BooleanVariable {
  key: string;
  analyzer: ConfigScope;
  type: 'boolean';
  unit: '';
  description: string;
  presets: [boolean, boolean, boolean];
}
interface EnumVariable {
  key: string;
  analyzer: ConfigScope;
  type: 'enum';
  unit: '';
  values: readonly string[];
  description: string;
  presets: [string, string, string];
}
export type ConfigVariableDef = NumberVariable | BooleanVariable | EnumVariable;

const num = (
  key: string,
  analyzer: ConfigScope,
  unit: string,
  [min, max]: [number, number],
  presets: [number, number, number],
  description: string,
  type: 'number' | 'integer' = 'number',
): NumberVariable => ({ key, analyzer, type, unit, min, max, presets, description });
const int = (
  key: string,
  analyzer: ConfigScope,
  unit: string,
  range: [number, number],
  presets: [number, number, number],
  description: string,
) => num(key, analyzer, unit, range, presets, description, 'integer');

export const CONFIG_VARIABLES: readonly ConfigVariableDef[] = [
  // shared
  int(
    'min_sample_size',
    'shared',
    'work orders',
    [2, 10_000],
    [20, 10, 5],
    'Fewest work orders an entity needs before it is judged',
  ),
  num(
    'confidence_level',
    'shared',
    'probability',
    [0.8, 0.999],
    [0.99, 0.95, 0.9],
    'Confidence a difference must reach (1 − the adjusted p-value) to be reported',
  ),
  int(
    'baseline_window_days',
    'shared',
    'days',
    [1, 3650],
    [180, 90, 30],
    'Earlier analyses of the facility inside this window form its baseline',
  ),
  int(
    'trend_min_points',
    'shared',
    'periods',
    [4, 200],
    [12, 8, 6],
    'Fewest weekly points before a trend is tested (Mann-Kendall)',
  ),
  num(
    'correlation_min_abs',
    'shared',
    '|rho|',
    [0.05, 0.99],
    [0.5, 0.3, 0.2],
    'Smallest rank correlation between two fields that is reported',
  ),
  // cost
  num(
    'cost_variance_threshold_pct',
    'cost',
    '%',
    [0.1, 500],
    [15, 10, 5],
    'Total cost over plan by more than this is reported (per entity and overall)',
  ),
  num(
    'material_variance_threshold_pct',
    'cost',
    '%',
    [0.1, 500],
    [15, 10, 5],
    'Material cost over plan by more than this is reported',
  ),
  num(
    'labor_variance_threshold_pct',
    'cost',
    '%',
    [0.1, 500],
    [20, 15, 10],
    'Labour cost over plan by more than this is reported',
  ),
  num(
    'overhead_variance_threshold_pct',
    'cost',
    '%',
    [0.1, 500],
    [20, 15, 10],
    'Overhead cost over plan by more than this is reported',
  ),
  num(
    'cost_outlier_z',
    'cost',
    'z',
    [1.5, 20],
    [3.5, 3, 2.5],
    'Robust z-score of cost per piece above which a work order is an outlier',
  ),
  num(
    'min_cost_impact',
    'cost',
    'currency',
    [0, 1e9],
    [5000, 1000, 250],
    'Cost findings worth less than this are left out',
  ),
  num(
    'default_labor_rate',
    'cost',
    'currency/h',
    [1, 10_000],
    [45, 45, 45],
    'Rate that turns hours into money when labour cost is not mapped',
  ),
  {
    key: 'include_scrap_cost',
    analyzer: 'cost',
    type: 'boolean',
    unit: '',
    presets: [true, true, true],
    description: 'Value scrapped pieces at their unit cost and report the scrap cost',
  },
  int(
    'top_cost_drivers',
    'cost',
    'entities',
    [1, 50],
    [3, 5, 10],
    'How many parts, work centers and suppliers the cost-driver ranking names',
  ),
  // equipment
  num(
    'downtime_threshold_minutes',
    'equipment',
    'min',
    [1, 100_000],
    [60, 30, 15],
    'Downtime on one work order at or above this counts as a stoppage (MTBF/MTTR when no failure flag)',
  ),
  num(
    'downtime_share_threshold_pct',
    'equipment',
    '%',
    [1, 100],
    [35, 25, 15],
    'A machine with more than this share of all downtime is reported',
  ),
  num(
    'mtbf_alert_hours',
    'equipment',
    'h',
    [1, 100_000],
    [50, 100, 200],
    'Machines failing more often than every this many run hours are reported',
  ),
  num(
    'failure_risk_threshold',
    'equipment',
    'probability',
    [0.01, 0.99],
    [0.6, 0.4, 0.25],
    'Predicted failure probability at which a work order counts as high risk',
  ),
  int(
    'failure_horizon_days',
    'equipment',
    'days',
    [1, 365],
    [30, 30, 30],
    'Horizon of the expected-failures forecast per machine',
  ),
  int(
    'repeat_failure_count',
    'equipment',
    'failures',
    [2, 100],
    [4, 3, 2],
    'Failures of one machine inside the window that make a repeated-failure alert',
  ),
  int(
    'repeat_failure_window_days',
    'equipment',
    'days',
    [1, 365],
    [14, 30, 60],
    'Window of the repeated-failure alert',
  ),
  num(
    'utilization_high_pct',
    'equipment',
    '%',
    [1, 100],
    [90, 85, 80],
    'Machine utilisation above this is reported as overloaded',
  ),
  num(
    'utilization_low_pct',
    'equipment',
    '%',
    [0, 99],
    [20, 30, 40],
    'Machine utilisation below this is reported as underused',
  ),
  // quality
  num(
    'scrap_rate_threshold_pct',
    'quality',
    '%',
    [0.01, 100],
    [8, 5, 3],
    'Scrap rate above this is reported (overall and per entity)',
  ),
  num(
    'rework_rate_threshold_pct',
    'quality',
    '%',
    [0.01, 100],
    [8, 5, 3],
    'Rework rate above this is reported',
  ),
  num(
    'defect_rate_threshold_pct',
    'quality',
    '%',
    [0.01, 100],
    [5, 3, 2],
    'Defects per piece above this is reported',
  ),
  num(
    'supplier_defect_threshold_pct',
    'quality',
    '%',
    [0.01, 100],
    [5, 3, 2],
    'A supplier whose material scraps or fails above this rate is reported',
  ),
  num(
    'spc_sigma',
    'quality',
    'σ',
    [1, 6],
    [3.5, 3, 2.5],
    'Width of the control limits of the per-lot p-chart',
  ),
  {
    key: 'spc_rules',
    analyzer: 'quality',
    type: 'enum',
    unit: '',
    values: SPC_RULE_SETS,
    presets: ['we1', 'western-electric', 'nelson'],
    description:
      'Run rules judged on the per-lot chart: beyond the limits only, Western Electric 1–4, or Nelson 1–8',
  },
  num(
    'first_pass_yield_target_pct',
    'quality',
    '%',
    [1, 100],
    [90, 95, 98],
    'First-pass yield below this is reported',
  ),
  int(
    'min_lot_size',
    'quality',
    'pieces',
    [1, 1_000_000],
    [50, 10, 5],
    'Lots smaller than this are left out of the per-lot chart',
  ),
  // efficiency
  num('oee_target_pct', 'efficiency', '%', [1, 100], [75, 85, 90], 'OEE below this is reported'),
  num(
    'schedule_adherence_threshold_pct',
    'efficiency',
    '%',
    [1, 100],
    [80, 90, 95],
    'Share of work orders finished on time below this is reported',
  ),
  num(
    'late_tolerance_hours',
    'efficiency',
    'h',
    [0, 10_000],
    [48, 24, 4],
    'A work order finishing later than its planned end by more than this is late',
  ),
  num(
    'cycle_time_variance_threshold_pct',
    'efficiency',
    '%',
    [0.1, 1000],
    [25, 15, 10],
    'Run or labour hours over plan by more than this are reported',
  ),
  num(
    'setup_time_threshold_pct',
    'efficiency',
    '%',
    [0.1, 100],
    [30, 20, 15],
    'Setup share of booked hours above this is reported',
  ),
  num(
    'labor_productivity_target_pct',
    'efficiency',
    '%',
    [1, 500],
    [80, 90, 95],
    'Planned ÷ actual labour hours below this is reported',
  ),
  num(
    'bottleneck_utilization_pct',
    'efficiency',
    '%',
    [1, 100],
    [95, 90, 85],
    'A work center loaded above this is a bottleneck',
  ),
  num(
    'throughput_drop_threshold_pct',
    'efficiency',
    '%',
    [1, 100],
    [30, 20, 10],
    'A week-over-baseline drop in good output larger than this is reported',
  ),
];
