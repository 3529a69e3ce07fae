// What a report is, independent of how it is drawn: a title, the tenant, the period and a list of
// blocks. Report builders make one from API data on the main thread; the renderer draws it in a
// worker thread, so a spec must stay structured-clonable (plain objects, strings and numbers).

export interface Tile {
  label: string;
  value: string;
  note?: string;
}

export interface TableColumn {
  header: string;
  /** Relative width (default 1). */
  weight?: number;
  align?: 'left' | 'right';
}

export interface ChartPoint {
  label: string;
  value: number | null;
}

export type Block =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'tiles'; tiles: Tile[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; note?: string }
  | {
      kind: 'line';
      title: string;
      /** Values are 0–1 shares drawn as per cent. */
      percent?: boolean;
      unit?: string;
      points: ChartPoint[];
      target?: { value: number; label: string };
    }
  | { kind: 'pareto'; title: string; unit: string; bars: { label: string; value: number }[] }
  | {
      kind: 'groupedBars';
      title: string;
      unit?: string;
      percent?: boolean;
      series: string[];
      groups: { label: string; values: number[] }[];
    }
  | {
      kind: 'bars';
      title: string;
      unit?: string;
      percent?: boolean;
      bars: { label: string; value: number }[];
    }
  | { kind: 'noData'; text: string };

export interface ReportSpec {
  title: string;
  tenantName: string;
  /** The period in words, e.g. "2026-11-01 – 2026-11-30". */
  period: string;
  /** ISO time the report was generated. */
  generatedAt: string;
  blocks: Block[];
}
