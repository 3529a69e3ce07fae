// Reads an export response back for tests: CSV (after its BOM) or XLSX (every sheet, with exceljs)
// as rows of cells, header first. XLSX cells come back typed (numbers, Dates, booleans).
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

interface Response {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
  body: string;
}

export async function tableOf(res: Response, format: 'csv' | 'xlsx'): Promise<unknown[][]> {
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.match(
    String(res.headers['content-disposition']),
    new RegExp(`^attachment; filename=".+\\.${format}"$`),
  );
  if (format === 'csv') {
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const text = res.rawPayload.toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark');
    return parse(text.slice(1)) as string[][];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  for (const [i, sheet] of workbook.worksheets.entries()) {
    sheet.eachRow((row, n) => {
      if (i > 0 && n === 1) return; // a continued sheet repeats the header
      const cells = (row.values as unknown[]).slice(1);
      rows.push(Array.from({ length: sheet.columnCount }, (_, c) => cells[c] ?? null));
    });
  }
  return rows;
}

/** The values of one column (by its header) of a table read by `tableOf`. */
export function columnOf(table: unknown[][], header: string): unknown[] {
  const index = (table[0] ?? []).indexOf(header);
  assert.ok(index >= 0, `no column "${header}" in ${JSON.stringify(table[0])}`);
  return table.slice(1).map((row) => row[index] ?? null);
}
