import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../accounts/index.ts';
import { testDialects } from '../store/testing.ts';
import { addMember, Browser, setUpOwner, startTestRelais, type TestRelais } from './testing.ts';

type Role = (typeof roles)[number];
const everyone: Role[] = [...roles];
const managers: Role[] = ['owner', 'admin'];
const curators: Role[] = ['owner', 'admin', 'community_manager'];

interface Ctx { relais: TestRelais; owner: Browser; workspaceId: string; seq: number }
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  allowed: Role[];
  /** Builds a fresh target (as the owner) so each role acts on something that exists. */
  prepare: (ctx: Ctx) => Promise<{ url: string; body?: unknown }>;
}

const freshMember = async (ctx: Ctx) => {
  const email = `target${++ctx.seq}@example.com`;
  await addMember(ctx.relais.app, ctx.owner, email, 'agent', `Target ${ctx.seq}`);
  const members = (await ctx.owner.get('/api/v1/members')).body.members as { userId: string; email: string }[];
  return members.find((m) => m.email === email)!.userId;
};

// Every authenticated route of the API, and who may call it.
const cases: RouteCase[] = [
  { method: 'GET', route: '/api/v1/me', allowed: everyone, prepare: async () => ({ url: '/api/v1/me' }) },
  { method: 'PATCH', route: '/api/v1/me', allowed: everyone, prepare: async () => ({ url: '/api/v1/me', body: { locale: 'en' } }) },
  { method: 'POST', route: '/api/v1/me/password', allowed: everyone, prepare: async () => ({ url: '/api/v1/me/password', body: { currentPassword: 'another good password', newPassword: 'another good password' } }) },
  { method: 'POST', route: '/api/v1/me/workspace', allowed: everyone, prepare: async (ctx) => ({ url: '/api/v1/me/workspace', body: { workspaceId: ctx.workspaceId } }) },
  { method: 'GET', route: '/api/v1/members', allowed: everyone, prepare: async () => ({ url: '/api/v1/members' }) },
  { method: 'PATCH', route: '/api/v1/members/:userId', allowed: managers, prepare: async (ctx) => ({ url: `/api/v1/members/${await freshMember(ctx)}`, body: { role: 'community_manager' } }) },
  { method: 'DELETE', route: '/api/v1/members/:userId', allowed: managers, prepare: async (ctx) => ({ url: `/api/v1/members/${await freshMember(ctx)}` }) },
  { method: 'GET', route: '/api/v1/invitations', allowed: managers, prepare: async () => ({ url: '/api/v1/invitations' }) },
  { method: 'POST', route: '/api/v1/invitations', allowed: managers, prepare: async (ctx) => ({ url: '/api/v1/invitations', body: { email: `new${++ctx.seq}@example.com`, role: 'agent' } }) },
  {
    method: 'DELETE', route: '/api/v1/invitations/:id', allowed: managers,
    prepare: async (ctx) => ({ url: `/api/v1/invitations/${(await ctx.owner.post('/api/v1/invitations', { email: `inv${++ctx.seq}@example.com`, role: 'agent' })).body.invitation.id}` }),
  },
  { method: 'GET', route: '/api/v1/tokens', allowed: managers, prepare: async () => ({ url: '/api/v1/tokens' }) },
  { method: 'POST', route: '/api/v1/tokens', allowed: managers, prepare: async () => ({ url: '/api/v1/tokens', body: { name: 'Zapier', role: 'agent' } }) },
  {
    method: 'DELETE', route: '/api/v1/tokens/:id', allowed: managers,
    prepare: async (ctx) => ({ url: `/api/v1/tokens/${(await ctx.owner.post('/api/v1/tokens', { name: `t${++ctx.seq}`, role: 'agent' })).body.token.id}` }),
  },
  { method: 'GET', route: '/api/v1/audit', allowed: managers, prepare: async () => ({ url: '/api/v1/audit' }) },
  { method: 'GET', route: '/api/v1/conversations', allowed: everyone, prepare: async () => ({ url: '/api/v1/conversations' }) },
  { method: 'GET', route: '/api/v1/admin/inbound', allowed: managers, prepare: async () => ({ url: '/api/v1/admin/inbound?status=parked' }) },
  { method: 'GET', route: '/api/v1/labels', allowed: everyone, prepare: async () => ({ url: '/api/v1/labels' }) },
  { method: 'POST', route: '/api/v1/labels', allowed: curators, prepare: async (ctx) => ({ url: '/api/v1/labels', body: { name: `L${++ctx.seq}`, color: '#123456' } }) },
  { method: 'GET', route: '/api/v1/canned-replies', allowed: everyone, prepare: async () => ({ url: '/api/v1/canned-replies' }) },
  { method: 'POST', route: '/api/v1/canned-replies', allowed: curators, prepare: async (ctx) => ({ url: '/api/v1/canned-replies', body: { shortcut: `c${++ctx.seq}`, title: 'T', body: 'Bonjour {{contact.first_name}}' } }) },
  { method: 'GET', route: '/api/v1/channels', allowed: everyone, prepare: async () => ({ url: '/api/v1/channels' }) },
  { method: 'GET', route: '/api/v1/insight/model', allowed: managers, prepare: async () => ({ url: '/api/v1/insight/model' }) },
  { method: 'GET', route: '/api/v1/moderation', allowed: curators, prepare: async () => ({ url: '/api/v1/moderation' }) },
];

const dialects = await testDialects();

describe.each(dialects)('role matrix on %s', (dialect) => {
  const ctx = { seq: 0 } as Ctx;
  const browsers = {} as Record<Role, Browser>;

  beforeAll(async () => {
    ctx.relais = await startTestRelais(dialect);
    ctx.owner = await setUpOwner(ctx.relais.app);
    ctx.workspaceId = (await ctx.owner.get('/api/v1/me')).body.workspace.id;
    browsers.owner = await addMember(ctx.relais.app, ctx.owner, 'owner2@example.com', 'owner', 'Second owner');
    browsers.admin = await addMember(ctx.relais.app, ctx.owner, 'admin@example.com', 'admin', 'Ada');
    browsers.agent = await addMember(ctx.relais.app, ctx.owner, 'agent@example.com', 'agent', 'Bob');
    browsers.community_manager = await addMember(ctx.relais.app, ctx.owner, 'cm@example.com', 'community_manager', 'Chloé');
  });
  afterAll(async () => { await ctx.relais?.dispose(); });

  const matrix = cases.flatMap((c) => roles.map((role) => ({ ...c, role, expected: c.allowed.includes(role) ? 'allowed' : 'forbidden' })));

  it.each(matrix)('$method $route as $role is $expected', async ({ method, role, allowed, prepare }) => {
    const { url, body } = await prepare(ctx);
    const reply = await browsers[role].request(method, url, body);
    if (allowed.includes(role)) {
      expect(reply.status, JSON.stringify(reply.body)).toBeGreaterThanOrEqual(200);
      expect(reply.status).toBeLessThan(300);
    } else {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('auth.forbidden');
    }
  });

  it('refuses anonymous callers on every route with 401', async () => {
    const stranger = await new Browser(ctx.relais.app).open();
    for (const c of cases) {
      const { url, body } = await c.prepare(ctx);
      const reply = await stranger.request(c.method, url, body);
      expect(reply.status, `${c.method} ${url}`).toBe(401);
      expect(reply.body.error.code).toBe('auth.required');
    }
  });

  it('applies the same matrix to API tokens', async () => {
    for (const role of roles) {
      const { secret } = (await ctx.owner.post('/api/v1/tokens', { name: `bot-${role}`, role })).body;
      const headers = { authorization: `Bearer ${secret}` };
      const members = await ctx.relais.app.inject({ method: 'GET', url: '/api/v1/members', headers });
      const tokens = await ctx.relais.app.inject({ method: 'GET', url: '/api/v1/tokens', headers });
      expect(members.statusCode).toBe(200);
      expect(tokens.statusCode).toBe(managers.includes(role) ? 200 : 403);
    }
  });
});
