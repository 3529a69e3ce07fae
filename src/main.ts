// CLI entry: `plantintel <command>`. Commands are small functions returning an exit code.

// First, before any dependency loads: the compile cache and the package-resolution shortcut.
import './platform/boot/fast-load.ts';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Config, ConfigError, describeConfig, loadConfig } from './config.ts';
import { ANALYZE_USAGE, IMPORT_USAGE } from './modules/analytics/cli-usage.ts';
import { demoCommand } from './modules/analytics/demo/cli.ts';
import { REPORT_USAGE } from './modules/reports/cli-usage.ts';
import { BACKUP_USAGE, RESTORE_USAGE } from './platform/backup/usage.ts';
import type { Db } from './platform/db/database.ts';
import { AppError } from './platform/http/errors.ts';
import { safeError } from './platform/observability/safe-error.ts';

// Commands import what they need when they run, so `--help` answers without loading the server.
interface Command {
  summary: string;
  usage: string;
  run: (args: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Run the HTTP server (API, web app) against the configured database',
    usage: `plantintel serve

Starts the server on HOST:PORT (default 127.0.0.1:8080): API, web app, WebSocket push, and job
workers unless WORKERS=0. Without DATABASE_URL the embedded database in DATA_DIR (default ./data)
is used. Pending migrations are applied first.
SIGINT/SIGTERM finish in-flight requests and close the database cleanly.
Configuration: environment variables or a YAML file named by PLANTINTEL_CONFIG (see README).`,
    run: async () => {
      const { startServer } = await import('./server.ts');
      const server = await startServer(loadConfig());
      await server.stopped;
      return 0;
    },
  },
  worker: {
    summary: 'Run background job workers and event delivery only (no HTTP); start several to scale out',
    usage: `plantintel worker

Runs the job workers (WORKER_CONCURRENCY jobs of each type at once) and domain-event delivery
against the configured database, without serving HTTP. Start as many as the work needs, next to
"plantintel serve" processes with WORKERS=0. Needs PostgreSQL (DATABASE_URL) to share the work
with other processes; on the embedded database it is the only process. SIGINT/SIGTERM stop it:
running jobs are aborted and retried by another worker.`,
    run: async () => {
      const { startServer } = await import('./server.ts');
      const worker = await startServer(loadConfig(), { worker: true });
      await worker.stopped;
      return 0;
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit',
    usage: `plantintel migrate

Applies the committed migrations (drizzle/) to DATABASE_URL, or to the embedded database in
DATA_DIR. Safe to run while other processes start: migrations are serialised by a lock.`,
    run: async () => {
      const config = loadConfig();
      const { openDatabase, targetFromConfig } = await import('./platform/db/database.ts');
      const { migrateDatabase } = await import('./platform/db/migrate.ts');
      const { createLogger } = await import('./platform/observability/logger.ts');
      const logger = createLogger(config);
      const database = await openDatabase(targetFromConfig(config));
      try {
        await migrateDatabase(database);
        logger.info({ database: database.location }, 'migrations applied');
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  seed: {
    summary: 'Add demo data (--demo): the "Demo Manufacturing" tenant and one user per role',
    usage: `plantintel seed --demo

Creates the tenant "Demo Manufacturing" with facility DEMO-1, the users admin@demo.local,
analyst@demo.local, operator@demo.local and viewer@demo.local, and three weeks of plant history
(two lines, three shifts a day, batches with downtime and OEE), and a second facility DEMO-2
whose lines, history and work-order imports (one per facility) the next \`serve\` writes in the
background (job analytics.demo-second-facility). Their password is
PLANTINTEL_DEMO_PASSWORD, or a random one printed once. Does nothing if the demo tenant exists.`,
    run: async (args) => {
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } }, strict: true });
      if (!values.demo) {
        process.stderr.write('plantintel seed: say what to seed: --demo\n');
        return 2;
      }
      return withDatabase(async (config, db) => {
        const { seedDemoData } = await import('./server.ts');
        const created = await seedDemoData(db, config.demoPassword, announce);
        if (!created) process.stdout.write('The demo tenant already exists; nothing changed.\n');
        return 0;
      });
    },
  },
  demo: demoCommand,
  import: {
    summary:
      'Import a work-order export (CSV/XLSX): import <file> --facility <code> [--profile … | --auto-map]',
    usage: IMPORT_USAGE,
    run: async (args) => {
      const { importCommand } = await import('./modules/analytics/cli.ts');
      return importCommand(withDatabase).run(args);
    },
  },
  analyze: {
    summary: 'Import and analyse a work-order export: analyze <file> [--profile … | --auto-map] [--json]',
    usage: ANALYZE_USAGE,
    run: async (args) => {
      const { analyzeCommand } = await import('./modules/analytics/cli-analyze.ts');
      const seedDemo = async (db: Db, config: Config) => {
        const { seedDemoData } = await import('./server.ts');
        await seedDemoData(db, config.demoPassword, announce);
      };
      return analyzeCommand(withDatabase, seedDemo).run(args);
    },
  },
  report: {
    summary: 'Write a PDF report: report <analysis|oee|inspection|alarms> --out <file.pdf> …',
    usage: REPORT_USAGE,
    run: async (args) => {
      const { reportCommand } = await import('./modules/reports/cli.ts');
      return reportCommand(withDatabase).run(args);
    },
  },
  user: {
    summary: 'Create a user: user create --email … --role … [--tenant …] [--name …]',
    usage: `plantintel user create --email <email> --role <admin|analyst|operator|viewer|superadmin>
                       [--tenant <tenant id or name>] [--name <full name>]

Creates a user with a role in a tenant (--tenant is required for tenant roles), or a platform
superadmin. An existing user is added to the tenant. The password is read from
PLANTINTEL_USER_PASSWORD, or generated and printed once.`,
    run: async (args) => {
      const { positionals, values } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          email: { type: 'string' },
          role: { type: 'string' },
          tenant: { type: 'string' },
          name: { type: 'string' },
        },
      });
      const roles = ['admin', 'analyst', 'operator', 'viewer', 'superadmin'] as const;
      const role = roles.find((r) => r === values.role);
      if (positionals[0] !== 'create' || !values.email || !role) {
        process.stderr.write(
          'usage: plantintel user create --email <email> --role <admin|analyst|operator|viewer|superadmin> [--tenant …]\n',
        );
        return 2;
      }
      const email = values.email;
      return withDatabase(async (config, db) => {
        const { createUserFromCli } = await import('./modules/identity/index.ts');
        const password = config.newUserPassword ?? randomBytes(12).toString('base64url');
        const created = await createUserFromCli(db, {
          email,
          name: values.name ?? email.split('@')[0] ?? email,
          role,
          tenant: values.tenant,
          password,
        });
        process.stdout.write(
          `Created ${email} (${role})${created.tenantId ? ` in tenant ${created.tenantId}` : ''}.\n`,
        );
        if (!config.newUserPassword) announce(`Password for ${email}: ${password}  (shown once)`);
        return 0;
      });
    },
  },
  backup: {
    summary: 'Back up the database and stored files into one archive: backup --out <file>',
    usage: BACKUP_USAGE,
    run: async (args) => {
      const { backupCommand } = await import('./platform/backup/cli.ts');
      return backupCommand(args, loadConfig());
    },
  },
  restore: {
    summary: 'Restore a backup archive into an empty target (or --force): restore <file>',
    usage: RESTORE_USAGE,
    run: async (args) => {
      const { restoreCommand } = await import('./platform/backup/cli.ts');
      return restoreCommand(args, loadConfig());
    },
  },
  config: {
    summary: 'Print the effective configuration (secrets hidden) and exit',
    usage: `plantintel config

Validates the configuration from the environment and PLANTINTEL_CONFIG and prints it as JSON.`,
    run: async () => {
      process.stdout.write(`${JSON.stringify(describeConfig(loadConfig()), null, 2)}\n`);
      return 0;
    },
  },
};

/** One-time secrets go to the terminal (stderr), never to a log. */
function announce(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Opens and migrates the configured database for a command, and always closes it. */
async function withDatabase(work: (config: Config, db: Db) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const { openDatabase, targetFromConfig } = await import('./platform/db/database.ts');
  const { migrateDatabase } = await import('./platform/db/migrate.ts');
  const database = await openDatabase(targetFromConfig(config));
  try {
    await migrateDatabase(database);
    return await work(config, database.db);
  } finally {
    await database.close();
  }
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `PlantIntel — operations intelligence for manufacturers

Usage: plantintel <command> [--help]

Commands:
${lines.join('\n')}

Run "plantintel <command> --help" for details.`;
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [name] = positionals;
  // The command parses its own options: hand it everything after its name.
  const rest = argv.slice(argv.indexOf(name ?? '') + 1);
  if (!name) {
    process.stdout.write(`${overview()}\n`);
    return values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${overview()}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`plantintel: invalid configuration: ${err.message}\n`);
      return 2;
    }
    if (err instanceof AppError && err.status < 500) {
      process.stderr.write(`plantintel ${name}: ${err.message}\n`);
      return 2;
    }
    // The safe form: a failed query's parameters (password hashes, keys) never reach the terminal.
    process.stderr.write(`plantintel ${name} failed: ${JSON.stringify(safeError(err), null, 2)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
