// npm run lint:openapi — lints openapi.snapshot.json with Redocly's recommended rules, as client
// generators and API portals read it. Any error or warning fails (exit 1), naming where it is.
import { fileURLToPath } from 'node:url';
import { createConfig, formatProblems, getTotals, lint } from '@redocly/openapi-core';
import { SNAPSHOT_FILE } from '../src/platform/http/openapi-document.ts';

const config = await createConfig({ extends: ['recommended'] });
// The liveness and readiness probes take no input and answer 200 or 503 only: no 4xx to document.
const PROBES = ['#/paths/~1health/get/responses', '#/paths/~1ready/get/responses'];
const isProbeWithout4xx = (p: { ruleId: string; location: { pointer?: string }[] }) =>
  p.ruleId === 'operation-4xx-response' && PROBES.includes(p.location[0]?.pointer ?? '');
const problems = (await lint({ ref: fileURLToPath(SNAPSHOT_FILE), config })).filter(
  (p) => !isProbeWithout4xx(p),
);
const totals = getTotals(problems);
if (problems.length > 0) formatProblems(problems, { format: 'codeframe', totals, version: 'lint' });
process.stdout.write(`openapi lint: ${totals.errors} error(s), ${totals.warnings} warning(s)\n`);
process.exit(totals.errors + totals.warnings > 0 ? 1 : 0);
