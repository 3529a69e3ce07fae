// `plantintel report <kind> --out file.pdf`: a report written from the terminal through the same
// service as the API's export routes, rendered on a compute pool of this process.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import { createCompute } from '../../platform/compute/compute.ts';
import type { Db } from '../../platform/db/database.ts';
import { facilities, tenants } from '../../platform/db/schema/index.ts';
import { acrossTenants, isUuid, readInTenant } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { REPORT_USAGE as USAGE } from './cli-usage.ts';
import { systemReader } from './index.ts';
import { createReportsService } from './reports.service.ts';

export const REPORT_KINDS = ['analysis', 'oee', 'inspection', 'alarms'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface CliReportOptions {
  kind: ReportKind;
  out: string;
  tenant?: string | undefined;
  facility?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  analysis?: string | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/** Checks what needs no database (exit code 2 material). */
export function checkReportOptions(o: CliReportOptions) {
  for (const [name, day] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const)
    if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(day))))
      throw badRequest(`${name} is a day, YYYY-MM-DD`);
  if (o.from && o.to && o.from > o.to) throw badRequest('--from must not be after --to');
  if (o.kind === 'analysis' && (!o.analysis || !isUuid(o.analysis)))
    throw badRequest('An analysis report needs --analysis <id> (a UUID)');
}

async function tenantOf(db: Db, wanted: string | undefined) {
  const rows = await acrossTenants(db, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(wanted ? (isUuid(wanted) ? eq(tenants.id, wanted) : eq(tenants.name, wanted)) : undefined)
      .limit(50),
  );
  if (rows.length === 0 && !wanted)
    throw badRequest('No tenant yet: create one, or run "plantintel seed --demo"');
  if (rows.length === 1 && rows[0]) return rows[0];
  const demo = rows.find((r) => r.name === 'Demo Manufacturing');
  if (!wanted && demo) return demo;
  throw badRequest(wanted ? `No tenant "${wanted}"` : 'Several tenants: choose one with --tenant');
}

/** Renders the report and writes it to `o.out`; returns its size in bytes. */
export async function reportFromCli(db: Db, o: CliReportOptions) {
  checkReportOptions(o);
  const tenant = await tenantOf(db, o.tenant);
  let facilityId: string | undefined;
  if (o.facility) {
    const wanted = o.facility;
    const [facility] = await readInTenant(db, tenant.id, (tx) =>
      tx
        .select({ id: facilities.id })
        .from(facilities)
        .where(or(eq(facilities.code, wanted), sql`${facilities.id}::text = ${wanted}`)),
    );
    if (!facility) throw badRequest(`No facility "${wanted}" in ${tenant.name}`);
    facilityId = facility.id;
  }
  const compute = createCompute({ threads: 1 });
  try {
    const reports = createReportsService({ db, compute });
    const principal = systemReader(tenant.id, 'plantintel report');
    const period = {
      ...(o.from ? { from: `${o.from}T00:00:00.000Z` } : {}),
      ...(o.to ? { to: nextDay(o.to) } : {}),
    };
    const pdf =
      o.kind === 'analysis'
        ? await reports.analysisPdf(principal, o.analysis as string)
        : o.kind === 'oee'
          ? await reports.oeePdf(principal, { facilityId, from: o.from, to: o.to })
          : o.kind === 'inspection'
            ? await reports.inspectionPdf(principal, period)
            : await reports.alarmsPdf(principal, {
                facilityId,
                from: period.from ? new Date(period.from) : undefined,
                to: period.to ? new Date(period.to) : undefined,
              });
    await writeFile(o.out, pdf);
    return { bytes: pdf.length, tenant: tenant.name };
  } finally {
    await compute.stop();
  }
}

export type WithDatabase = (work: (config: unknown, db: Db) => Promise<number>) => Promise<number>;

export function reportCommand(withDatabase: WithDatabase) {
  return {
    summary: 'Write a PDF report: report <analysis|oee|inspection|alarms> --out <file.pdf> …',
    usage: USAGE,
    run: async (args: string[]) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          out: { type: 'string', short: 'o' },
          tenant: { type: 'string' },
          facility: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          analysis: { type: 'string' },
        },
      });
      const kind = REPORT_KINDS.find((k) => k === positionals[0]);
      if (!kind || !values.out || positionals.length > 1) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const options: CliReportOptions = { kind, out: values.out, ...values };
      checkReportOptions(options);
      return withDatabase(async (_config, db) => {
        const { bytes, tenant } = await reportFromCli(db, options);
        process.stdout.write(`Wrote the ${kind} report of ${tenant} to ${options.out} (${bytes} bytes).\n`);
        return 0;
      });
    },
  };
}
