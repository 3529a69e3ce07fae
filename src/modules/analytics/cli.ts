// `plantintel import <file>`: a work-order export imported from the terminal through the same code
// as an upload (file store, head check, mapping, the import job), run in this process with a
// progress bar (plain lines when the output is not a terminal).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { facilities, memberships, tenants } from '../../platform/db/schema/index.ts';
import { acrossTenants, inTenant, isUuid } from '../../platform/db/scope.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { localFileStore } from '../../platform/storage/file-store.ts';
import { FieldMapping, Strategy, Transform } from './analytics.schemas.ts';
import { IMPORT_USAGE as USAGE } from './cli-usage.ts';
import { importWorkOrdersJob } from './import.job.ts';
import { findImport } from './imports.repo.ts';
import { createImportsService, type MappingChoice } from './imports.service.ts';
import { findProfileByName } from './profiles.repo.ts';
import { fileReader } from './reader.ts';

type WithDatabase = (
  work: (config: { dataDir: string; uploadMaxMb: number }, db: Db) => Promise<number>,
) => Promise<number>;

/** A profile file: what POST /analytics/profiles takes (name optional). */
const checkProfileFile = Compile(
  { MappingTransform: Transform, FieldMapping },
  Type.Object({
    name: Type.Optional(Type.String()),
    mappings: Type.Array(Type.Ref('FieldMapping'), { maxItems: 100 }),
    dataGranularity: Type.Optional(Type.Union([Type.Literal('header'), Type.Literal('operation')])),
    aggregationStrategy: Type.Optional(Strategy),
  }),
);

async function tenantOf(db: Db, wanted: string | undefined) {
  const rows = await acrossTenants(db, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(wanted ? (isUuid(wanted) ? eq(tenants.id, wanted) : eq(tenants.name, wanted)) : undefined)
      .limit(50),
  );
  if (rows.length === 1 && rows[0]) return rows[0];
  const demo = rows.find((r) => r.name === 'Demo Manufacturing');
  if (!wanted && demo) return demo;
  throw badRequest(wanted ? `No tenant "${wanted}"` : 'Several tenants: choose one with --tenant');
}

function progressBar(tty: boolean) {
  let lastStep = -1;
  return (percent: number, message?: string) => {
    if (tty) {
      const filled = Math.round(percent / 4);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${percent.toFixed(0).padStart(3)}% ${message ?? ''}\u001b[K`,
      );
    } else if (Math.floor(percent / 10) > lastStep) {
      lastStep = Math.floor(percent / 10);
      process.stderr.write(`${percent.toFixed(0)}% ${message ?? ''}\n`);
    }
  };
}

export function importCommand(withDatabase: WithDatabase) {
  return {
    summary: 'Import a work-order export (CSV/XLSX) from the terminal: import <file> --facility <code> …',
    usage: USAGE,
    run: async (args: string[]) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          facility: { type: 'string' },
          profile: { type: 'string' },
          'auto-map': { type: 'boolean' },
          tenant: { type: 'string' },
          sheet: { type: 'string' },
          'reject-policy': { type: 'string' },
          'on-duplicate': { type: 'string' },
        },
      });
      const [path] = positionals;
      if (!path || !values.facility) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      if (!values.profile === !values['auto-map'])
        throw badRequest('Choose --profile <name|file.json> or --auto-map');
      const policy = values['reject-policy'];
      if (policy !== undefined && policy !== 'skip' && policy !== 'fail')
        throw badRequest('--reject-policy is skip or fail');
      const duplicate = values['on-duplicate'];
      if (duplicate !== undefined && duplicate !== 'refuse' && duplicate !== 'mark')
        throw badRequest('--on-duplicate is refuse or mark');
      const size = (await stat(path).catch(() => null))?.size;
      if (size === undefined) throw badRequest(`Cannot read ${path}`);
      return withDatabase(async (config, db) => {
        const tenant = await tenantOf(db, values.tenant);
        const scope = await inTenant(db, tenant.id, async (tx) => {
          const [facility] = await tx
            .select({ id: facilities.id })
            .from(facilities)
            .where(
              or(
                eq(facilities.code, values.facility ?? ''),
                sql`${facilities.id}::text = ${values.facility}`,
              ),
            );
          const [admin] = await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(eq(memberships.role, 'admin'))
            .limit(1);
          let choice: MappingChoice = { autoMap: true };
          if (values.profile?.endsWith('.json')) {
            const content = await readFile(values.profile, 'utf8')
              .then((text) => JSON.parse(text))
              .catch((err: unknown) => {
                throw badRequest(`Cannot read the profile ${values.profile}: ${(err as Error).message}`);
              });
            if (!checkProfileFile.Check(content)) {
              const first = [...checkProfileFile.Errors(content)][0];
              throw badRequest(
                `${values.profile} is not a profile ({"mappings": [...]}): ${first ? `${first.instancePath || '/'} ${first.message}` : ''}`,
              );
            }
            choice = {
              mappings: content.mappings,
              granularity: content.dataGranularity,
              aggregationStrategy: content.aggregationStrategy,
            };
          } else if (values.profile) {
            const profile = await findProfileByName(tx, values.profile);
            if (!profile) throw badRequest(`No mapping profile named "${values.profile}"`);
            choice = { profileIds: [profile.id] };
          }
          return { facilityId: facility?.id, userId: admin?.userId, choice };
        });
        if (!scope.facilityId) throw badRequest(`No facility "${values.facility}" in ${tenant.name}`);
        const principal: Principal = {
          kind: 'user',
          userId: scope.userId ?? '00000000-0000-0000-0000-000000000000',
          tenantId: tenant.id,
          role: 'admin',
          platformRole: null,
          scopes: new Set(['read', 'operate', 'analyze', 'admin']),
          apiKeyId: null,
          label: 'plantintel import',
          sessionId: null,
        };
        const files = localFileStore(join(config.dataDir, 'files'));
        const reader = fileReader();
        const imports = createImportsService({
          db,
          files,
          reader,
          maxBytes: config.uploadMaxMb * 1_048_576,
          // Not queued: the job runs right here, below, on the import the upload records.
          jobs: { submit: async () => ({ id: 'cli' }) as never },
        });
        const stored = await imports.store(principal, createReadStream(path));
        const started = await imports.upload(principal, {
          ...scope.choice,
          stored,
          fileName: basename(path),
          facilityId: scope.facilityId,
          sheet: values.sheet,
          rejectPolicy: values['reject-policy'] as 'skip' | 'fail' | undefined,
          onDuplicate: values['on-duplicate'] as 'refuse' | 'mark' | undefined,
        });
        const job = importWorkOrdersJob({ db, files, reader, realtime: { publish: async () => {} } });
        const show = progressBar(process.stderr.isTTY === true);
        await job
          .run(
            { importId: started.importId },
            {
              jobId: 'cli',
              tenantId: tenant.id,
              attempt: 3, // the last: a failure is final
              signal: new AbortController().signal,
              progress: async (percent, message) => show(percent, message),
              complete: (work) => inTenant(db, tenant.id, work),
            },
          )
          .catch(() => undefined);
        if (process.stderr.isTTY) process.stderr.write('\n');
        const row = await inTenant(db, tenant.id, (tx) => findImport(tx, started.importId));
        if (!row) return 1;
        process.stdout.write(
          `Import ${row.id} ${row.status}: ${row.rowsRead} rows read, ${row.rowsAccepted} accepted, ` +
            `${row.rowsRejected} rejected, ${row.workOrders} work orders` +
            (row.errorMessage ? `\n${row.errorMessage}` : '') +
            '\n',
        );
        return row.status === 'completed' ? 0 : 1;
      });
    },
  };
}
