// Estimation of ETS models: heuristic initial states (as in Hyndman et al. 2008, §2.6.1), then the
// smoothing parameters, the initial level and slope (and optionally the initial seasonal states) by
// maximum likelihood with Nelder–Mead under the "usual" bounds 1e-4 ≤ α ≤ 0.9999, β ≤ α, γ ≤ 1 − α,
// 0.8 ≤ φ ≤ 0.98. Model choice over the family is by AICc.
import {
  aicc,
  type EtsParams,
  type EtsSpec,
  type EtsState,
  etsFilter,
  minus2LogLikelihood,
  parameterCount,
} from './ets.ts';
import { nelderMead } from './optimize.ts';
import { classicalSeasonalIndices } from './seasonal.ts';

const LOW = 1e-4;
const HIGH = 0.9999;
const PHI_LOW = 0.8;
const PHI_HIGH = 0.98;
const ALPHA_STARTS = [0.05, 0.2, 0.5, 0.8];

export interface EtsFit {
  spec: EtsSpec;
  m: number;
  n: number;
  params: EtsParams;
  init: EtsState;
  /** State after the last observation. */
  state: EtsState;
  /** One-step residuals y − ŷ in the series' units. */
  residuals: number[];
  fitted: number[];
  /** Innovation variance: of y − ŷ (additive error) or of (y − ŷ)/ŷ (multiplicative), unbiased by k. */
  sigma2: number;
  minus2LogLik: number;
  k: number;
  aicc: number;
}

export interface EtsFitOptions {
  /** Also estimate the m−1 free initial seasonal states (slower, more parameters). Default false. */
  optimizeSeasonalStates?: boolean;
  /** Cap of objective evaluations per model (default 50 per estimated dimension). */
  maxEvaluationsPerDim?: number;
  /** Fix some smoothing parameters instead of estimating them (the initial level and slope are still estimated). */
  fixed?: Partial<EtsParams>;
}

/** Heuristic start: seasonal figure of the first ≤ 3 seasons, then a line through ≤ max(10, 2m) adjusted values. */
export function initialStates(y: readonly number[], spec: EtsSpec, m: number): EtsState {
  let season: number[] = [];
  let adjusted: readonly number[] = y;
  if (spec.season !== 'N') {
    const span = y.slice(0, Math.min(y.length, 3 * m));
    season = classicalSeasonalIndices(span, m, spec.season === 'M' ? 'multiplicative' : 'additive');
    adjusted = y.map((v, t) =>
      spec.season === 'M' ? v / (season[t % m] as number) : v - (season[t % m] as number),
    );
  }
  const count = Math.min(Math.max(10, 2 * m), y.length);
  let meanY = 0;
  for (let t = 0; t < count; t++) meanY += adjusted[t] as number;
  meanY /= count;
  if (spec.trend === 'N' || count < 2) return { level: meanY, trend: 0, season };
  // Least squares on t = 1…count: the intercept is the level one step before the first value.
  const meanT = (count + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < count; t++) {
    sxy += (t + 1 - meanT) * ((adjusted[t] as number) - meanY);
    sxx += (t + 1 - meanT) ** 2;
  }
  const slope = sxy / sxx;
  return { level: meanY - slope * meanT, trend: slope, season };
}

interface Layout {
  decode(x: readonly number[], params: EtsParams, init: EtsState): boolean;
  /** The start with α replaced (β and γ moved inside their α-dependent bounds); undefined if α is fixed. */
  startWithAlpha(alpha: number): number[] | undefined;
  start: number[];
  /** Initial simplex steps from x (α's step points inwards from the upper bound). */
  stepsFrom(x: readonly number[]): number[];
}

function layout(spec: EtsSpec, m: number, start: EtsState, scale: number, o: EtsFitOptions): Layout {
  const fixed = o.fixed ?? {};
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const damped = spec.trend === 'Ad';
  const seasonStates = seasonal && o.optimizeSeasonalStates === true;
  const x0: number[] = [];
  const steps: number[] = [];
  const slot: Record<string, number> = {};
  const add = (name: string, value: number, step: number) => {
    slot[name] = x0.length;
    x0.push(value);
    steps.push(step);
  };
  const alpha0 = fixed.alpha ?? (seasonal ? 0.1 : 0.3);
  if (fixed.alpha === undefined) add('alpha', alpha0, 0.1);
  if (hasTrend && fixed.beta === undefined) add('beta', Math.min(0.01, alpha0 / 2), 0.01);
  if (seasonal && fixed.gamma === undefined) add('gamma', 0.01, 0.05);
  if (damped && fixed.phi === undefined) add('phi', 0.95, -0.05);
  add('level', start.level, 0.1 * scale);
  if (hasTrend) add('trend', start.trend, 0.02 * scale);
  if (seasonStates)
    for (let j = 0; j < m - 1; j++)
      add(`s${j}`, start.season[j] as number, spec.season === 'M' ? 0.05 : 0.1 * scale);
  const get = (x: readonly number[], name: string, otherwise: number) =>
    slot[name] === undefined ? otherwise : (x[slot[name]] as number);
  return {
    start: x0,
    stepsFrom(x) {
      const out = steps.slice();
      if (slot.alpha !== undefined && (x[slot.alpha] as number) + 0.1 > HIGH) out[slot.alpha] = -0.1;
      return out;
    },
    startWithAlpha(alpha) {
      if (slot.alpha === undefined) return undefined;
      const x = x0.slice();
      x[slot.alpha] = alpha;
      if (slot.beta !== undefined) x[slot.beta] = Math.min(x[slot.beta] as number, alpha / 2);
      if (slot.gamma !== undefined) x[slot.gamma] = Math.min(x[slot.gamma] as number, (1 - alpha) / 2);
      return x;
    },
    decode(x, params, init) {
      params.alpha = get(x, 'alpha', alpha0);
      params.beta = hasTrend ? get(x, 'beta', fixed.beta ?? 0) : 0;
      params.gamma = seasonal ? get(x, 'gamma', fixed.gamma ?? 0) : 0;
      params.phi = damped ? get(x, 'phi', fixed.phi ?? 0.98) : 1;
      if (params.alpha < LOW || params.alpha > HIGH) return false;
      if (hasTrend && (params.beta < LOW || params.beta > params.alpha)) return false;
      if (seasonal && (params.gamma < LOW || params.gamma > 1 - params.alpha)) return false;
      if (damped && (params.phi < PHI_LOW || params.phi > PHI_HIGH)) return false;
      init.level = get(x, 'level', start.level);
      init.trend = hasTrend ? get(x, 'trend', start.trend) : 0;
      if (seasonStates) {
        let sum = 0;
        for (let j = 0; j < m - 1; j++) {
          init.season[j] = x[(slot.s0 as number) + j] as number;
          sum += init.season[j] as number;
        }
        init.season[m - 1] = spec.season === 'M' ? m - sum : -sum;
        if (spec.season === 'M' && init.season.some((s) => !(s > 0))) return false;
      }
      return true;
    },
  };
}

function spread(y: readonly number[]): number {
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, y.length - 1));
  return sd > 0 ? sd : Math.max(Math.abs(mean) * 0.1, 1e-6);
}

/** Fits one ETS model by maximum likelihood; undefined when it cannot describe the data. */
export function fitEts(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  o: EtsFitOptions = {},
): EtsFit | undefined {
  const n = y.length;
  const period = spec.season === 'N' ? 1 : m;
  if (spec.season !== 'N' && n < 2 * m) return undefined;
  const start = initialStates(y, spec, m);
  const plan = layout(spec, period, start, spread(y), o);
  const params: EtsParams = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const init: EtsState = { level: 0, trend: 0, season: start.season.slice() };
  const buffer = new Float64Array(Math.max(1, period));
  const objective = (x: readonly number[]) => {
    if (!plan.decode(x, params, init)) return Number.POSITIVE_INFINITY;
    const sums = etsFilter(spec, period, params, init, y, buffer);
    return sums.ok ? minus2LogLikelihood(spec, sums, n) : Number.POSITIVE_INFINITY;
  };
  // α's likelihood surface often has two basins (a smooth level or a fast-moving one): start the
  // simplex from the best of a few values of α rather than from one guess.
  let begin = plan.start;
  let beginValue = objective(begin);
  for (const alpha of ALPHA_STARTS) {
    const x = plan.startWithAlpha(alpha);
    if (!x) break;
    const v = objective(x);
    if (v < beginValue) {
      begin = x;
      beginValue = v;
    }
  }
  let best = { x: begin, value: beginValue };
  if (plan.start.length > 0) {
    const perDim = o.maxEvaluationsPerDim ?? 50;
    best = nelderMead(objective, begin, {
      steps: plan.stepsFrom(begin),
      maxEvaluations: perDim * plan.start.length,
      tolerance: 1e-7,
    });
  }
  if (!Number.isFinite(best.value) || !plan.decode(best.x, params, init)) return undefined;
  const out = { state: init, residuals: [] as number[], fitted: [] as number[] };
  const sums = etsFilter(spec, period, params, init, y, buffer, out);
  if (!sums.ok) return undefined;
  const k = parameterCount(spec, m);
  const minus2LogLik = minus2LogLikelihood(spec, sums, n);
  return {
    spec,
    m: period,
    n,
    params: { ...params },
    init: { level: init.level, trend: init.trend, season: init.season.slice() },
    state: out.state,
    residuals: out.residuals,
    fitted: out.fitted,
    sigma2: sums.sse / Math.max(1, n - k),
    minus2LogLik,
    k,
    aicc: aicc(minus2LogLik, k, n),
  };
}

/** The models R's forecast::ets considers by default (no multiplicative trend, no A-error M-season). */
export function etsCandidates(m: number, n: number, positive: boolean): EtsSpec[] {
  const errors: EtsSpec['error'][] = positive ? ['A', 'M'] : ['A'];
  const seasons: EtsSpec['season'][] =
    m > 1 && n >= 2 * m ? ['N', 'A', ...(positive ? ['M' as const] : [])] : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of errors)
    for (const trend of ['N', 'A', 'Ad'] as const)
      for (const season of seasons) {
        if (error === 'A' && season === 'M') continue;
        specs.push({ error, trend, season });
      }
  return specs;
}

/** Fits every candidate and keeps the lowest AICc; undefined when none could be fitted. */
export function selectEts(
  y: readonly number[],
  m: number,
  o: EtsFitOptions & { specs?: EtsSpec[] } = {},
): EtsFit | undefined {
  const positive = y.every((v) => v > 0);
  let best: EtsFit | undefined;
  for (const spec of o.specs ?? etsCandidates(m, y.length, positive)) {
    const fit = fitEts(y, spec, m, o);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}
