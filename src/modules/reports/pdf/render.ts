// Draws a report spec into a PDF. Runs in a compute worker thread (see render.task.ts): pure in, bytes out.
import { CHART_HEIGHT, groupedBars, lineChart, paretoChart } from './charts.ts';
import { ReportDocument } from './document.ts';
import type { Block, ReportSpec } from './spec.ts';

/** About how tall a block starts: what a heading keeps on its page. */
function leadHeight(r: ReportDocument, block: Block | undefined): number {
  switch (block?.kind) {
    case 'line':
    case 'pareto':
    case 'groupedBars':
    case 'bars':
      return CHART_HEIGHT + 10;
    case 'tiles':
      return 60;
    case 'noData':
      return 160;
    case 'paragraph':
      return Math.min(r.measure(block.text, r.width, 9.5), 80);
    case 'heading':
      return 40;
    default:
      return 60;
  }
}

export async function renderReport(spec: ReportSpec): Promise<Uint8Array> {
  const r = new ReportDocument(spec);
  r.titleBlock();
  for (const [index, block] of spec.blocks.entries()) {
    switch (block.kind) {
      case 'heading':
        r.heading(block.text, block.level, leadHeight(r, spec.blocks[index + 1]));
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
