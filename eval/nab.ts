// The NAB part of eval/anomalies.ts: a PlantIntel univariate detector replayed over NAB-format
// series, one reading at a time through the product's own step code, and scored with NAB's rules
// (eval/nab-score.ts).
// - `default`: the streaming detector of src/modules/telemetry/univariate.ts (level or weekly
//   seasonal forecast, anomaly likelihood, debounce), with its default options; only the score
//   threshold is swept.
// - `zscore`: the rolling z-score of src/modules/telemetry/detectors.ts (window 60), |z| swept.
// As in NAB, one threshold per profile for the whole corpus, the one that scores best, is reported.
// Because that threshold is picked on the same files, a leave-one-file-out figure is given too:
// each file scored at the threshold that is best on the other files. The published detectors' own
// per-file raw scores for the same files (their thresholds were tuned on NAB's full 58-file corpus)
// are normalised the same way beside ours.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ZScoreState, zScoreStep } from '../src/modules/telemetry/detectors.ts';
import { UNIVARIATE_DEFAULTS, UnivariateDetector } from '../src/modules/telemetry/univariate.ts';
import { normalizedScore, PROFILES, type Profile, scoreFile, type Window } from './nab-score.ts';

export const NAB_DETECTORS = ['default', 'zscore'] as const;
export type NabDetector = (typeof NAB_DETECTORS)[number];

export interface NabFile {
  file: string;
  rows: number;
  raw: number;
  detectedWindows: number;
  windows: number;
  falsePositives: number;
  /** Rows flagged (after the probationary period or not). */
  detections: number;
}

export interface PublishedScore {
  detector: string;
  score: number;
  /** Raw score per file. */
  files: Record<string, number>;
}

export interface NabRun {
  detector: NabDetector;
  profile: string;
  threshold: number;
  score: number;
  /** Normalised score when each file is scored at the threshold best on the other files. */
  leaveOneOut: number;
  /** The detector's shipped default threshold and the normalised score there. */
  defaultThreshold: number;
  atDefault: number;
  windows: number;
  files: NabFile[];
  published: PublishedScore[];
}

/** The candidate thresholds: the detector's score (−log10 p) or |z|. */
export const THRESHOLDS: Record<NabDetector, number[]> = {
  default: Array.from({ length: 41 }, (_, i) => 1 + i * 0.125),
  zscore: Array.from({ length: 33 }, (_, i) => 2 + i * 0.25),
};
const Z_SCORE = { window: 60, threshold: 4, minPoints: 10 };
const DEFAULT_THRESHOLD: Record<NabDetector, number> = {
  default: UNIVARIATE_DEFAULTS.threshold,
  zscore: Z_SCORE.threshold,
};

export function describeDetector(detector: NabDetector): string {
  if (detector === 'zscore') return 'rolling z-score (60 readings, ≥ 10 to judge), |z| swept';
  const o = UNIVARIATE_DEFAULTS;
  return (
    `univariate.ts: rolling median (${o.window}) or weekly profile (${o.seasonSlots} slots), whichever errs less; ` +
    `anomaly likelihood (${o.shortWindow} vs ${o.historySpan}); warm-up ${o.warmup}, debounce ${o.debounce}; score swept`
  );
}

interface Series {
  key: string;
  values: number[];
  /** Reading times in ms (the files' local times read as UTC). */
  times: number[];
  windows: Window[];
}

/** Windows' timestamps (`YYYY-MM-DD HH:MM:SS.ffffff`) as row indices of `timestamps`. */
function windowRows(timestamps: string[], windows: [string, string][]): Window[] {
  const indexOf = (stamp: string) => {
    const at = timestamps.indexOf(stamp.slice(0, 19));
    if (at < 0) throw new Error(`a window edge is not a row: ${stamp}`);
    return at;
  };
  return windows.map(([start, end]) => [indexOf(start), indexOf(end)] as const);
}

function load(dataDir: string, labelsFile: string): Series[] {
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, [string, string][]>;
  const found: Series[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.csv')) {
        const key = path.relative(dataDir, full).split(path.sep).join('/');
        const windows = labels[key];
        if (!windows) throw new Error(`${key}: not in ${labelsFile}`);
        const records = parse(readFileSync(full, 'utf8'), { columns: true }) as {
          timestamp: string;
          value: string;
        }[];
        const stamps = records.map((record) => record.timestamp);
        found.push({
          key,
          values: records.map((record) => Number(record.value)),
          times: stamps.map((stamp) => Date.parse(`${stamp.trim().replace(' ', 'T')}Z`)),
          windows: windowRows(stamps, windows),
        });
      }
    }
  };
  walk(dataDir);
  if (found.length === 0) throw new Error(`no csv files under ${dataDir}`);
  return found;
}

/** The rows a detector flags in one series, replayed reading by reading from an empty state. */
function detect(series: Series, detector: NabDetector, threshold: number): number[] {
  const rows: number[] = [];
  if (detector === 'default') {
    const stream = new UnivariateDetector(undefined, { threshold });
    series.values.forEach((value, row) => {
      if (stream.step(value, series.times[row] as number).signal) rows.push(row);
    });
  } else {
    let state: ZScoreState | undefined;
    series.values.forEach((value, row) => {
      const step = zScoreStep(state, value, Z_SCORE);
      state = step.state;
      if (step.z !== null && Math.abs(step.z) >= threshold) rows.push(row);
    });
  }
  return rows;
}

/** The published detectors' raw scores on these files, normalised over their windows. */
function published(
  resultsDir: string,
  keys: Set<string>,
  profileName: string,
  windows: number,
  profile: Profile,
): PublishedScore[] {
  const dir = path.join(resultsDir, 'per_file_scores');
  if (!existsSync(dir)) return [];
  const suffix = `_${profileName}_scores.csv`;
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .flatMap((name) => {
      const rows = parse(readFileSync(path.join(dir, name), 'utf8'), { columns: true }) as {
        File: string;
        Score: string;
      }[];
      const files: Record<string, number> = {};
      for (const row of rows) if (keys.has(row.File)) files[row.File] = Number(row.Score);
      // A detector without a score for every file (random, upstream) cannot be compared.
      if (Object.keys(files).length !== keys.size) return [];
      const raw = Object.values(files).reduce((sum, score) => sum + score, 0);
      return [
        { detector: name.slice(0, -suffix.length), score: normalizedScore(raw, windows, profile), files },
      ];
    })
    .sort((a, b) => b.score - a.score);
}

/** NAB's published full-corpus scores (final_results.json), if the folder has them. */
export function publishedCorpus(resultsDir: string): Record<string, Record<string, number>> {
  const file = path.join(resultsDir, 'final_results.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

export function runNab(
  dataDir: string,
  labelsFile: string,
  resultsDir: string,
  detector: NabDetector = 'default',
): NabRun[] {
  const series = load(dataDir, labelsFile);
  const keys = new Set(series.map((s) => s.key));
  const thresholds = THRESHOLDS[detector];
  // Detections do not depend on the profile: one replay per threshold, scored three ways.
  const detections = thresholds.map((threshold) => series.map((s) => detect(s, detector, threshold)));
  return Object.entries(PROFILES).map(([name, profile]) => {
    const perThreshold = detections.map((rows) =>
      series.map((s, k): NabFile => {
        const flagged = rows[k] as number[];
        const result = scoreFile(s.values.length, s.windows, flagged, profile);
        return {
          file: s.key,
          rows: s.values.length,
          raw: result.score,
          detectedWindows: result.detectedWindows,
          windows: result.windows,
          falsePositives: result.falsePositives,
          detections: flagged.length,
        };
      }),
    );
    const windows = (perThreshold[0] as NabFile[]).reduce((sum, f) => sum + f.windows, 0);
    const total = (files: NabFile[], except = -1) =>
      files.reduce((sum, f, k) => (k === except ? sum : sum + f.raw), 0);
    let best = 0;
    perThreshold.forEach((files, j) => {
      if (total(files) > total(perThreshold[best] as NabFile[])) best = j;
    });
    // Leave one file out: the threshold chosen on the others, applied to it.
    let heldOut = 0;
    series.forEach((_, k) => {
      let chosen = 0;
      perThreshold.forEach((files, j) => {
        if (total(files, k) > total(perThreshold[chosen] as NabFile[], k)) chosen = j;
      });
      heldOut += (perThreshold[chosen] as NabFile[])[k]?.raw ?? 0;
    });
    const files = perThreshold[best] as NabFile[];
    const shipped = thresholds.indexOf(DEFAULT_THRESHOLD[detector]);
    if (shipped < 0) throw new Error(`the default threshold of ${detector} is not among those swept`);
    return {
      detector,
      profile: name,
      threshold: thresholds[best] as number,
      score: normalizedScore(total(files), windows, profile),
      leaveOneOut: normalizedScore(heldOut, windows, profile),
      defaultThreshold: DEFAULT_THRESHOLD[detector],
      atDefault: normalizedScore(total(perThreshold[shipped] as NabFile[]), windows, profile),
      windows,
      files,
      published: published(resultsDir, keys, name, windows, profile),
    };
  });
}
