import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from './testing.ts';

// Bad input is refused at the edge with a clear code, and nothing is written.
describe('bad input', () => {
  let relais: TestRelais;
  let owner: Browser;
  beforeAll(async () => {
    relais = await startTestRelais('sqlite', { RELAIS_BODY_LIMIT_BYTES: '4096' });
    owner = await setUpOwner(relais.app);
  });
  afterAll(async () => { await relais?.dispose(); });

  const invitations = async () => (await owner.get('/api/v1/invitations')).body.invitations;
  const raw = (payload: string, contentType = 'application/json') =>
    owner.request('POST', '/api/v1/invitations', payload, { headers: { 'content-type': contentType } });

  it('malformed JSON gets 400 request.malformed_json', async () => {
    const reply = await raw('{"email": "karim@example.com", "role": ');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('request.malformed_json');
    expect(await invitations()).toEqual([]);
  });

  it('wrong types and missing fields get 400 request.invalid with the fields named', async () => {
    const reply = await owner.post('/api/v1/invitations', { email: 42, role: 'emperor' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('request.invalid');
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(['email', 'role']);
    const missing = await owner.post('/api/v1/invitations', {});
    expect(missing.body.error.fields).toHaveProperty('email');
    expect(await invitations()).toEqual([]);
  });

  it('a French caller reads the error and each field in French, with the precise words kept aside', async () => {
    const fr = { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } };
    const reply = await owner.request('POST', '/api/v1/invitations', { email: 42, role: 'emperor', extra: true }, fr);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'request.invalid',
      message: 'Certains champs sont à corriger.',
      fields: { email: ['Saisissez une adresse e-mail valide.'], extra: ['Champ inconnu.'] },
    });
    expect(reply.body.error.fields.role[0]).toMatch(/^Valeur non reconnue \(attendu : .*"agent"/);
    expect(reply.body.error.detail).toMatch(/^Invalid request: /);
    const english = await owner.request('POST', '/api/v1/invitations', { email: 42, role: 'agent' }, { headers: { 'accept-language': 'en-GB' } });
    expect(english.body.error.fields).toEqual({ email: ['Enter a valid email address.'] });
    const missing = await owner.get('/api/v1/nope', fr);
    expect(missing.body.error).toMatchObject({ code: 'request.not_found', message: 'Cette adresse n’existe pas.' });
    expect(await invitations()).toEqual([]);
  });

  it('unknown fields get 400 request.invalid', async () => {
    const reply = await owner.post('/api/v1/invitations', { email: 'karim@example.com', role: 'agent', workspaceId: 'someone-else' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({ workspaceId: ['unknown field'] });
    expect(await invitations()).toEqual([]);
  });

  it('an oversized body gets 413 request.too_large', async () => {
    const reply = await owner.post('/api/v1/invitations', { email: 'karim@example.com', role: 'agent', note: 'x'.repeat(10_000) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('request.too_large');
    expect(await invitations()).toEqual([]);
  });

  it('a body that is not JSON gets 415', async () => {
    const reply = await raw('email=karim@example.com&role=agent', 'application/x-www-form-urlencoded');
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('request.unsupported_media_type');
  });

  it('an unknown API route gets a JSON 404, a console route gets the page', async () => {
    const api = await owner.get('/api/v1/nope');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('request.not_found');
    const page = await relais.app.inject({ method: 'GET', url: '/team' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('a malformed Authorization header or an unknown token gets 401', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer rls_not-a-real-token']) {
      const reply = await relais.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error.code).toBe('auth.required');
    }
  });

  it('every answer carries security headers and a CSP', async () => {
    const reply = await relais.app.inject({ method: 'GET', url: '/inbox' });
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-request-id']).toMatch(/^[0-9a-z]{26}$/);
  });

  it('health and readiness answer', async () => {
    expect((await relais.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await relais.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
