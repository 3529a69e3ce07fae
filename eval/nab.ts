// The NAB part of eval/anomalies.ts: PlantIntel's default univariate detector (the rolling z-score
// of src/modules/telemetry/detectors.ts) over NAB-format series, scored with NAB's rules
// (eval/nab-score.ts). As in NAB, one threshold per profile for the whole corpus, the one that
// scores best, is reported. The published detectors' own per-file raw scores, for the same files,
// are normalised the same way beside ours.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ZScoreState, zScoreStep } from '../src/modules/telemetry/detectors.ts';
import { normalizedScore, PROFILES, type Profile, scoreFile, type Window } from './nab-score.ts';

export interface NabRun {
  profile: string;
  threshold: number;
  score: number;
  windows: number;
  files: {
    file: string;
    rows: number;
    raw: number;
    detectedWindows: number;
    windows: number;
    falsePositives: number;
  }[];
  published: { detector: string; score: number }[];
}

const THRESHOLDS = Array.from({ length: 33 }, (_, i) => 2 + i * 0.25);
const DETECTOR = { window: 60, threshold: 4, minPoints: 10 };

interface Series {
  key: string;
  rows: number;
  windows: Window[];
  /** |z| per row (0 where the detector has no judgement yet). */
  scores: number[];
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
        let state: ZScoreState | undefined;
        const scores = records.map((record) => {
          const step = zScoreStep(state, Number(record.value), DETECTOR);
          state = step.state;
          return step.z === null ? 0 : Math.abs(step.z);
        });
        found.push({
          key,
          rows: records.length,
          windows: windowRows(
            records.map((record) => record.timestamp),
            windows,
          ),
          scores,
        });
      }
    }
  };
  walk(dataDir);
  if (found.length === 0) throw new Error(`no csv files under ${dataDir}`);
  return found;
}

/** The published detectors' raw scores on these files, normalised over their windows. */
function published(
  resultsDir: string,
  keys: Set<string>,
  profileName: string,
  windows: number,
  profile: Profile,
) {
  const dir = path.join(resultsDir, 'per_file_scores');
  if (!existsSync(dir)) return [];
  const suffix = `_${profileName}_scores.csv`;
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .map((name) => {
      const rows = parse(readFileSync(path.join(dir, name), 'utf8'), { columns: true }) as {
        File: string;
        Score: string;
      }[];
      const raw = rows.filter((row) => keys.has(row.File)).reduce((sum, row) => sum + Number(row.Score), 0);
      return { detector: name.slice(0, -suffix.length), score: normalizedScore(raw, windows, profile) };
    })
    .sort((a, b) => b.score - a.score);
}

export function runNab(dataDir: string, labelsFile: string, resultsDir: string): NabRun[] {
  const series = load(dataDir, labelsFile);
  const keys = new Set(series.map((s) => s.key));
  return Object.entries(PROFILES).map(([name, profile]) => {
    let best: NabRun | undefined;
    for (const threshold of THRESHOLDS) {
      const files = series.map((s) => {
        const detections = s.scores.flatMap((score, row) => (score >= threshold ? [row] : []));
        const result = scoreFile(s.rows, s.windows, detections, profile);
        return { file: s.key, rows: s.rows, raw: result.score, ...result };
      });
      const windows = files.reduce((sum, f) => sum + f.windows, 0);
      const score = normalizedScore(
        files.reduce((sum, f) => sum + f.raw, 0),
        windows,
        profile,
      );
      if (!best || score > best.score)
        best = { profile: name, threshold, score, windows, files, published: [] };
    }
    const run = best as NabRun;
    run.published = published(resultsDir, keys, name, run.windows, profile);
    return run;
  });
}
