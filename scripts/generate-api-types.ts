// Writes src/http/openapi-types.ts: the TypeScript types openapi-typescript generates from
// GET /api/v1/openapi.json. `npm run api:types` after changing a contract; a test checks
// that the committed file is what the document generates today.
import { writeFileSync } from 'node:fs';
import { apiTypesFromDocument, apiTypesFile } from './openapi-typegen.ts';
import { startTestRelais } from '../src/http/testing.ts';

const relais = await startTestRelais('sqlite');
try {
  const document = (await relais.app.inject({ url: '/api/v1/openapi.json' })).json();
  writeFileSync(apiTypesFile, await apiTypesFromDocument(document));
  console.log(`wrote ${apiTypesFile}`);
} finally {
  await relais.dispose();
}
