import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createSession } from '../accounts/index.ts';
import { testDialects } from '../store/testing.ts';
import { routeTable, samplePath } from './route-table.ts';
import { setUpOwner, startTestRelais, type TestRelais } from './testing.ts';

/**
 * Bad input over every route of the route table, as the owner (so validators are reached),
 * as a site-chat visitor on the widget's routes, and signed on the platforms' doors: wrong
 * types, huge and deep bodies, NUL, lone surrogates, RTL overrides, odd params and queries.
 * Nothing may answer 500: bad input is the caller's mistake and gets a 4xx with a code.
 */
const odd: unknown[] = [
  null, 1e308, true, 'a\u0000b', '\ud800', '\u202eexe.txt\u2066', 'x'.repeat(20_000), { $gt: '' }, '9'.repeat(400),
];

/** Valid bodies to mutate field by field, so checks behind the first field are reached. */
const validBodies: Record<string, Record<string, unknown>> = {
  'POST /api/v1/setup': { workspaceName: 'Shop', name: 'Léa', email: 'lea@example.com', password: 'correct horse battery' },
  'POST /api/v1/auth/sign-in': { email: 'lea@example.com', password: 'wrong password here' },
  'POST /api/v1/invitations/accept': { token: 'x'.repeat(40), name: 'Karim', password: 'another good password' },
  'POST /api/v1/tokens': { name: 'bot', role: 'agent' },
  'POST /api/v1/invitations': { email: 'new@example.com', role: 'agent' },
  'PATCH /api/v1/me': { name: 'Léa', locale: 'fr' },
  'POST /api/v1/me/password': { currentPassword: 'nope', newPassword: 'another good password' },
  'POST /api/v1/workspaces': { name: 'Other shop' },
  'PATCH /api/v1/members/:userId': { role: 'agent' },
  'POST /api/v1/labels': { name: 'VIP', color: '#123456' },
  'POST /api/v1/canned-replies': { shortcut: 'hello', title: 'Hello', body: 'Bonjour' },
  'POST /api/v1/teams': { name: 'Team', mode: 'round_robin', channelIds: [], isDefault: false },
  'POST /api/v1/conversations/:id/messages': { text: 'Bonjour', visibility: 'public' },
  'PATCH /api/v1/conversations/:id': { status: 'resolved' },
  'POST /api/v1/contacts/:id/notes': { text: 'note' },
  'POST /api/v1/channels/webchat': { allowedOrigins: ['https://shop.example'], name: 'Chat' },
  'PATCH /api/v1/channels/:id/webchat': { greeting: 'Bonjour', allowedOrigins: ['https://shop.example'] },
  // A local API base: the outbound guard refuses it (no RELAIS_ALLOW_PRIVATE_API_BASE), so nothing leaves.
  'POST /api/v1/channels': { kind: 'meta', pageId: '123', pageToken: 'x'.repeat(20), apiBase: 'http://127.0.0.1:1/v19.0' },
  'POST /api/v1/shops': { platform: 'shopify', shopDomain: 'shop.myshopify.com', accessToken: 'x'.repeat(20), apiBase: 'http://127.0.0.1:1' },
  'POST /api/v1/channels/:id/webchat/identify-secret': { graceHours: 24 },
  'PUT /api/v1/privacy/retention': { days: 365 },
  'POST /api/v1/rules': { name: 'Rule', event: 'message_received', conditions: [], actions: [], stop: false },
  'PUT /api/v1/charter': { clauses: [{ id: 'c1', text: 'No insults', action: 'hide' }] },
  'PATCH /api/v1/care-settings': { channelId: null, hours: null, policies: [] },
  'PUT /api/v1/me/availability': { status: 'available' },
  'POST /api/v1/voice/check': { text: 'Bonjour', visibility: 'public' },
  'POST /api/v1/recovery/preview': { template: 'Bonjour {{name}}', promoPercent: 10, promoExpiryDays: 3, language: 'fr' },
  'POST /api/v1/promo-codes/map': { code: 'SUMMER', channelId: '01jx0000000000000000000000' },
  'POST /widget/api/session': { channelId: '01jx0000000000000000000000', parentOrigin: 'https://shop.example' },
  'POST /widget/api/messages': { clientMessageId: 'c1', text: 'Bonjour', attachments: [] },
  'POST /widget/api/identify': { identity: { userId: 'u1', email: 'v@example.com', name: 'Val' }, signature: 'x' },
};

const queryNames = ['limit', 'cursor', 'q', 'status', 'format', 'from', 'to', 'year', 'email', 'contact_id', 'text', 'channel', 'assignee', 'label', 'token', 'origin', 'days'];
const oddQueryValues = ['abc', '%00', '%ED%A0%80', 'x'.repeat(5000)];
const oddParams = ['%00', '%ff', '%ED%A0%80', 'x'.repeat(3000), '%E2%80%AE'];

const parserScopes = new Set(['POST /api/v1/labels', 'POST /hooks/:provider', 'POST /hooks/shopify', 'POST /widget/api/uploads', 'POST /widget/api/messages']);

function deep(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

interface Variant { name: string; url: string; payload?: string | Buffer; contentType?: string }

function variants(method: string, path: string, key: string): Variant[] {
  const url = samplePath(path);
  const out: Variant[] = [];
  const json = (name: string, payload: string) => out.push({ name, url, payload, contentType: 'application/json' });
  for (const [name, value] of Object.entries({ null: 'null', number: '42', string: '"text"', array: '[]', true: 'true', empty: '{}' })) json(`body ${name}`, value);
  if (method !== 'GET' && method !== 'DELETE') {
    json('deep body', deep(3000));
    // Long enough for any field's maximum and for a regular expression that backtracks.
    json('long string', JSON.stringify({ text: 'x'.repeat(200_000), name: `${'a'.repeat(100_000)}@`, email: `${'a.'.repeat(50_000)}!` }));
    if (parserScopes.has(key)) {
      // Body limits and the JSON parser belong to a parser scope, not to a route: one route each.
      json('very deep body', deep(100_000));
      json('just under the limit', `${JSON.stringify({ text: 'x'.repeat(1024 * 1024) }).slice(0, 1024 * 1024 - 2)}"}`);
      json('too large', JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) }));
    }
    json('prototype keys', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}');
    json('lone surrogate escape', '{"name":"\\ud800","text":"\\udfff","email":"\\ud83d@x.fr"}');
    json('duplicate keys', '{"name":"a","name":{"b":1}}');
    json('bad number', '{"limit":1e999999}');
    out.push({ name: 'invalid UTF-8', url, payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' });
    out.push({ name: 'text/plain', url, payload: 'hello', contentType: 'text/plain' });
    out.push({ name: 'form', url, payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
    out.push({ name: 'latin1 json', url, payload: Buffer.from('{"name":"\xe9"}', 'latin1'), contentType: 'application/json; charset=latin1' });
    out.push({ name: 'multipart', url, payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' });
    const valid = validBodies[key];
    if (valid) {
      for (const field of Object.keys(valid)) {
        odd.forEach((value, index) => json(`${field} = odd #${index}`, JSON.stringify({ ...valid, [field]: value })));
      }
    }
  }
  oddQueryValues.forEach((value, index) => out.push({ name: `query #${index}`, url: `${url}?${queryNames.map((name) => `${name}=${value}`).join('&')}` }));
  out.push({ name: 'repeated query', url: `${url}?limit=1&limit=2&q=a&q=b&from=2026-01-01&from=2026-01-02` });
  out.push({ name: 'nested query', url: `${url}?a[b][c]=1&limit[]=2&__proto__[x]=1` });
  const params = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  for (const param of params) {
    for (const value of oddParams) {
      out.push({ name: `param ${param} = ${value.slice(0, 12)}`, url: samplePath(path.replace(`:${param}`, value)) });
    }
  }
  return out.map((variant) => (method === 'GET' || method === 'DELETE' || method === 'HEAD' ? { ...variant, payload: undefined, contentType: undefined } : variant));
}

const META_SECRET = 'fuzz-meta-secret';
const SHOPIFY_SECRET = 'fuzz-shopify-secret';
// PostgreSQL when it answers: the stricter of the two (it refuses NUL in text, SQLite keeps it).
const dialect = (await testDialects()).at(-1)!;

describe.each([dialect])('fuzz over every route on %s', (dialect) => {
  let relais: TestRelais;
  let workspaceId = '';
  let ownerId = '';
  let visitorToken = '';
  let sharedSession: { token: string; csrfToken: string };

  beforeAll(async () => {
    relais = await startTestRelais(dialect, { RELAIS_META_APP_SECRET: META_SECRET, RELAIS_SHOPIFY_APP_SECRET: SHOPIFY_SECRET });
    const owner = await setUpOwner(relais.app);
    const me = (await owner.get('/api/v1/me')).body;
    workspaceId = me.workspace.id;
    ownerId = me.user.id;
    const channelId = (await owner.post('/api/v1/channels/webchat', { allowedOrigins: ['https://shop.example'] })).body.id;
    const session = await relais.app.inject({ method: 'POST', url: '/widget/api/session', headers: { origin: 'https://shop.example' }, payload: { channelId, parentOrigin: 'https://shop.example' } });
    visitorToken = session.json().token;
    sharedSession = await createSession(relais.accounts, relais.store.db, { userId: ownerId, workspaceId, ip: null, userAgent: null });
  });
  afterAll(async () => { await relais?.dispose(); });

  // Calls that end or move the session get their own.
  const consumesSession = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/workspaces', 'POST /api/v1/me/workspace', 'POST /api/v1/me/password']);

  const headersFor = async (key: string, payload: string | Buffer | undefined): Promise<Record<string, string>> => {
    if (key.includes(' /hooks/')) {
      const body = payload ?? '';
      return {
        'x-hub-signature-256': `sha256=${createHmac('sha256', META_SECRET).update(body).digest('hex')}`,
        'x-shopify-hmac-sha256': createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64'),
        'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'fuzz.myshopify.com', 'x-shopify-webhook-id': `w${Math.random()}`,
      };
    }
    if (key.includes(' /widget/')) return { origin: 'https://shop.example', 'x-relais-visitor': visitorToken };
    const session = consumesSession.has(key)
      ? await createSession(relais.accounts, relais.store.db, { userId: ownerId, workspaceId, ip: null, userAgent: null })
      : sharedSession;
    return { cookie: `relais_session=${session.token}; relais_csrf=${session.csrfToken}`, 'x-csrf-token': session.csrfToken };
  };

  it('answers no 500 on any route, whatever the input', async () => {
    const failures: string[] = [];
    let calls = 0;
    let seq = 0;
    const routes = routeTable(relais.app).filter((route) => route.method !== 'HEAD');
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const all = variants(method, path, key);
      for (let i = 0; i < all.length; i += 16) {
        await Promise.all(all.slice(i, i + 16).map(async (variant) => {
          const n = ++seq;
          const options: InjectOptions = {
            method: method as 'GET', url: variant.url, remoteAddress: `10.9.${(n >> 8) & 255}.${n & 255}`,
            headers: { ...(await headersFor(key, variant.payload)), ...(variant.contentType ? { 'content-type': variant.contentType } : {}) },
            ...(variant.payload === undefined ? {} : { payload: variant.payload }),
          };
          const reply = await relais.app.inject(options);
          calls++;
          if (reply.statusCode >= 500) failures.push(`${key} [${variant.name}] → ${reply.statusCode} ${reply.body.slice(0, 160)}`);
        }));
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(2000);
  }, 120_000);

  it('refuses a NUL character with 400 request.invalid naming the field, and stores nothing', async () => {
    const headers = await headersFor('POST /api/v1/labels', undefined);
    const reply = await relais.app.inject({ method: 'POST', url: '/api/v1/labels', headers, payload: { name: 'VIP\u0000', color: '#123456' } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'request.invalid', fields: { name: ['contains a NUL character'] } });
    const param = await relais.app.inject({ method: 'GET', url: '/api/v1/conversations/%00', headers });
    expect(param.json().error.fields).toEqual({ id: ['contains a NUL character'] });
    const labels = await relais.app.inject({ method: 'GET', url: '/api/v1/labels', headers });
    expect(labels.json().labels.map((label: { name: string }) => label.name)).not.toContain('VIP\u0000');
  });
});
