// The report document on pdfkit: A4 pages with a header (tenant, title, period) and a footer
// ("Page n of m", generation time) on every page, headings, key-figure tiles, paragraphs and tables
// that break across pages with their header row repeated. Pages are buffered so the footer can
// know the page count once everything is laid out.
import PDFDocument from 'pdfkit';
import { columnWidths, utcStamp, winAnsi } from './layout.ts';
import type { ReportSpec, TableColumn, Tile } from './spec.ts';

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 48, right: 48, top: 84, bottom: 60 } as const;
export const INK = '#1d2733';
export const MUTED = '#5f6b7a';
export const RULE = '#c9d1db';
export const ACCENT = '#1f5fa8';
export const PALETTE = ['#1f5fa8', '#e07b22', '#3a9a5b', '#c0392b', '#7d5ba6', '#8c6d31'];

type Doc = InstanceType<typeof PDFDocument>;

export class ReportDocument {
  readonly doc: Doc;
  readonly left = MARGIN.left;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;
  readonly top = MARGIN.top;
  readonly bottom = PAGE.height - MARGIN.bottom;
  y: number = MARGIN.top;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;
  private readonly spec: Pick<ReportSpec, 'title' | 'tenantName' | 'period' | 'generatedAt'>;

  constructor(spec: Pick<ReportSpec, 'title' | 'tenantName' | 'period' | 'generatedAt'>) {
    this.spec = spec;
    const created = new Date(spec.generatedAt);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { ...MARGIN },
      bufferPages: true,
      info: {
        Title: winAnsi(spec.title),
        Author: winAnsi(spec.tenantName),
        Subject: winAnsi(spec.period),
        Creator: 'PlantIntel',
        ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => {
      this.y = this.top;
    });
  }

  /** Room left on this page. */
  get room() {
    return this.bottom - this.y;
  }

  newPage() {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  text(
    value: string,
    x: number,
    y: number,
    options: {
      width?: number;
      size?: number;
      bold?: boolean;
      color?: string;
      align?: 'left' | 'right' | 'center';
      oneLine?: boolean;
    } = {},
  ) {
    const { size = 9, bold = false, color = INK, align = 'left', width, oneLine = false } = options;
    this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(color)
      .text(winAnsi(value), x, y, {
        align,
        lineBreak: !oneLine,
        ...(width !== undefined ? { width } : {}),
        ...(oneLine ? { height: size * 1.3, ellipsis: true } : {}),
      });
  }

  measure(value: string, width: number, size = 9, bold = false) {
    return this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .heightOfString(winAnsi(value), { width });
  }

  /** The report's title block on the first page. */
  titleBlock(subtitle?: string) {
    this.text(this.spec.title, this.left, this.y, { size: 20, bold: true, width: this.width });
    this.y = this.doc.y + 2;
    this.text(subtitle ?? this.spec.period, this.left, this.y, {
      size: 10.5,
      color: MUTED,
      width: this.width,
    });
    this.y = this.doc.y + 14;
  }

  /** `keepWith`: the height of what follows, kept on the heading's page when it fits on one. */
  heading(text: string, level: 1 | 2 = 1, keepWith = 60) {
    const size = level === 1 ? 14 : 11;
    // A heading is never the last thing on a page.
    this.ensure(size * 1.4 + 20 + Math.min(keepWith, this.bottom - this.top - 80));
    if (this.y > this.top) this.y += level === 1 ? 10 : 4;
    this.text(text, this.left, this.y, {
      size,
      bold: true,
      color: level === 1 ? ACCENT : INK,
      width: this.width,
    });
    this.y = this.doc.y + (level === 1 ? 3 : 2);
    if (level === 1) {
      this.doc
        .moveTo(this.left, this.y)
        .lineTo(this.left + this.width, this.y)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
      this.y += 6;
    }
  }

  paragraph(text: string, muted = false) {
    const height = this.measure(text, this.width, 9.5);
    if (height <= this.bottom - this.top) this.ensure(height);
    this.text(text, this.left, this.y, { size: 9.5, color: muted ? MUTED : INK, width: this.width });
    this.y = this.doc.y + 6;
  }

  tiles(tiles: readonly Tile[]) {
    const perRow = Math.min(4, Math.max(1, tiles.length));
    const gap = 8;
    const w = (this.width - gap * (perRow - 1)) / perRow;
    const h = 52;
    for (let i = 0; i < tiles.length; i += perRow) {
      this.ensure(h + gap);
      tiles.slice(i, i + perRow).forEach((tile, j) => {
        const x = this.left + j * (w + gap);
        this.doc.roundedRect(x, this.y, w, h, 3).fillColor('#f1f4f8').fill();
        this.text(tile.label.toUpperCase(), x + 8, this.y + 7, {
          size: 7,
          color: MUTED,
          width: w - 16,
          oneLine: true,
        });
        this.text(tile.value, x + 8, this.y + 18, { size: 16, bold: true, width: w - 16, oneLine: true });
        if (tile.note)
          this.text(tile.note, x + 8, this.y + 38, { size: 7, color: MUTED, width: w - 16, oneLine: true });
      });
      this.y += h + gap;
    }
    this.y += 2;
  }

  /** A table whose rows flow onto further pages, each starting with the header row again. */
  table(columns: readonly TableColumn[], rows: readonly string[][], note?: string) {
    const widths = columnWidths(
      columns.map((c) => c.weight ?? 1),
      this.width,
    );
    const pad = 4;
    const size = 8.5;
    const heightOf = (cells: readonly string[], bold: boolean) =>
      Math.max(...cells.map((cell, i) => this.measure(cell, (widths[i] ?? 40) - 2 * pad, size, bold))) +
      2 * pad;
    const drawRow = (cells: readonly string[], header: boolean, stripe: boolean) => {
      const h = heightOf(cells, header);
      if (header || stripe)
        this.doc
          .rect(this.left, this.y, this.width, h)
          .fillColor(header ? '#2b3a4d' : '#f5f7fa')
          .fill();
      let x = this.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 40;
        this.text(cell, x + pad, this.y + pad, {
          size,
          bold: header,
          color: header ? '#ffffff' : INK,
          width: w - 2 * pad,
          align: columns[i]?.align ?? 'left',
        });
        x += w;
      });
      this.y += h;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, true);
    this.ensure(headerHeight + heightOf(rows[0] ?? headers, false));
    drawRow(headers, true, false);
    rows.forEach((row, index) => {
      const h = heightOf(row, false);
      if (this.y + h > this.bottom) {
        this.newPage();
        drawRow(headers, true, false);
      }
      drawRow(row, false, index % 2 === 1);
    });
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.y += 4;
    if (note) {
      this.text(note, this.left, this.y, { size: 7.5, color: MUTED, width: this.width });
      this.y = this.doc.y;
    }
    this.y += 8;
  }

  /** A page-filling notice for a period without data. */
  noData(text: string) {
    this.ensure(160);
    const h = 120;
    this.doc
      .roundedRect(this.left, this.y + 20, this.width, h, 6)
      .lineWidth(1)
      .strokeColor(RULE)
      .stroke();
    this.text('No data for this period', this.left, this.y + 48, {
      size: 18,
      bold: true,
      color: MUTED,
      width: this.width,
      align: 'center',
    });
    this.text(text, this.left + 40, this.y + 80, {
      size: 10,
      color: MUTED,
      width: this.width - 80,
      align: 'center',
    });
    this.y += h + 40;
  }

  /** Draws the header and footer on every page and finishes the file. */
  finish(): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    const stamp = utcStamp(this.spec.generatedAt);
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Header and footer sit in the margins: without this pdfkit would flow them onto a new page.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
      const right = this.left + this.width;
      this.text(this.spec.tenantName, this.left, 30, {
        size: 9,
        bold: true,
        width: this.width / 2,
        oneLine: true,
      });
      this.text(this.spec.title, this.left + this.width / 2, 30, {
        size: 9,
        bold: true,
        width: this.width / 2,
        align: 'right',
        oneLine: true,
      });
      this.text(this.spec.period, this.left + this.width / 2, 42, {
        size: 8,
        color: MUTED,
        width: this.width / 2,
        align: 'right',
        oneLine: true,
      });
      this.doc.moveTo(this.left, 58).lineTo(right, 58).lineWidth(0.8).strokeColor(ACCENT).stroke();
      const footY = PAGE.height - 40;
      this.doc
        .moveTo(this.left, footY - 6)
        .lineTo(right, footY - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.text(`Generated ${stamp} by PlantIntel`, this.left, footY, {
        size: 7.5,
        color: MUTED,
        width: this.width / 2,
        oneLine: true,
      });
      this.text(`Page ${i - range.start + 1} of ${range.count}`, this.left + this.width / 2, footY, {
        size: 7.5,
        color: MUTED,
        width: this.width / 2,
        align: 'right',
        oneLine: true,
      });
      this.doc.page.margins = margins;
    }
    this.doc.end();
    return this.done;
  }
}
