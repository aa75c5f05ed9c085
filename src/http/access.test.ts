import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, needs, publicAccess, requireAccessDeclarations, setScopeAccess } from './access.ts';
import { addMember, setUpOwner, startTestRelais, type Browser, type TestRelais } from './testing.ts';

describe('route access declarations', () => {
  it('refuses to start when a route declares nothing', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/declares no access/);
    expect(() => app.get('/api/v1/typo', { config: { access: { kind: 'caller', permission: 'tokens.mange' as 'tokens.manage' } } }, async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });

  it('lets a plugin scope declare the access of routes it cannot configure, and nowhere else', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    await app.register(async (files) => {
      setScopeAccess(files, publicAccess);
      files.get('/favicon.svg', async () => 'ok');
    });
    app.get('/declared', allow(needs('workspace.read')), async () => 'ok');
    await app.ready();
    expect((await app.inject('/favicon.svg')).body).toBe('ok');
    await app.close();
    const sibling = Fastify();
    requireAccessDeclarations(sibling);
    await sibling.register(async (files) => { setScopeAccess(files, publicAccess); });
    await expect(sibling.register(async (other) => { other.get('/other', async () => 'x'); })).rejects.toThrow(/declares no access/);
    await sibling.close().catch(() => undefined);
  });
});

// The hole of issue 13: the old check read the raw URL, the router matched the decoded path.
describe('access decided on the matched route', () => {
  let relais: TestRelais;
  let owner: Browser;
  let agent: Browser;
  let agentToken: string;
  beforeAll(async () => {
    relais = await startTestRelais('sqlite');
    owner = await setUpOwner(relais.app);
    agent = await addMember(relais.app, owner, 'agent@example.com', 'agent', 'Bob');
    agentToken = (await owner.post('/api/v1/tokens', { name: 'agent bot', role: 'agent' })).body.secret;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('an agent token cannot create an admin token through an encoded path', async () => {
    for (const url of ['/%61pi/v1/tokens', '/api/v1/%74okens', '/api/v1/tokens/', '/api//v1/tokens']) {
      const reply = await relais.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${agentToken}` }, payload: { name: 'x', role: 'admin' } });
      expect([403, 404], `${url}: ${reply.body}`).toContain(reply.statusCode);
    }
    const tokens = (await owner.get('/api/v1/tokens')).body.tokens as { name: string }[];
    expect(tokens.map((token) => token.name)).toEqual(['agent bot']);
  });

  it('a session cookie without the CSRF header cannot change the profile through an encoded path', async () => {
    const reply = await agent.request('PATCH', '/%61pi/v1/me', { name: 'Pirate' }, { csrf: false });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('auth.csrf_failed');
    expect((await agent.get('/api/v1/me')).body.user.name).toBe('Bob');
  });

  it('an anonymous caller gets 401 on an encoded admin path', async () => {
    const reply = await relais.app.inject({ method: 'GET', url: '/%61pi/v1/audit' });
    expect(reply.statusCode).toBe(401);
  });
});
