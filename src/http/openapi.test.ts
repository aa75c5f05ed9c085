import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from './route-table.ts';
import { Browser, startTestRelais, type TestRelais } from './testing.ts';

// The document is built from the contracts and Fastify's own route table; this checks both
// that it is valid OpenAPI 3.1 and that it says exactly what the server serves.
describe('the OpenAPI document', () => {
  let relais: TestRelais;
  let document: any;
  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    const reply = await new Browser(relais.app).get('/api/v1/openapi.json');
    expect(reply.status).toBe(200);
    document = reply.body;
  });
  afterAll(async () => { await relais.dispose(); });

  it('is served without a session and passes a standard OpenAPI 3.1 validator', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every /api/v1 route Fastify serves, and nothing it does not serve', () => {
    // Fastify's router, read independently of the hook that builds the document.
    const served = new Set(routeTable(relais.app).filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'HEAD').map((route) => `${route.method} ${route.path}`));
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    expect([...served].filter((route) => !documented.has(route)).sort()).toEqual([]);
    expect([...documented].filter((route) => !served.has(route)).sort()).toEqual([]);
    // And Fastify's router answers each documented one.
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string];
      expect(relais.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    expect(served.size).toBeGreaterThan(90);
  });

  it('names the auth, the errors and an example of each route', () => {
    const signIn = document.paths['/api/v1/auth/sign-in'].post;
    expect(signIn.security).toEqual([]);
    expect(signIn.responses['400']).toEqual({ $ref: '#/components/responses/InvalidInput' });
    expect(document.components.responses.InvalidInput.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(signIn.responses['200'].content['application/json'].example.workspace.name).toBe('Maison Lune');
    const reply = document.paths['/api/v1/conversations/{id}/messages'].post;
    expect(reply.security).toEqual([{ bearerToken: [] }, { sessionCookie: [], csrfHeader: [] }]);
    expect(reply['x-relais-permission']).toBe('conversations.reply');
    expect(Object.keys(reply.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404']));
    expect(document.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('serves the reference page and its renderer from Relais itself', async () => {
    const browser = new Browser(relais.app);
    const page = await browser.get('/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    const html = String((await relais.app.inject({ url: '/api/docs' })).body);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.every((source) => source.startsWith('/api/docs/'))).toBe(true);
    for (const source of sources) expect((await relais.app.inject({ url: source })).statusCode).toBe(200);
    expect((await relais.app.inject({ url: '/api/docs/start.js' })).body).toContain('/api/v1/openapi.json');
  });
});

