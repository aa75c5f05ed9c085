import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { addMember, setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

const dialects = await testDialects();

// API tokens: a scope on top of the role (decided from the matched route's permission), an
// expiry, the last use written at most once a minute, and a role never above the creator's.
describe.each(dialects)('API tokens on %s', (dialect) => {
  let relais: TestRelais;
  let owner: Browser;
  let admin: Browser;
  let adminUserId = '';
  let ip = 0;

  const call = async (secret: string, method: string, url: string, payload?: object) => {
    const reply = await relais.app.inject({
      method: method as 'GET', url, headers: { authorization: `Bearer ${secret}`, 'accept-language': 'fr' }, remoteAddress: `192.0.2.${++ip % 250}`,
      ...(payload ? { payload } : {}),
    });
    return { status: reply.statusCode, body: reply.body ? (reply.json() as any) : undefined };
  };
  const create = async (by: Browser, body: object) => {
    const reply = await by.post('/api/v1/tokens', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body as { token: { id: string; scope: string; role: string }; secret: string };
  };
  const listed = async (id: string) => ((await owner.get('/api/v1/tokens')).body.tokens as any[]).find((token) => token.id === id);

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    owner = await setUpOwner(relais.app);
    admin = await addMember(relais.app, owner, 'ada@example.com', 'admin', 'Ada');
    adminUserId = (await admin.get('/api/v1/me')).body.user.id;
  });
  afterAll(async () => { await relais?.dispose(); });

  it('a read token reads and changes nothing; a write token changes what an agent may; admin routes need admin', async () => {
    const read = await create(owner, { name: 'BI', scope: 'read' });
    const write = await create(owner, { name: 'Zapier', scope: 'write' });
    const full = await create(owner, { name: 'ERP', scope: 'admin' });
    expect(read.token).toMatchObject({ scope: 'read', role: 'owner' });

    expect((await call(read.secret, 'GET', '/api/v1/conversations')).status).toBe(200);
    expect((await call(read.secret, 'GET', '/api/v1/me')).status).toBe(200);
    const refused = await call(read.secret, 'POST', '/api/v1/labels', { name: 'vip', color: '#123456' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'auth.token_scope', message: 'La portée de ce jeton d’API ne permet pas cette action.' });
    expect((await owner.get('/api/v1/labels')).body.labels).toEqual([]);
    // GET of an admin permission: the method alone does not make a read.
    expect((await call(read.secret, 'GET', '/api/v1/tokens')).body.error.code).toBe('auth.token_scope');

    expect((await call(write.secret, 'POST', '/api/v1/labels', { name: 'vip', color: '#123456' })).status).toBe(201);
    expect((await call(write.secret, 'GET', '/api/v1/tokens')).body.error.code).toBe('auth.token_scope');
    expect((await call(write.secret, 'POST', '/api/v1/teams', { name: 'Night' })).body.error.code).toBe('auth.token_scope');

    expect((await call(full.secret, 'GET', '/api/v1/tokens')).status).toBe(200);
    expect((await call(full.secret, 'POST', '/api/v1/teams', { name: 'Night' })).status).toBe(201);
  });

  it('a token made without a scope keeps everything its role allows, as before scopes', async () => {
    const legacy = await create(owner, { name: 'old script', role: 'agent' });
    expect(legacy.token.scope).toBe('admin');
    expect((await call(legacy.secret, 'POST', '/api/v1/labels', { name: 'x', color: '#123456' })).body.error.code).toBe('auth.forbidden');
  });

  it('never holds more than its creator: at creation, and after the creator is demoted or leaves', async () => {
    const escalate = await admin.post('/api/v1/tokens', { name: 'up', role: 'owner', scope: 'admin' });
    expect(escalate.status).toBe(403);
    const mine = await create(admin, { name: 'ada bot', scope: 'admin' });
    expect(mine.token.role).toBe('admin');
    expect((await listed(mine.token.id)).createdBy).toEqual({ id: adminUserId, name: 'Ada' });
    expect((await call(mine.secret, 'GET', '/api/v1/tokens')).status).toBe(200);

    expect((await owner.patch(`/api/v1/members/${adminUserId}`, { role: 'agent' })).status).toBe(200);
    expect((await call(mine.secret, 'GET', '/api/v1/tokens')).body.error.code).toBe('auth.forbidden');
    expect((await call(mine.secret, 'GET', '/api/v1/conversations')).status).toBe(200);

    expect((await owner.delete(`/api/v1/members/${adminUserId}`)).status).toBe(204);
    expect((await call(mine.secret, 'GET', '/api/v1/conversations')).body.error.code).toBe('auth.required');
  });

  it('refuses an expired token with its own code, and an expiry in the past at creation', async () => {
    const past = await owner.post('/api/v1/tokens', { name: 'late', scope: 'read', expiresAt: relais.clock.now() - 1 });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe('token.expiry_past');
    const soon = await create(owner, { name: 'one hour', scope: 'read', expiresAt: relais.clock.now() + 60 * 60_000 });
    expect((await call(soon.secret, 'GET', '/api/v1/conversations')).status).toBe(200);
    relais.clock.advance(61 * 60_000);
    const expired = await call(soon.secret, 'GET', '/api/v1/conversations');
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'auth.token_expired' });
    expect((await listed(soon.token.id)).expiresAt).toBeLessThan(relais.clock.now());
  });

  it('records the last use and its address at most once a minute; a revoked token stays listed and is refused', async () => {
    const token = await create(owner, { name: 'poller', scope: 'read' });
    expect(await listed(token.token.id)).toMatchObject({ lastUsedAt: null, lastUsedIp: null, revokedAt: null });
    const first = relais.clock.now();
    await call(token.secret, 'GET', '/api/v1/conversations');
    const used = await listed(token.token.id);
    expect(used.lastUsedAt).toBe(first);
    expect(used.lastUsedIp).toMatch(/^192\.0\.2\./);

    relais.clock.advance(30_000);
    await call(token.secret, 'GET', '/api/v1/conversations');
    expect((await listed(token.token.id)).lastUsedAt).toBe(first);
    relais.clock.advance(31_000);
    await call(token.secret, 'GET', '/api/v1/conversations');
    expect((await listed(token.token.id)).lastUsedAt).toBe(first + 61_000);

    expect((await owner.delete(`/api/v1/tokens/${token.token.id}`)).status).toBe(204);
    expect((await listed(token.token.id)).revokedAt).toBe(relais.clock.now());
    expect((await call(token.secret, 'GET', '/api/v1/conversations')).body.error.code).toBe('auth.required');
  });
});
