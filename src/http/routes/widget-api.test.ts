import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../../channels/index.ts';
import { verifiedVisitorContact } from '../../inbox/index.ts';
import { testDialects } from '../../store/testing.ts';
import { waitFor } from '../../jobs/testing.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../testing.ts';

const SHOP = 'https://boutique-lea.example';
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe.each(await testDialects())('site chat API (%s)', (dialect) => {
  let relais: TestRelais;
  let owner: Browser;
  let workspaceId: string;
  let channelId: string;
  let identifySecret: string;

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await relais.app.inject({
      method, url, headers: { origin: 'http://relais.test', host: 'relais.test', ...headers },
      ...(body === undefined ? {} : Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
  };
  const session = async (token?: string) => call('POST', '/widget/api/session', { channelId, parentOrigin: SHOP, ...(token ? { token } : {}) });
  const as = (token: string) => ({ 'x-relais-visitor': token });
  const settle = () => waitFor(async () => (await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute()).length === 0, 15_000, 'deliveries processed');

  beforeAll(async () => {
    relais = await startTestRelais(dialect);
    owner = await setUpOwner(relais.app);
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    const added = await owner.post('/api/v1/channels/webchat', { allowedOrigins: [`${SHOP}/some/page`] });
    expect(added.status).toBe(201);
    channelId = added.body.id;
    identifySecret = (await owner.get(`/api/v1/channels/${channelId}/webchat`)).body.identifySecret;
    await relais.queue.start();
  });
  afterAll(async () => { await relais?.dispose(); });

  it('gives a visitor a signed token, keeps them on reload, and refuses other sites', async () => {
    const first = await session();
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({ open: true, position: 'right', name: 'Boutique Léa' });
    const again = await session(first.body.token);
    expect(again.body.visitorId).toBe(first.body.visitorId);
    const forged = await session(`${first.body.token.slice(0, -4)}AAAA`);
    expect(forged.body.visitorId).not.toBe(first.body.visitorId);

    const elsewhere = await call('POST', '/widget/api/session', { channelId, parentOrigin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('auth.origin_refused');
    const fromEvil = await call('POST', '/widget/api/session', { channelId, parentOrigin: SHOP }, { origin: 'https://evil.example' });
    expect(fromEvil.status).toBe(403);

    const frame = await relais.app.inject({ method: 'GET', url: `/widget/frame?channel=${channelId}&origin=${encodeURIComponent(SHOP)}` });
    expect(frame.statusCode).toBe(200);
    expect(frame.headers['content-security-policy']).toContain(`frame-ancestors ${SHOP}`);
    expect(frame.headers['x-frame-options']).toBeUndefined();
    const refused = await relais.app.inject({ method: 'GET', url: `/widget/frame?channel=${channelId}&origin=${encodeURIComponent('https://evil.example')}` });
    expect(refused.statusCode).toBe(403);
  });

  it('lands a visitor message in the inbox once, and shows the agent reply in the history', async () => {
    const { token } = (await session()).body;
    const sent = await call('POST', '/widget/api/messages', { clientMessageId: 'msg-000001', text: '<img src=x onerror=alert(1)> Bonjour' }, as(token));
    expect(sent).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const resent = await call('POST', '/widget/api/messages', { clientMessageId: 'msg-000001', text: '<img src=x onerror=alert(1)> Bonjour' }, as(token));
    expect(resent.body.status).toBe('duplicate');
    await settle();

    const list = await owner.get('/api/v1/conversations');
    const conversation = list.body.conversations.find((c: any) => c.lastMessage?.text.includes('Bonjour'));
    expect(conversation).toMatchObject({ surface: 'webchat', channel: { kind: 'webchat' } });
    const thread = await owner.get(`/api/v1/conversations/${conversation.id}`);
    expect(thread.body.messages.filter((m: any) => m.direction === 'in')).toHaveLength(1);

    const reply = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Bonjour, comment puis-je aider ?', visibility: 'private' });
    expect(reply.status).toBe(201);
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Note interne', visibility: 'note' });
    await waitFor(async () => (await relais.store.db.selectFrom('outbound').select('state').where('id', '=', reply.body.outboundId).executeTakeFirst())?.state === 'sent', 10_000, 'the reply sent');
    const history = await call('GET', '/widget/api/history', undefined, as(token));
    expect(history.body.messages.map((m: any) => [m.direction, m.text])).toEqual([['in', '<img src=x onerror=alert(1)> Bonjour'], ['out', 'Bonjour, comment puis-je aider ?']]);
    expect(history.body.messages[0].clientMessageId).toBe('msg-000001');
  });

  it('refuses what is too long, forged deliveries, and more than its share of messages', async () => {
    const { token } = (await session()).body;
    const long = await call('POST', '/widget/api/messages', { clientMessageId: 'msg-long01', text: 'a'.repeat(2001) }, as(token));
    expect(long.status).toBe(400);
    const noToken = await call('POST', '/widget/api/messages', { clientMessageId: 'msg-none01', text: 'hi' });
    expect(noToken.status).toBe(401);
    const forged = await relais.app.inject({ method: 'POST', url: '/hooks/webchat', payload: { account: 'x', visitorId: 'v', clientMessageId: 'c', name: null, text: 'hi', attachments: [], at: 1 } });
    expect(forged.statusCode).toBe(401);

    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await call('POST', '/widget/api/messages', { clientMessageId: `burst-${i}-x`, text: `n° ${i}` }, as(token))).status);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    relais.clock.advance(61_000);
    expect((await call('POST', '/widget/api/messages', { clientMessageId: 'after-wait', text: 'encore' }, as(token))).status).toBe(202);
  });

  it('takes images and PDFs whose bytes match their type, within the size limit', async () => {
    const { token } = (await session()).body;
    const upload = (bytes: Buffer, type: string) => call('POST', '/widget/api/uploads', bytes, { ...as(token), 'content-type': type, 'x-file-name': encodeURIComponent('photo colis.png') });
    const ok = await upload(png, 'image/png');
    expect(ok.status).toBe(201);
    expect((await upload(Buffer.from('<svg onload=alert(1)>'), 'image/png')).status).toBe(415);
    expect((await upload(Buffer.from('%PDF-1.4 hello'), 'image/png')).status).toBe(415);
    expect((await upload(Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]), 'image/png')).status).toBe(413);
    const file = await relais.app.inject({ method: 'GET', url: new URL(ok.body.url).pathname });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toContain('inline');
    expect((await relais.app.inject({ method: 'GET', url: `/widget/files/${ok.body.id}/wrong-key` })).statusCode).toBe(404);
    const sent = await call('POST', '/widget/api/messages', { clientMessageId: 'with-file', text: '', attachments: [ok.body.id] }, as(token));
    expect(sent.status).toBe(202);
  });

  it('links a verified identity to the shop customer, keeps an unsigned one unverified, and notes a bad signature', async () => {
    const now = relais.clock.now();
    await relais.store.db.insertInto('shop_customers').values({
      workspace_id: workspaceId, id: 'sc1', channel_id: 'shop', external_id: '4242', email: 'camille@example.fr', phone: null, first_name: 'Camille', last_name: null,
      accepts_marketing: 0, contact_id: null, link_method: null, created_at: now, updated_at: now,
    }).execute();
    const identity = { email: 'camille@example.fr', name: 'Camille Martin', customerId: '4242', cartToken: 'cart-1' };

    const anonymous = (await session()).body.token;
    expect((await call('POST', '/widget/api/identify', { identity }, as(anonymous))).body.status).toBe('unverified');
    expect((await relais.store.db.selectFrom('shop_customers').select('contact_id').where('id', '=', 'sc1').executeTakeFirstOrThrow()).contact_id).toBeNull();

    const liar = (await session()).body.token;
    const refused = await call('POST', '/widget/api/identify', { identity, signature: signIdentity('not-the-secret', identity, relais.clock.now()) }, as(liar));
    expect(refused.body.status).toBe('refused');
    const note = await relais.store.db.selectFrom('messages').select(['text', 'kind']).where('text', '=', 'Identité refusée : signature invalide').executeTakeFirst();
    expect(note?.kind).toBe('note');
    expect((await relais.store.db.selectFrom('shop_customers').select('contact_id').where('id', '=', 'sc1').executeTakeFirstOrThrow()).contact_id).toBeNull();

    const verified = (await session()).body;
    expect((await call('POST', '/widget/api/identify', { identity, signature: signIdentity(identifySecret, identity, relais.clock.now()) }, as(verified.token))).body.status).toBe('verified');
    // The inbox queues `contact.identified` with the identify; commerce's job links the shop customer.
    const linkOf = () => relais.store.db.selectFrom('shop_customers').select(['contact_id', 'link_method']).where('id', '=', 'sc1').executeTakeFirstOrThrow();
    await waitFor(async () => (await linkOf()).link_method === 'identify', 10_000, 'the shop customer linked by the contact.identified job');
    const linked = await linkOf();
    expect(linked.contact_id).not.toBeNull();
    const contact = await relais.store.db.selectFrom('contacts').select(['email', 'name']).where('id', '=', linked.contact_id!).executeTakeFirstOrThrow();
    expect(contact).toEqual({ email: 'camille@example.fr', name: 'Camille Martin' });
    // A shop customer row that arrives later finds the same contact; an unverified claim finds none.
    expect(await verifiedVisitorContact(relais.store.db, workspaceId, { customerId: '4242', email: null })).toBe(linked.contact_id);
    expect(await verifiedVisitorContact(relais.store.db, workspaceId, { customerId: null, email: 'CAMILLE@example.fr' })).toBe(linked.contact_id);
    expect(await verifiedVisitorContact(relais.store.db, workspaceId, { customerId: '9999', email: 'someone@example.fr' })).toBeNull();
  });

  it('says when the team is back out of hours, and keeps the email left with the message', async () => {
    const closed = { weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [{ start: '10:00', end: '11:00' }] }, holidays: 'none' };
    const saved = await owner.request('PATCH', `/api/v1/channels/${channelId}/webchat`, { allowedOrigins: [SHOP], businessHours: closed });
    expect(saved.status).toBe(200);
    const opened = await session();
    expect(opened.body.settings.open).toBe(false);
    expect(new Date(opened.body.settings.backAt).getUTCDay()).toBe(6);
    const sent = await call('POST', '/widget/api/messages', { clientMessageId: 'after-hours', text: 'Vous êtes là ?', email: 'hugo@example.fr' }, as(opened.body.token));
    expect(sent.status).toBe(202);
    const visitor = await relais.store.db.selectFrom('webchat_visitors').select(['email', 'identity_status']).where('id', '=', opened.body.visitorId).executeTakeFirstOrThrow();
    expect(visitor).toEqual({ email: 'hugo@example.fr', identity_status: 'unverified' });
    const bad = await owner.request('PATCH', `/api/v1/channels/${channelId}/webchat`, { allowedOrigins: ['javascript:alert(1)'] });
    expect(bad.status).toBe(400);
  });
});
