// CLI entry: `plantintel <command>`. Commands are small functions returning an exit code.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

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

Starts the server on HOST:PORT (default 127.0.0.1:8080). Without DATABASE_URL the embedded
database in DATA_DIR (default ./data) is used. Pending migrations are applied first.
SIGINT/SIGTERM finish in-flight requests and close the database cleanly.
Configuration: environment variables or a YAML file named by PLANTINTEL_CONFIG (see README).`,
    run: async () => {
      const { startServer } = await import('./server.ts');
      const server = await startServer(loadConfig());
      await server.stopped;
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
  const [name, ...rest] = positionals;
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
    process.stderr.write(`plantintel ${name} failed: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
