// npm run openapi — rewrites openapi.snapshot.json from the live spec, and the web app's API types
// generated from it (web/src/api-schema.ts). Review the diff, then commit both.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_TYPES_FILE, generateClientTypes } from '../src/platform/http/openapi-client-types.ts';
import { generateOpenApiDocument, SNAPSHOT_FILE } from '../src/platform/http/openapi-document.ts';

const snapshot = await generateOpenApiDocument();
writeFileSync(SNAPSHOT_FILE, snapshot);
writeFileSync(CLIENT_TYPES_FILE, await generateClientTypes(snapshot));
process.stdout.write(`wrote ${fileURLToPath(SNAPSHOT_FILE)} and ${fileURLToPath(CLIENT_TYPES_FILE)}\n`);
