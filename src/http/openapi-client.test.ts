import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from './openapi-types.ts';
import { apiTypesFile, apiTypesFromDocument } from '../../scripts/openapi-typegen.ts';
import { setUpOwner, startTestRelais, type TestRelais } from './testing.ts';

// A client generated from the document (openapi-typescript types + openapi-fetch), used the
// way a shop's developer would: over real HTTP with an API token. `npm run typecheck`
// checks these calls against the generated types; this runs them against the server.
describe('a client generated from the OpenAPI document', () => {
  let relais: TestRelais;
  let baseUrl: string;
  let token: string;
  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    const owner = await setUpOwner(relais.app);
    token = (await owner.post('/api/v1/tokens', { name: 'Shop ERP', role: 'admin' })).body.secret;
    baseUrl = await relais.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => { await relais.dispose(); });

  it('is generated from the document served today (run `npm run api:types` after changing a contract)', async () => {
    const document = (await relais.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(readFileSync(apiTypesFile, 'utf8')).toBe(await apiTypesFromDocument(document));
  });

  it('calls the API with typed paths, parameters, bodies and answers', async () => {
    const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

    const me = await api.GET('/api/v1/me');
    expect(me.data?.workspace.name).toBe('Boutique Léa');
    expect(me.data?.via).toBe('token');

    const label = await api.POST('/api/v1/labels', { body: { name: 'Livraison', color: '#1f6feb' } });
    expect(label.response.status).toBe(201);
    const labelId: string = label.data!.id;

    const renamed = await api.PATCH('/api/v1/labels/{id}', { params: { path: { id: labelId } }, body: { name: 'Livraisons', color: '#1f6feb' } });
    expect(renamed.data?.name).toBe('Livraisons');

    const labels = await api.GET('/api/v1/labels');
    expect(labels.data?.labels.map((one) => one.name)).toEqual(['Livraisons']);

    const list = await api.GET('/api/v1/conversations', { params: { query: { view: 'open', limit: 10 } } });
    expect(list.data).toEqual({ conversations: [], nextCursor: null, searchCappedAt: null });

    const reply = await api.POST('/api/v1/canned-replies', { body: { shortcut: 'merci', title: 'Merci', body: 'Merci pour votre message !' } });
    expect(reply.data?.shortcut).toBe('merci');

    // Errors come typed too: the document's shared error shape.
    const missing = await api.GET('/api/v1/conversations/{id}', { params: { path: { id: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('conversation.not_found');

    const bad = await api.POST('/api/v1/labels', { body: { name: '', color: 'blue' } });
    expect(bad.response.status).toBe(400);
    expect(Object.keys(bad.error?.error.fields ?? {}).sort()).toEqual(['color', 'name']);

    const gone = await api.DELETE('/api/v1/labels/{id}', { params: { path: { id: labelId } } });
    expect(gone.response.status).toBe(204);
  });
});
