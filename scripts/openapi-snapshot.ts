// npm run openapi — rewrites openapi.snapshot.json from the live spec. Review the diff, then commit it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateOpenApiDocument, SNAPSHOT_FILE } from '../src/platform/http/openapi-document.ts';

writeFileSync(SNAPSHOT_FILE, await generateOpenApiDocument());
process.stdout.write(`wrote ${fileURLToPath(SNAPSHOT_FILE)}\n`);
