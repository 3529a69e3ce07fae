// Test helpers: what a PDF says (pdftotext) and how many pages render (pdftoppm, poppler-utils).
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PDF's text (`pdftotext -layout`) and how many pages `pdftoppm -r 40 -png` rendered. */
export async function inspectPdf(pdf: Uint8Array, where: string) {
  const name = `r-${Math.random().toString(36).slice(2)}`;
  const file = join(where, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  await run('pdftoppm', ['-r', '40', '-png', file, join(where, `${name}-page`)]);
  const pages = (await readdir(where)).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'));
  return { text, pages: pages.length };
}
