import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { can, createSession, scopeAllows, type Permission, type TokenScope } from '../accounts/index.ts';
import { testDialects } from '../store/testing.ts';
import { routeTable, samplePath } from './route-table.ts';
import { addMember, setUpOwner, startTestRelais, type TestRelais } from './testing.ts';

/**
 * Every route of Fastify's route table × every role × many spellings of its URL. A denied
 * call is refused by the access check (401/403 with its code) or reaches no route at all
 * (the not-found handler), and changes no table. An allowed call is never refused by it.
 * The expected access below is written by hand, apart from the routes' own declarations: a
 * route whose declaration changes, or a new route, makes this test fail until it is told.
 */
type Expected = Permission | 'public' | 'guest' | 'visitor' | 'webhook';

const expected: Record<string, Expected> = {
  'GET /healthz': 'public', 'GET /readyz': 'public',
  'GET /index.html': 'public', 'GET /favicon.svg': 'public', 'GET /assets/app.js': 'public',
  'GET /widget.js': 'public', 'GET /widget/app.js': 'public', 'GET /widget/app.css': 'public',
  'GET /api/v1/openapi.json': 'public', 'GET /api/docs': 'public', 'GET /api/docs/start.js': 'public', 'GET /api/docs/:asset': 'public',
  'GET /widget/frame': 'public', 'GET /widget/files/:id/:key': 'public', 'POST /widget/api/session': 'public',
  'GET /widget/api/socket': 'visitor', 'GET /widget/api/history': 'visitor', 'POST /widget/api/messages': 'visitor',
  'POST /widget/api/identify': 'visitor', 'POST /widget/api/read': 'visitor', 'POST /widget/api/uploads': 'visitor',
  'GET /hooks/:provider': 'webhook', 'POST /hooks/:provider': 'webhook', 'POST /hooks/shopify': 'webhook',
  'POST /hooks/woocommerce/:channelId': 'webhook',
  'GET /api/v1/session': 'guest', 'POST /api/v1/setup': 'guest', 'POST /api/v1/auth/sign-in': 'guest',
  'POST /api/v1/auth/sign-out': 'guest', 'GET /api/v1/invitations/preview/:token': 'guest', 'POST /api/v1/invitations/accept': 'guest',
  'GET /api/v1/me': 'profile.manage', 'PATCH /api/v1/me': 'profile.manage', 'POST /api/v1/me/password': 'profile.manage',
  'POST /api/v1/me/workspace': 'profile.manage', 'PUT /api/v1/me/availability': 'profile.manage', 'POST /api/v1/workspaces': 'profile.manage',
  'GET /api/v1/members': 'members.read', 'PATCH /api/v1/members/:userId': 'members.manage', 'DELETE /api/v1/members/:userId': 'members.manage',
  'GET /api/v1/invitations': 'invitations.manage', 'POST /api/v1/invitations': 'invitations.manage', 'DELETE /api/v1/invitations/:id': 'invitations.manage',
  'GET /api/v1/tokens': 'tokens.manage', 'POST /api/v1/tokens': 'tokens.manage', 'DELETE /api/v1/tokens/:id': 'tokens.manage',
  'GET /api/v1/audit': 'audit.read', 'GET /api/v1/realtime': 'workspace.read',
  'GET /api/v1/admin/inbound': 'inbound.manage', 'POST /api/v1/admin/inbound/:id/replay': 'inbound.manage', 'GET /api/v1/insight/model': 'inbound.manage',
  'GET /api/v1/availability': 'members.read', 'GET /api/v1/teams': 'members.read', 'POST /api/v1/teams': 'members.manage',
  'PATCH /api/v1/teams/:id': 'members.manage', 'DELETE /api/v1/teams/:id': 'members.manage',
  'GET /api/v1/care-settings': 'conversations.read', 'PATCH /api/v1/care-settings': 'channels.manage', 'GET /api/v1/holidays': 'conversations.read',
  'GET /api/v1/conversations': 'conversations.read', 'GET /api/v1/conversations/:id': 'conversations.read', 'PATCH /api/v1/conversations/:id': 'conversations.reply',
  'GET /api/v1/conversations/:id/policy': 'conversations.read', 'POST /api/v1/conversations/:id/labels': 'conversations.reply',
  'DELETE /api/v1/conversations/:id/labels/:labelId': 'conversations.reply', 'POST /api/v1/conversations/:id/messages': 'conversations.reply',
  'POST /api/v1/conversations/:id/move-to-private': 'conversations.reply', 'GET /api/v1/conversations/:id/sla': 'conversations.read',
  'GET /api/v1/conversations/:id/webchat': 'conversations.read', 'POST /api/v1/outbound/:id/retry': 'conversations.reply',
  'POST /api/v1/messages/:id/classification': 'conversations.reply', 'POST /api/v1/messages/:id/:action': 'messages.moderate',
  'GET /api/v1/contacts/:id': 'conversations.read', 'POST /api/v1/contacts/:id/notes': 'conversations.reply', 'POST /api/v1/contacts/:id/merge': 'conversations.reply',
  'POST /api/v1/contacts/:id/opt-out': 'conversations.reply', 'POST /api/v1/contacts/:id/export': 'privacy.manage', 'POST /api/v1/contacts/:id/erase': 'privacy.manage',
  'GET /api/v1/contacts/:id/commerce': 'conversations.read', 'POST /api/v1/contacts/:id/shop-links': 'conversations.reply',
  'DELETE /api/v1/contacts/:id/shop-links/:shopCustomerId': 'conversations.reply',
  'GET /api/v1/privacy/retention': 'privacy.manage', 'PUT /api/v1/privacy/retention': 'privacy.manage', 'GET /api/v1/conversations/counts': 'conversations.read',
  'GET /api/v1/privacy/exports': 'privacy.manage', 'GET /api/v1/privacy/exports/:id': 'privacy.manage',
  'GET /api/v1/labels': 'conversations.read', 'POST /api/v1/labels': 'catalog.manage', 'PATCH /api/v1/labels/:id': 'catalog.manage', 'DELETE /api/v1/labels/:id': 'catalog.manage',
  'GET /api/v1/canned-replies': 'conversations.read', 'POST /api/v1/canned-replies': 'catalog.manage',
  'PATCH /api/v1/canned-replies/:id': 'catalog.manage', 'DELETE /api/v1/canned-replies/:id': 'catalog.manage',
  'GET /api/v1/channels': 'conversations.read', 'POST /api/v1/channels': 'channels.manage', 'POST /api/v1/channels/webchat': 'channels.manage',
  'GET /api/v1/channels/:id/webchat': 'channels.manage', 'PATCH /api/v1/channels/:id/webchat': 'channels.manage',
  'POST /api/v1/channels/:id/webchat/identify-secret': 'channels.manage',
  'POST /api/v1/shops': 'channels.manage', 'POST /api/v1/shops/:id/reconcile': 'channels.manage', 'GET /api/v1/orders': 'conversations.read',
  'GET /api/v1/moderation': 'moderation.read',
  'GET /api/v1/rules': 'conversations.read', 'POST /api/v1/rules': 'rules.manage', 'POST /api/v1/rules/dry-run': 'conversations.read',
  'POST /api/v1/rules/reorder': 'rules.manage', 'PATCH /api/v1/rules/:id': 'rules.manage', 'DELETE /api/v1/rules/:id': 'rules.manage',
  'POST /api/v1/rules/:id/enabled': 'rules.manage',
  'GET /api/v1/charter': 'conversations.read', 'PUT /api/v1/charter': 'catalog.manage',
  'GET /api/v1/voice': 'conversations.read', 'PUT /api/v1/voice': 'catalog.manage', 'POST /api/v1/voice/check': 'conversations.reply',
  'GET /api/v1/notifications': 'workspace.read', 'POST /api/v1/notifications/read': 'workspace.read',
  'GET /api/v1/recovery/settings': 'channels.manage', 'PUT /api/v1/recovery/settings': 'channels.manage', 'POST /api/v1/recovery/preview': 'channels.manage',
  'GET /api/v1/promo-codes': 'channels.manage', 'POST /api/v1/promo-codes/map': 'channels.manage', 'GET /api/v1/reports/attribution': 'reports.read',
  // Publishing: community managers write posts; admins approve them and set the workspace's rules.
  'POST /api/v1/posts/validate': 'posts.write', 'GET /api/v1/posts': 'workspace.read', 'GET /api/v1/posts/calendar': 'workspace.read',
  'GET /api/v1/posts/:id': 'workspace.read', 'POST /api/v1/posts': 'posts.write', 'PATCH /api/v1/posts/:id': 'posts.write', 'DELETE /api/v1/posts/:id': 'posts.write',
  'POST /api/v1/posts/:id/schedule': 'posts.write', 'POST /api/v1/posts/:id/approve': 'posts.approve', 'POST /api/v1/posts/:id/send-back': 'posts.approve',
  'GET /api/v1/posts/:id/engagement': 'workspace.read', 'POST /api/v1/posts/coach': 'posts.write', 'GET /api/v1/publishing/best-times': 'workspace.read',
  'GET /api/v1/publishing/rhythm': 'workspace.read', 'POST /api/v1/publishing/queue-slot': 'posts.write', 'GET /api/v1/publishing/settings': 'workspace.read',
  'PUT /api/v1/publishing/settings': 'posts.approve', 'GET /api/v1/publications/by-platform': 'workspace.read', 'POST /api/v1/publishing/pinterest': 'channels.manage',
  'GET /api/v1/publishing/pinterest/:channelId/boards': 'workspace.read', 'POST /api/v1/media': 'posts.write', 'GET /api/v1/media': 'workspace.read',
  'GET /media/p/:workspaceId/:id/:file': 'public',
  'GET /api/v1/reports/response-times': 'reports.read', 'GET /api/v1/reports/sentiment': 'reports.read', 'GET /api/v1/reports/care': 'reports.read',
  'GET /api/v1/reports/commerce': 'reports.read', 'GET /api/v1/reports/drill': 'reports.read', 'GET /api/v1/reports/drill.csv': 'reports.read',
  'POST /api/v1/reports/exports': 'reports.read', 'GET /api/v1/reports/exports/:id': 'reports.read', 'GET /api/v1/reports/exports/:id/download': 'reports.read',
  'POST /api/v1/reports/rebuild': 'reports.manage',
  'GET /api/v1/contests': 'contests.manage', 'GET /api/v1/contests/rules-template': 'contests.manage',
  'GET /api/v1/contests/posts': 'contests.manage', 'GET /api/v1/contests/exclusions': 'contests.manage',
  'PUT /api/v1/contests/exclusions': 'contests.manage', 'POST /api/v1/contests': 'contests.manage', 'GET /api/v1/contests/:id': 'contests.manage',
  'GET /api/v1/contests/:id/entries': 'contests.manage', 'POST /api/v1/contests/:id/draw': 'contests.manage',
  'POST /api/v1/contests/:id/notify': 'contests.manage', 'GET /api/v1/contests/:id/winners': 'contests.manage',
  'GET /api/v1/contests/:id/proof': 'contests.manage', 'GET /api/v1/contests/:id/entries.csv': 'contests.manage',
  'GET /api/v1/ambassadors': 'contests.manage', 'PUT /api/v1/ambassadors/settings': 'contests.manage',
  'POST /api/v1/ambassadors/:id/code': 'contests.manage',
  'GET /api/v1/job-progress': 'workspace.read', 'POST /api/v1/insight/model/retrain': 'inbound.manage',
  'GET /api/v1/webhooks': 'webhooks.manage', 'POST /api/v1/webhooks': 'webhooks.manage', 'GET /api/v1/webhooks/:id': 'webhooks.manage',
  'PATCH /api/v1/webhooks/:id': 'webhooks.manage', 'DELETE /api/v1/webhooks/:id': 'webhooks.manage', 'POST /api/v1/webhooks/:id/secret': 'webhooks.manage',
  'POST /api/v1/webhooks/:id/test': 'webhooks.manage', 'GET /api/v1/webhooks/:id/deliveries': 'webhooks.manage',
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay': 'webhooks.manage',
};

/** Valid bodies where a denied call would otherwise do harm: a refusal must not depend on a bad body. */
const bodies: Record<string, unknown> = {
  'POST /api/v1/tokens': { name: 'escalated', role: 'admin' },
  'POST /api/v1/invitations': { email: 'pirate@example.com', role: 'admin' },
  'PATCH /api/v1/me': { name: 'Pirate' },
  'POST /api/v1/workspaces': { name: 'Pirate shop' },
  'POST /api/v1/labels': { name: 'pirate', color: '#123456' },
  'POST /api/v1/canned-replies': { shortcut: 'pirate', title: 'Pirate', body: 'Arr' },
  'POST /api/v1/teams': { name: 'Pirates' },
  'POST /api/v1/channels/webchat': { allowedOrigins: ['https://pirate.example'] },
  'PUT /api/v1/charter': { clauses: [] },
  'POST /api/v1/reports/exports': { from: '2026-01-01', to: '2026-01-31', of: 'messages' },
  'POST /api/v1/webhooks': { url: 'https://pirate.example/hook', events: ['message.received'] },
};

const people = ['none', 'agent', 'community_manager', 'admin', 'owner'] as const;
type Person = (typeof people)[number];

/** The ways one path can be written; `routed` when the router must reach the same route. */
function spellings(path: string): { name: string; url: string; routed: boolean }[] {
  const segments = path.split('/').slice(1);
  const encodeFirstLetter = (segment: string, lower: boolean) => segment.replace(/[A-Za-z]/, (c) => {
    const hex = c.charCodeAt(0).toString(16);
    return `%${lower ? hex : hex.toUpperCase()}`;
  });
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const out = [{ name: 'canonical', url: path, routed: true }];
  segments.forEach((segment, index) => {
    if (!/[A-Za-z]/.test(segment)) return;
    out.push({ name: `encoded letter in segment ${index + 1}`, url: join(segments.map((s, i) => (i === index ? encodeFirstLetter(s, index % 2 === 1) : s))), routed: true });
  });
  const [first, ...rest] = segments;
  if (rest.length > 0) {
    out.push(
      { name: 'every letter encoded', url: join(segments.map((s) => s.replace(/[A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`))), routed: true },
      { name: 'double slash', url: `/${first}//${rest.join('/')}`, routed: false },
      { name: 'dot segment', url: `/${first}/./${rest.join('/')}`, routed: false },
      { name: 'dot-dot segment', url: `/${first}/x/../${rest.join('/')}`, routed: false },
      { name: 'encoded slash', url: `/${first}%2F${rest.join('/')}`, routed: false },
      { name: 'encoded slash, lower case', url: `/${first}%2f${rest.join('/')}`, routed: false },
    );
  }
  out.push(
    { name: 'leading double slash', url: `/${path}`, routed: false },
    { name: 'trailing slash', url: `${path}/`, routed: false },
    { name: 'upper case', url: path.toUpperCase(), routed: false },
    { name: ';param', url: `${path};jsessionid=x`, routed: false },
    { name: 'encoded ;param', url: `${path}%3Bx=1`, routed: false },
  );
  return out;
}

const dialects = await testDialects();

describe.each(dialects)('route × role × spelling on %s', (dialect) => {
  let relais: TestRelais;
  let consoleDir: string;
  const users = {} as Record<Exclude<Person, 'none'>, { userId: string }>;
  let workspaceId = '';
  let ipSeq = 0;
  let anonymousCsrf = '';
  const apiTokens = {} as Record<Exclude<Person, 'none'>, Record<TokenScope, string>>;

  beforeAll(async () => {
    // A built console, so its static files are in the route table too.
    consoleDir = mkdtempSync(join(tmpdir(), 'relais-console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Relais</title>');
    writeFileSync(join(consoleDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(consoleDir, 'assets', 'app.js'), 'void 0;');
    relais = await startTestRelais(dialect, {}, { consoleDir });
    const owner = await setUpOwner(relais.app);
    const me = (await owner.get('/api/v1/me')).body;
    workspaceId = me.workspace.id;
    users.owner = { userId: me.user.id };
    for (const [role, email] of [['admin', 'ada@example.com'], ['agent', 'bob@example.com'], ['community_manager', 'chloe@example.com']] as const) {
      const member = await addMember(relais.app, owner, email, role, role);
      users[role] = { userId: (await member.get('/api/v1/me')).body.user.id };
    }
    anonymousCsrf = (await relais.app.inject({ method: 'GET', url: '/api/v1/session' })).json().csrfToken;
    for (const role of ['owner', 'admin', 'agent', 'community_manager'] as const) {
      apiTokens[role] = {} as Record<TokenScope, string>;
      for (const scope of scopes) apiTokens[role][scope] = (await owner.post('/api/v1/tokens', { name: `matrix ${role} ${scope}`, role, scope })).body.secret;
    }
  });
  afterAll(async () => {
    await relais?.dispose();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const sessions = new Map<Person, { token: string; csrfToken: string }>();
  const sessionOf = async (person: Exclude<Person, 'none'>, fresh: boolean) => {
    if (!fresh && sessions.has(person)) return sessions.get(person)!;
    const session = await createSession(relais.accounts, relais.store.db, { userId: users[person].userId, workspaceId, ip: null, userAgent: null });
    if (!fresh) sessions.set(person, session);
    return session;
  };
  /**
   * Denied calls share one session per person (a refused call cannot end it); allowed calls
   * get a fresh one, since they may sign out, switch workspace or create one.
   */
  const credentials = async (person: Person, csrf: boolean, fresh: boolean): Promise<Record<string, string>> => {
    if (person === 'none') return csrf ? { cookie: `relais_csrf=${anonymousCsrf}`, 'x-csrf-token': anonymousCsrf } : {};
    const session = await sessionOf(person, fresh);
    return {
      cookie: `relais_session=${session.token}; relais_csrf=${session.csrfToken}`,
      ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}),
    };
  };

  const call = async (method: string, url: string, person: Person, options: { csrf: boolean; fresh: boolean; body: unknown }) => {
    const n = ++ipSeq;
    return relais.app.inject({
      method: method as 'GET', url, headers: await credentials(person, options.csrf, options.fresh),
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      ...(method === 'GET' || method === 'HEAD' ? {} : { payload: (options.body ?? {}) as object }),
    });
  };

  /** Runs `tasks` a few at a time: the database driver, not the test, should be the bottleneck. */
  const inBatches = async <T>(tasks: (() => Promise<T>)[], size = 8): Promise<void> => {
    for (let i = 0; i < tasks.length; i += size) await Promise.all(tasks.slice(i, i + size).map((task) => task()));
  };

  const digest = async (alsoIgnored: string[] = []): Promise<string> => {
    const ignored = new Set(['sessions', ...alsoIgnored]);
    // Qualified by schema: on PostgreSQL, pg-boss's own tables (in `pgboss`, created by the
    // first enqueue) count too, and an unqualified `archive` would not be found.
    // pg-boss's maintenance stamps `pgboss.version` every 10 s by itself (no call does): a slow run would see it move.
    const tables = (await relais.store.db.introspection.getTables()).filter((table) => !ignored.has(table.name) && !(table.schema === 'pgboss' && table.name === 'version'))
      .map((table) => (table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name)).sort();
    const hash = createHash('sha256');
    for (const table of tables) {
      const rows = await relais.store.db.selectFrom(table as 'users').selectAll().execute();
      const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).sort();
      hash.update(`${table}\n${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
  };

  const codeOf = (reply: LightMyRequestResponse): string | undefined => {
    try {
      return (reply.json() as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  };
  /** The not-found handler answered: a JSON 404 naming no route, or the console's page. */
  const unrouted = (reply: LightMyRequestResponse, method: string) => {
    if (method === 'HEAD') return reply.statusCode === 404 || (reply.statusCode === 200 && String(reply.headers['content-type']).startsWith('text/html'));
    if (reply.statusCode === 404) return /^No route for /.test((reply.json() as { error: { message: string } }).error.message);
    return reply.statusCode === 200 && reply.body.startsWith('<!doctype html><title>Relais</title>');
  };

  const refusal = (want: Expected, person: Person): { status: number; codes: string[] } | null => {
    switch (want) {
      case 'public':
      case 'guest':
        return null;
      case 'visitor':
        return { status: 401, codes: ['auth.required'] };
      case 'webhook':
        return { status: 0, codes: [] };
      default:
        if (person === 'none') return { status: 401, codes: ['auth.required'] };
        return can(person, want) ? null : { status: 403, codes: ['auth.forbidden'] };
    }
  };

  it('knows every route of the route table, and the table has no route it does not know', () => {
    const table = routeTable(relais.app).filter((route) => route.method !== 'HEAD').map((route) => `${route.method} ${route.path}`).sort();
    expect(table).toEqual(Object.keys(expected).sort());
  });

  it('gives every route, role and spelling its declared decision; denied calls change nothing', async () => {
    const failures: string[] = [];
    const denied: (() => Promise<void>)[] = [];
    const allowed: (() => Promise<void>)[] = [];
    for (const { method, path } of routeTable(relais.app)) {
      const key = `${method === 'HEAD' ? 'GET' : method} ${path}`;
      const want = expected[key]!;
      const body = bodies[key];
      for (const person of people) {
        const refused = refusal(want, person);
        // HEAD answers carry no body to tell who refused: its GET twin has every spelling.
        const spelled = spellings(samplePath(path)).filter((spelling) => method !== 'HEAD' || spelling.routed);
        for (const spelling of spelled) {
          if (!refused) {
            // Allowed: the canonical spelling and one decoded one must not be refused by access
            // (denied calls try every spelling; an allowed one only shows the door is not shut).
            if (!['canonical', 'encoded letter in segment 1'].includes(spelling.name)) continue;
            allowed.push(async () => {
              const reply = await call(method, spelling.url, person, { csrf: true, fresh: true, body });
              if (authCodes.includes(codeOf(reply) ?? '') || reply.statusCode >= 500) {
                failures.push(`allowed call refused: ${method} ${spelling.url} as ${person}: ${reply.statusCode} ${reply.body.slice(0, 120)}`);
              }
            });
            continue;
          }
          denied.push(async () => {
            const reply = await call(method, spelling.url, person, { csrf: true, fresh: false, body });
            const where = `${method} ${spelling.url} (${spelling.name}) as ${person}: ${reply.statusCode} ${reply.body.slice(0, 120)}`;
            if (want === 'webhook') {
              // The platform's signature is the route's own check: no signature, no effect.
              if ((reply.statusCode < 400 || reply.statusCode >= 500) && !(!spelling.routed && unrouted(reply, method))) failures.push(`unsigned webhook answered: ${where}`);
              return;
            }
            const isRefusal = reply.statusCode === refused.status && (method === 'HEAD' || refused.codes.includes(codeOf(reply) ?? ''));
            if (!isRefusal && !(!spelling.routed && unrouted(reply, method))) failures.push(`not refused: ${where}`);
          });
        }
      }
    }
    // Every denied call first, between two snapshots of every table; then the allowed ones.
    const before = await digest();
    await inBatches(denied);
    expect(await digest(), 'a denied call changed the database').toBe(before);
    await inBatches(allowed);
    expect(failures).toEqual([]);
    expect(denied.length + allowed.length).toBeGreaterThan(3000);
  }, 120_000);

  it('refuses every state change made with a session cookie and no CSRF token, in every spelling, and changes nothing', async () => {
    const failures: string[] = [];
    const tasks: (() => Promise<void>)[] = [];
    for (const { method, path } of routeTable(relais.app)) {
      const want = expected[`${method} ${path}`];
      if (['GET', 'HEAD'].includes(method) || want === 'public' || want === 'visitor' || want === 'webhook') continue;
      for (const person of people) {
        // The spellings the router decodes to this route; the others never reach a route (above).
        for (const spelling of spellings(samplePath(path)).filter((candidate) => candidate.routed)) {
          tasks.push(async () => {
            const reply = await call(method, spelling.url, person, { csrf: false, fresh: false, body: bodies[`${method} ${path}`] });
            const refused = reply.statusCode === 403 && codeOf(reply) === 'auth.csrf_failed';
            if (!refused) {
              failures.push(`${method} ${spelling.url} (${spelling.name}) as ${person} without CSRF: ${reply.statusCode} ${reply.body.slice(0, 120)}`);
            }
          });
        }
      }
    }
    const before = await digest();
    await inBatches(tasks);
    expect(await digest(), 'a call without CSRF changed the database').toBe(before);
    expect(failures).toEqual([]);
  }, 60_000);

  it('gives API tokens (no cookie, no CSRF) the same decisions in every decoded spelling, narrowed by their scope', async () => {
    const failures: string[] = [];
    const denied: (() => Promise<void>)[] = [];
    const allowed: (() => Promise<void>)[] = [];
    // Token calls touch api_tokens.last_used_at: compare the other tables.
    const before = await digest(['api_tokens']);
    for (const { method, path } of routeTable(relais.app)) {
      const want = expected[`${method === 'HEAD' ? 'GET' : method} ${path}`]!;
      if (['public', 'guest', 'visitor', 'webhook'].includes(want)) continue;
      for (const role of ['owner', 'admin', 'agent', 'community_manager'] as const) {
        for (const scope of scopes) {
          const roleAllows = can(role, want as Permission);
          const mayCall = roleAllows && scopeExpected(scope, want as Permission, method);
          // Every routed spelling for the role's refusals (as before scopes, with the full-scope
          // token); the scope's own refusals and the other scopes' role refusals in two spellings.
          const tried = mayCall ? ['canonical'] : !roleAllows && scope === 'admin' ? null : ['canonical', 'every letter encoded'];
          const spelled = spellings(samplePath(path)).filter((candidate) => candidate.routed && (tried === null || tried.includes(candidate.name)));
          for (const spelling of spelled) {
            (mayCall ? allowed : denied).push(async () => {
              const n = ++ipSeq;
              const reply = await relais.app.inject({
                method: method as 'GET', url: spelling.url, headers: { authorization: `Bearer ${apiTokens[role][scope]}` },
                remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
                ...(method === 'GET' || method === 'HEAD' ? {} : { payload: (bodies[`${method} ${path}`] ?? {}) as object }),
              });
              const code = codeOf(reply);
              const want403 = roleAllows ? 'auth.token_scope' : 'auth.forbidden';
              const refused = reply.statusCode === 403 && (method === 'HEAD' || code === want403);
              const who = `${role} token with scope ${scope}`;
              if (!mayCall && !refused) failures.push(`token not refused (${want403}): ${method} ${spelling.url} as ${who}: ${reply.statusCode} ${reply.body.slice(0, 120)}`);
              // Some use-cases belong to people, not tokens, and say so themselves (after access allowed the call).
              const personOnly = peopleOnly.has(`${method} ${path}`) && code === 'auth.forbidden';
              if (mayCall && !personOnly && (authCodes.includes(code ?? '') || reply.statusCode >= 500)) failures.push(`token refused: ${method} ${spelling.url} as ${who}: ${reply.statusCode} ${reply.body.slice(0, 120)}`);
            });
          }
        }
      }
    }
    await inBatches(denied);
    expect(await digest(['api_tokens']), 'a denied token call changed the database').toBe(before);
    await inBatches(allowed);
    expect(failures).toEqual([]);
  }, 90_000);

  it('never lets a read-scope token through a state-changing route, whatever its role', () => {
    const stateChanging = routeTable(relais.app).filter((route) => !['GET', 'HEAD'].includes(route.method));
    const through = stateChanging.filter(({ method, path }) => {
      const want = expected[`${method} ${path}`]!;
      return !['public', 'guest', 'visitor', 'webhook'].includes(want) && scopeAllows('read', want as Permission, method);
    });
    expect(stateChanging.length).toBeGreaterThan(50);
    expect(through.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });
});

const scopes = ['read', 'write', 'admin'] as const satisfies readonly TokenScope[];
/**
 * The scope rule, written apart from `leastScope`: `admin` is the whole role; `write` what an
 * agent or a community manager may be granted (no admin permission); `read` those of them that
 * read (one's own profile included), with a safe method only.
 */
function scopeExpected(scope: TokenScope, permission: Permission, method: string): boolean {
  if (scope === 'admin') return true;
  const nonAdmin = can('agent', permission) || can('community_manager', permission);
  if (scope === 'write') return nonAdmin;
  return ['GET', 'HEAD'].includes(method) && nonAdmin && (permission.endsWith('.read') || permission === 'profile.manage');
}

const peopleOnly = new Set(['PATCH /api/v1/me', 'POST /api/v1/workspaces', 'POST /api/v1/notifications/read', 'POST /api/v1/me/password', 'POST /api/v1/me/workspace', 'PUT /api/v1/me/availability']);
const authCodes = ['auth.required', 'auth.forbidden', 'auth.csrf_failed', 'auth.session_expired'];
