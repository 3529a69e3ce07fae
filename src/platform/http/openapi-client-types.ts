// The web app's types of the API, generated from the OpenAPI snapshot by openapi-typescript, so a
// schema change that breaks the dashboard fails `npm run typecheck` instead of a page at run time.
import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = new URL('../../../web/src/api-schema.ts', import.meta.url);

const HEADER = `// Generated from openapi.snapshot.json by \`npm run openapi\` (openapi-typescript). Do not edit.\n`;

/** The TypeScript declarations of `snapshot` (the OpenAPI document's text). */
export async function generateClientTypes(snapshot: string): Promise<string> {
  const ast = await openapiTS(snapshot, { alphabetize: true });
  return HEADER + astToString(ast);
}
