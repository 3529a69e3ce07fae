// Run by `npm install` (postinstall): dumps a migrated, empty embedded database once per migration
// set, so a fresh DATA_DIR and every test file start from it instead of replaying the migrations.
import { baselineFile } from '../src/platform/db/baseline.ts';
import { ensureBaseline } from '../src/platform/db/baseline-build.ts';

const started = performance.now();
const file = baselineFile();
await ensureBaseline(file);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`embedded database baseline ready: ${file} (${seconds} s)\n`);
