#!/usr/bin/env node
// Runs the CLI on Node 24+. Older system Node versions hand over to the node@24 binary that the
// project installs as a devDependency, so `plantintel` works on machines that still ship Node 20.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));

if (major >= 24) {
  const { main } = await import(entry);
  process.exit(await main(process.argv.slice(2)));
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      `plantintel needs Node.js 24 or newer (this is ${process.version}). Run npm install first.\n`,
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
