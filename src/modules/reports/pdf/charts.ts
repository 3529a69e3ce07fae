// Vector charts drawn with pdfkit paths: a line chart (optionally with a dashed target line), a
// Pareto chart (bars largest first with the cumulative share on a second axis) and grouped bars.
// Each takes the full content width and a fixed height, and moves to a new page when it does not fit.
import { ACCENT, INK, MUTED, PALETTE, type ReportDocument, RULE } from './document.ts';
import { cumulativeShares, labelStride, niceScale, number, project, type Scale } from './layout.ts';
import type { ChartPoint } from './spec.ts';

export const CHART_HEIGHT = 200;
const AXIS_WIDTH = 44;
const LABEL_HEIGHT = 26;

interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

const tickLabel = (value: number, percent: boolean, unit?: string) =>
  percent
    ? `${number(value * 100, 1)} %`
    : `${number(value, Math.abs(value) < 10 ? 1 : 0)}${unit ? ` ${unit}` : ''}`;

/** Title, frame and left axis; returns the plot area. */
function frame(
  r: ReportDocument,
  title: string,
  scale: Scale,
  percent: boolean,
  unit?: string,
  rightAxis = 0,
): Plot {
  r.ensure(CHART_HEIGHT + 10);
  r.text(title, r.left, r.y, { size: 10, bold: true, width: r.width, oneLine: true });
  const top = r.y + 20;
  const plot = {
    x: r.left + AXIS_WIDTH,
    y: top,
    w: r.width - AXIS_WIDTH - rightAxis,
    h: CHART_HEIGHT - 20 - LABEL_HEIGHT,
  };
  const doc = r.doc;
  for (const tick of scale.ticks) {
    const ty = project(tick, scale, plot.y + plot.h, plot.y);
    doc
      .moveTo(plot.x, ty)
      .lineTo(plot.x + plot.w, ty)
      .lineWidth(0.4)
      .strokeColor(tick === 0 ? MUTED : RULE)
      .stroke();
    r.text(tickLabel(tick, percent, unit), r.left, ty - 3.5, {
      size: 6.5,
      color: MUTED,
      width: AXIS_WIDTH - 4,
      align: 'right',
      oneLine: true,
    });
  }
  return plot;
}

function xLabels(
  r: ReportDocument,
  plot: Plot,
  labels: readonly string[],
  slot: number,
  centreOf: (i: number) => number,
) {
  const stride = labelStride(labels.length, Math.max(1, Math.floor(plot.w / 46)));
  const width = Math.max(slot * stride, 30);
  labels.forEach((label, i) => {
    if (i % stride !== 0) return;
    r.text(label, centreOf(i) - width / 2, plot.y + plot.h + 4, {
      size: 6.5,
      color: MUTED,
      width,
      align: 'center',
      oneLine: true,
    });
  });
}

function finishChart(r: ReportDocument) {
  r.y += CHART_HEIGHT + 10;
}

function legend(
  r: ReportDocument,
  plot: Plot,
  items: readonly { label: string; color: string; dashed?: boolean }[],
) {
  let x = plot.x + plot.w;
  for (const item of [...items].reverse()) {
    const w = r.doc.font('Helvetica').fontSize(7).widthOfString(item.label) + 18;
    x -= w;
    const y = plot.y - 12;
    if (item.dashed) r.doc.dash(3, { space: 2 });
    r.doc
      .moveTo(x, y + 3)
      .lineTo(x + 10, y + 3)
      .lineWidth(1.6)
      .strokeColor(item.color)
      .stroke();
    r.doc.undash();
    r.text(item.label, x + 13, y, { size: 7, color: MUTED, oneLine: true, width: w });
  }
}

export function lineChart(
  r: ReportDocument,
  o: {
    title: string;
    points: readonly ChartPoint[];
    percent?: boolean;
    unit?: string;
    target?: { value: number; label: string };
  },
) {
  const percent = o.percent ?? false;
  const values = o.points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const all = o.target ? [...values, o.target.value] : values;
  const scale = niceScale(Math.min(0, ...all), Math.max(percent ? 0.01 : 1, ...all));
  const plot = frame(r, o.title, scale, percent, o.unit);
  const n = o.points.length;
  const slot = plot.w / Math.max(1, n);
  const xOf = (i: number) => plot.x + slot * (i + 0.5);
  const yOf = (v: number) => project(v, scale, plot.y + plot.h, plot.y);
  const doc = r.doc;
  if (o.target) {
    const ty = yOf(o.target.value);
    doc
      .dash(4, { space: 3 })
      .moveTo(plot.x, ty)
      .lineTo(plot.x + plot.w, ty)
      .lineWidth(1)
      .strokeColor('#c0392b')
      .stroke()
      .undash();
  }
  // Unknown values break the line rather than dropping to zero.
  let drawing = false;
  o.points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    drawing = true;
  });
  doc.lineWidth(1.6).strokeColor(ACCENT).stroke();
  if (n <= 45)
    o.points.forEach((p, i) => {
      if (p.value !== null && Number.isFinite(p.value))
        doc.circle(xOf(i), yOf(p.value), 1.8).fillColor(ACCENT).fill();
    });
  xLabels(
    r,
    plot,
    o.points.map((p) => p.label),
    slot,
    xOf,
  );
  legend(r, plot, [
    { label: 'Actual', color: ACCENT },
    ...(o.target ? [{ label: o.target.label, color: '#c0392b', dashed: true }] : []),
  ]);
  finishChart(r);
}

export function paretoChart(
  r: ReportDocument,
  o: { title: string; unit: string; bars: readonly { label: string; value: number }[] },
) {
  const bars = o.bars.slice(0, 15);
  const scale = niceScale(0, Math.max(...bars.map((b) => b.value), 0));
  const plot = frame(r, o.title, scale, false, o.unit, 34);
  const doc = r.doc;
  const slot = plot.w / Math.max(1, bars.length);
  const xOf = (i: number) => plot.x + slot * (i + 0.5);
  const base = plot.y + plot.h;
  bars.forEach((b, i) => {
    const top = project(b.value, scale, base, plot.y);
    const w = Math.min(slot * 0.7, 56);
    doc
      .rect(xOf(i) - w / 2, top, w, base - top)
      .fillColor(ACCENT)
      .fill();
  });
  // The cumulative share on its own 0–100 % axis at the right.
  for (const share of [0, 0.25, 0.5, 0.75, 1])
    r.text(`${share * 100} %`, plot.x + plot.w + 3, base - share * plot.h - 3.5, {
      size: 6.5,
      color: MUTED,
      width: 31,
      oneLine: true,
    });
  const shares = cumulativeShares(o.bars.map((b) => b.value));
  shares.slice(0, bars.length).forEach((s, i) => {
    const y = base - s * plot.h;
    if (i === 0) doc.moveTo(xOf(i), y);
    else doc.lineTo(xOf(i), y);
  });
  doc.lineWidth(1.4).strokeColor('#e07b22').stroke();
  shares.slice(0, bars.length).forEach((s, i) => {
    doc
      .circle(xOf(i), base - s * plot.h, 2)
      .fillColor('#e07b22')
      .fill();
  });
  xLabels(
    r,
    plot,
    bars.map((b) => b.label),
    slot,
    xOf,
  );
  legend(r, plot, [
    { label: o.unit, color: ACCENT },
    { label: 'Cumulative %', color: '#e07b22' },
  ]);
  finishChart(r);
}

export function groupedBars(
  r: ReportDocument,
  o: {
    title: string;
    unit?: string;
    percent?: boolean;
    series: readonly string[];
    groups: readonly { label: string; values: readonly number[] }[];
  },
) {
  const groups = o.groups.slice(0, 24);
  const values = groups.flatMap((g) => g.values).filter(Number.isFinite);
  const scale = niceScale(Math.min(0, ...values), Math.max(o.percent ? 0.01 : 1, ...values));
  const plot = frame(r, o.title, scale, o.percent ?? false, o.unit);
  const doc = r.doc;
  const slot = plot.w / Math.max(1, groups.length);
  const xOf = (i: number) => plot.x + slot * (i + 0.5);
  const barWidth = Math.min(26, (slot * 0.75) / Math.max(1, o.series.length));
  const zero = project(0, scale, plot.y + plot.h, plot.y);
  groups.forEach((g, i) => {
    const start = xOf(i) - (barWidth * o.series.length) / 2;
    g.values.forEach((v, s) => {
      if (!Number.isFinite(v)) return;
      const y = project(v, scale, plot.y + plot.h, plot.y);
      doc
        .rect(start + s * barWidth, Math.min(y, zero), barWidth * 0.9, Math.abs(zero - y))
        .fillColor(PALETTE[s % PALETTE.length] ?? INK)
        .fill();
    });
  });
  xLabels(
    r,
    plot,
    groups.map((g) => g.label),
    slot,
    xOf,
  );
  if (o.series.length > 1)
    legend(
      r,
      plot,
      o.series.map((label, s) => ({ label, color: PALETTE[s % PALETTE.length] ?? INK })),
    );
  finishChart(r);
}
