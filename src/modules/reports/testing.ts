// Test helpers: what a PDF says (pdftotext) and how many pages render (pdftoppm, poppler-utils).
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The PDF's text as laid out (`pdftotext -layout`: columns side by side), in reading order
 * (`pdftotext`: a wrapped table cell stays together) with whitespace collapsed, and how many pages
 * `pdftoppm -r 40 -png` rendered.
 */
export async function inspectPdf(pdf: Uint8Array, where: string) {
  const name = `r-${Math.random().toString(36).slice(2)}`;
  const file = join(where, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  const { stdout: raw } = await run('pdftotext', [file, '-']);
  await run('pdftoppm', ['-r', '40', '-png', file, join(where, `${name}-page`)]);
  const pages = (await readdir(where)).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'));
  return { text, flat: raw.replace(/\s+/g, ' '), pages: pages.length };
}
