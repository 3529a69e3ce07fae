// The compute-pool task that renders a report: rendering is CPU work that must not hold the event
// loop. Kept apart from render.ts so the server never loads pdfkit itself — only the worker thread does.
import { computeTask } from '../../../platform/compute/compute.ts';
import type { renderReport } from './render.ts';

export const renderTask = computeTask<typeof renderReport>(
  new URL('./render.ts', import.meta.url),
  'renderReport',
);
