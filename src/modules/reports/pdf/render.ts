// Draws a report spec into a PDF. Runs in a compute worker thread (see renderTask): pure in, bytes out.
import { computeTask } from '../../../platform/compute/compute.ts';
import { groupedBars, lineChart, paretoChart } from './charts.ts';
import { ReportDocument } from './document.ts';
import type { ReportSpec } from './spec.ts';

export async function renderReport(spec: ReportSpec): Promise<Uint8Array> {
  const r = new ReportDocument(spec);
  r.titleBlock();
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        r.heading(block.text, block.level);
        break;
      case 'paragraph':
        r.paragraph(block.text, block.muted);
        break;
      case 'tiles':
        r.tiles(block.tiles);
        break;
      case 'table':
        r.table(block.columns, block.rows, block.note);
        break;
      case 'line':
        lineChart(r, block);
        break;
      case 'pareto':
        paretoChart(r, block);
        break;
      case 'groupedBars':
        groupedBars(r, block);
        break;
      case 'bars':
        groupedBars(r, {
          ...block,
          series: [block.title],
          groups: block.bars.map((b) => ({ label: b.label, values: [b.value] })),
        });
        break;
      case 'noData':
        r.noData(block.text);
        break;
    }
  }
  return r.finish();
}

/** The compute-pool task: rendering is CPU work that must not hold the event loop. */
export const renderTask = computeTask<typeof renderReport>(
  new URL('./render.ts', import.meta.url),
  'renderReport',
);
