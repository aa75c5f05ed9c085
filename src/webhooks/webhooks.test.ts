import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChannel } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { addMember, Browser, ownerInput, setUpOwner, startTestRelais, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { sql } from '../store/index.ts';
import { testDialects, type TestDialect } from '../store/testing.ts';
import { emitWebhookEvent, RETRY_DELAYS_MS, SWEEP_QUEUE } from './index.ts';

const dialects = await testDialects();
const META_SECRET = 'meta-app-secret-for-webhooks';
const PAGE_ID = '1000000000000077';

interface Received { headers: IncomingHttpHeaders; body: string }

/** A real HTTP receiver on 127.0.0.1 that answers `status` and keeps what it got. */
async function startReceiver(status: () => number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status(), { 'content-type': 'text/plain' }).end(status() < 300 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks/relais`, received, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** What the independent implementation (the `standardwebhooks` package) makes of a request. */
function verified(secret: string, request: Received): { type: string; timestamp: string; data: Record<string, any> } {
  const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
  return new Webhook(secret).verify(request.body, headers) as { type: string; timestamp: string; data: Record<string, any> };
}

describe.each(dialects)('outgoing webhooks on %s', (dialect: TestDialect) => {
  let relais: TestRelais;
  let owner: Browser;
  let admin: Browser;
  let workspaceId: string;
  let ok: Awaited<ReturnType<typeof startReceiver>>;
  let down: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    relais = await startTestRelais(dialect, { RELAIS_META_APP_SECRET: META_SECRET, RELAIS_META_VERIFY_TOKEN: 'verify-me' });
    // Signatures carry the server's time, and the receiver's library checks it against the real one.
    relais.clock.set(Date.now());
    owner = await setUpOwner(relais.app);
    admin = await addMember(relais.app, owner, 'ines@boutique-lea.fr', 'admin', 'Inès');
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
    await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, {
      workspaceId, kind: 'meta', name: 'Boutique Léa', externalId: PAGE_ID, accountIds: [PAGE_ID],
      apiBase: 'http://127.0.0.1:9/v19.0', credentials: { pageToken: 'page-token' }, settings: {},
    });
    await relais.queue.start();
    ok = await startReceiver(() => 200);
    down = await startReceiver(() => 500);
  });
  afterAll(async () => {
    await ok?.close();
    await down?.close();
    await relais?.dispose();
  });

  const deliveries = async (subscriptionId: string) => (await owner.get(`/api/v1/webhooks/${subscriptionId}/deliveries`)).body.deliveries as any[];

  it('delivers signed events that an independent Standard Webhooks implementation verifies, and replays one with the same webhook-id', async () => {
    const created = await owner.post('/api/v1/webhooks', { url: ok.url, events: ['conversation.created', 'message.received', 'conversation.resolved'], description: 'ERP' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const subscriptionId = created.body.subscription.id as string;
    // The secret is shown once: never in a later answer, and stored sealed.
    const listed = await owner.get('/api/v1/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));
    expect(listed.body.events).toContain('contest.drawn');
    const stored = await relais.store.db.selectFrom('webhook_subscriptions').select('secret_sealed').where('id', '=', subscriptionId).executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(secret.slice(6, 20));

    const text = 'Bonjour, ma bague <b>Lune</b> est-elle en stock ?';
    const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE_ID, { psid: '5550077', mid: 'm_hook_1', text, at: Date.now() })), META_SECRET);
    expect((await relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers })).statusCode).toBe(200);
    await waitFor(() => ok.received.length >= 2, 15_000, 'two deliveries');

    const events = ok.received.map((request) => verified(secret, request));
    expect(events.map((e) => e.type).sort()).toEqual(['conversation.created', 'message.received']);
    const message = events.find((e) => e.type === 'message.received')!;
    // Customer text travels as JSON data, as written.
    expect(message.data).toMatchObject({ text, surface: 'messenger', channelId: expect.any(String), contactId: expect.any(String) });
    const conversation = events.find((e) => e.type === 'conversation.created')!;
    expect(conversation.data.conversationId).toBe(message.data.conversationId);
    expect(new Date(message.timestamp).getTime()).toBeGreaterThan(0);
    for (const request of ok.received) {
      expect(request.headers['webhook-id']).toMatch(/^msg_/);
      expect(Number(request.headers['webhook-timestamp'])).toBe(Math.floor(Number(request.headers['webhook-timestamp'])));
      expect(request.headers['content-type']).toBe('application/json');
    }
    // A tampered body fails the independent check: the signature covers it.
    expect(() => verified(secret, { ...ok.received[0]!, body: ok.received[0]!.body.replace('"type"', '"typ"') })).toThrow();

    await waitFor(async () => (await deliveries(subscriptionId)).every((d) => d.state === 'delivered'), 10_000, 'the log to say delivered');
    const log = await deliveries(subscriptionId);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ state: 'delivered', attempts: 1, responseStatus: 200, responseSnippet: 'ok', nextAttemptAt: null, replayOf: null });
    expect(log[0].durationMs).toBeGreaterThanOrEqual(0);

    // Resolving the conversation is an event too.
    const resolved = await owner.patch(`/api/v1/conversations/${message.data.conversationId}`, { status: 'resolved' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await waitFor(() => ok.received.length >= 3, 10_000, 'conversation.resolved');
    expect(verified(secret, ok.received[2]!)).toMatchObject({ type: 'conversation.resolved', data: { conversationId: message.data.conversationId } });

    // Replay: the same message (webhook-id, body) again, freshly signed, as a new line of the log.
    const original = (await deliveries(subscriptionId)).find((d) => d.eventType === 'message.received')!;
    const replay = await admin.post(`/api/v1/webhooks/${subscriptionId}/deliveries/${original.id}/replay`);
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    expect(replay.body).toMatchObject({ webhookId: original.webhookId, replayOf: original.id, state: 'pending' });
    await waitFor(() => ok.received.length >= 4, 10_000, 'the replay');
    const again = ok.received[3]!;
    expect(again.headers['webhook-id']).toBe(original.webhookId);
    expect(again.body).toBe(original.body);
    expect(verified(secret, again).type).toBe('message.received');
    await waitFor(async () => (await deliveries(subscriptionId)).find((d) => d.id === replay.body.id)?.state === 'delivered', 10_000, 'the replay logged');

    // A rotated secret: the new one verifies, and the old one still does for a day.
    const rotated = await owner.post(`/api/v1/webhooks/${subscriptionId}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    const test = await owner.post(`/api/v1/webhooks/${subscriptionId}/test`);
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    await waitFor(() => ok.received.length >= 5, 10_000, 'the test event');
    expect(verified(rotated.body.secret, ok.received[4]!)).toMatchObject({ type: 'webhook.test', data: { subscriptionId } });
    expect(verified(secret, ok.received[4]!).type).toBe('webhook.test');
  });

  it('emits with the transaction of the change (a rollback sends nothing) and once per `once` key', async () => {
    const created = await owner.post('/api/v1/webhooks', { url: ok.url, events: ['order.attributed'] });
    const secret = created.body.secret as string;
    const before = ok.received.length;
    const deps = { queue: relais.queue, clock: relais.clock };
    const data = (orderId: string) => ({
      orderId, shopOrderId: '450789469', shopChannelId: 'shop', contactId: null, models: ['promo_code'], sourceChannelId: null, conversationId: null,
      postId: null, totalCents: 12_900, currency: 'EUR', attributedAt: relais.clock.now(),
    });
    await expect(relais.store.db.transaction().execute(async (trx) => {
      await emitWebhookEvent(deps, trx, workspaceId, 'order.attributed', data('rolled-back'), { once: 'rolled-back' });
      throw new Error('the change fails');
    })).rejects.toThrow('the change fails');
    for (let i = 0; i < 3; i += 1) {
      await relais.store.db.transaction().execute((trx) => emitWebhookEvent(deps, trx, workspaceId, 'order.attributed', data('01JORDER'), { once: '01JORDER' }));
    }
    await waitFor(() => ok.received.length > before, 10_000, 'order.attributed');
    await new Promise((resolve) => setTimeout(resolve, dialect === 'postgres' ? 2500 : 500));
    const got = ok.received.slice(before).map((request) => verified(secret, request));
    expect(got.map((e) => e.data.orderId)).toEqual(['01JORDER']);
    expect(got[0]).toMatchObject({ type: 'order.attributed', data: { totalCents: 12_900, currency: 'EUR', models: ['promo_code'] } });
    expect((await owner.delete(`/api/v1/webhooks/${created.body.subscription.id}`)).status).toBe(204);
  });

  it('keeps a conversation open when its resolution cannot be told to the subscribers', async () => {
    const created = await owner.post('/api/v1/webhooks', { url: ok.url, events: ['conversation.resolved'] });
    const secret = created.body.secret as string;
    const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE_ID, { psid: '5550078', mid: 'm_hook_atomic', text: 'Toujours pas reçu ma commande', at: Date.now() })), META_SECRET);
    expect((await relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers })).statusCode).toBe(200);
    const db = relais.store.db;
    const conversationOf = () => db.selectFrom('messages').select('conversation_id').where('workspace_id', '=', workspaceId).where('text', '=', 'Toujours pas reçu ma commande').executeTakeFirst();
    await waitFor(async () => (await conversationOf()) !== undefined, 10_000, 'the message stored');
    const conversationId = (await conversationOf())!.conversation_id;
    const statusOf = async () => (await db.selectFrom('conversations').select('status').where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirstOrThrow()).status;

    // The job table refuses the fan-out (a full disk would): the resolution must not be kept without it.
    if (dialect === 'sqlite') {
      await sql`create trigger refuse_fanout before insert on jobs when new.queue = 'webhooks.fanout' begin select raise(abort, 'no room for the fan-out'); end`.execute(db);
    } else {
      await sql`create function refuse_fanout() returns trigger language plpgsql as $$ begin raise exception 'no room for the fan-out'; end $$`.execute(db);
      await sql`create trigger refuse_fanout before insert on pgboss.job for each row when (new.name = 'webhooks.fanout') execute function refuse_fanout()`.execute(db);
    }
    const before = ok.received.length;
    const refused = await owner.patch(`/api/v1/conversations/${conversationId}`, { status: 'resolved' });
    if (dialect === 'sqlite') await sql`drop trigger refuse_fanout`.execute(db);
    else await sql`drop trigger refuse_fanout on pgboss.job; drop function refuse_fanout()`.execute(db);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(await statusOf()).toBe('open');

    const resolved = await owner.patch(`/api/v1/conversations/${conversationId}`, { status: 'resolved' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(await statusOf()).toBe('resolved');
    // Only this subscription's deliveries (the first test's subscription hears resolutions too).
    const ours = () => ok.received.slice(before).flatMap((request) => { try { return [verified(secret, request)]; } catch { return []; } });
    await waitFor(() => ours().length > 0, 10_000, 'conversation.resolved');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours()).toMatchObject([{ type: 'conversation.resolved', data: { conversationId } }]);
    expect((await owner.delete(`/api/v1/webhooks/${created.body.subscription.id}`)).status).toBe(204);
  });

  it('refuses private or plain-http URLs under the production policy, and bad input, with a 4xx and a code', async () => {
    const allowed = process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
    const nodeEnv = process.env.NODE_ENV;
    delete process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
    process.env.NODE_ENV = 'production';
    try {
      for (const url of [ok.url, 'https://10.1.2.3/hook', 'https://localhost/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest', 'http://erp.example.com/hook']) {
        const refused = await owner.post('/api/v1/webhooks', { url, events: ['message.received'] });
        expect(refused.status, url).toBe(400);
        expect(refused.body.error.code, url).toBe('webhook.url_refused');
      }
      const fine = await owner.post('/api/v1/webhooks', { url: 'https://erp.example.com/hook', events: ['order.attributed'], enabled: false });
      expect(fine.status).toBe(201);
      const moved = await owner.patch(`/api/v1/webhooks/${fine.body.subscription.id}`, { url: 'https://192.168.1.10/hook' });
      expect(moved.body.error.code).toBe('webhook.url_refused');
      expect((await owner.delete(`/api/v1/webhooks/${fine.body.subscription.id}`)).status).toBe(204);
    } finally {
      if (allowed === undefined) delete process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
      else process.env.RELAIS_ALLOW_PRIVATE_API_BASE = allowed;
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    const before = await relais.store.db.selectFrom('webhook_subscriptions').select('id').execute();
    const bad = [
      { url: 'pas une adresse', events: ['message.received'] },
      { url: 'https://erp.example.com/hook', events: [] },
      { url: 'https://erp.example.com/hook', events: ['message.deleted'] },
      { url: 'https://erp.example.com/hook', events: ['message.received'], secret: 'whsec_mine' },
      { url: 'ftp://erp.example.com/hook', events: ['message.received'] },
    ];
    for (const body of bad) {
      const reply = await owner.post('/api/v1/webhooks', body);
      expect(reply.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(reply.status, JSON.stringify(body)).toBeLessThan(500);
      expect(reply.body.error.code, JSON.stringify(body)).toMatch(/^(request\.invalid|webhook\.url_refused)$/);
    }
    expect(await relais.store.db.selectFrom('webhook_subscriptions').select('id').execute()).toHaveLength(before.length);
    expect((await owner.get('/api/v1/webhooks/01JBQ7Z1ZJ4M6D3K8N2P5R7T9V')).body.error.code).toBe('webhook.not_found');
    const agent = await addMember(relais.app, owner, 'karim@boutique-lea.fr', 'agent');
    expect((await agent.get('/api/v1/webhooks')).status).toBe(403);
  });

  it('retries a failing receiver on the schedule, then turns the subscription off after a day and tells the admins', async () => {
    const created = await owner.post('/api/v1/webhooks', { url: down.url, events: ['contest.drawn'], description: 'Entrepôt' });
    const subscriptionId = created.body.subscription.id as string;
    expect((await owner.post(`/api/v1/webhooks/${subscriptionId}/test`)).status).toBe(202);
    const row = () => relais.store.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('subscription_id', '=', subscriptionId).executeTakeFirstOrThrow();
    const subscription = () => relais.store.db.selectFrom('webhook_subscriptions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', subscriptionId).executeTakeFirstOrThrow();
    await waitFor(async () => (await row()).attempts === 1 && (await row()).state === 'retrying', 10_000, 'the first attempt');
    const firstAt = relais.clock.now();

    let sweeps = 0;
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      const before = await row();
      expect(before.state, `before attempt ${index + 2}`).toBe('retrying');
      expect(before.response_status).toBe(500);
      expect(before.response_snippet).toBe('receiver is down');
      // The wait follows the schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
      expect(Number(before.next_attempt_at) - Number(before.last_attempt_at)).toBe(delay);
      // Not a moment early: just before it is due, nothing more is sent.
      relais.clock.set(Number(before.next_attempt_at) - 1500);
      await relais.queue.enqueue(SWEEP_QUEUE, {}, { singletonKey: `test-sweep-${++sweeps}` });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(down.received).toHaveLength(index + 1);
      // Past due (and past the sweep's grace, for the pg-boss queue whose delays keep real time).
      relais.clock.set(Number(before.next_attempt_at) + 31_000);
      await relais.queue.enqueue(SWEEP_QUEUE, {}, { singletonKey: `test-sweep-${++sweeps}` });
      await waitFor(async () => (await row()).attempts === index + 2 && (await row()).state !== 'sending', 15_000, `attempt ${index + 2}`);
    }
    expect(down.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(new Set(down.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const stamps = down.received.map((r) => Number(r.headers['webhook-timestamp']));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);

    // More than a day of failures in a row: off, with the reason, and the admins told.
    expect(relais.clock.now() - firstAt).toBeGreaterThan(24 * 3600_000);
    const off = await subscription();
    expect(off).toMatchObject({ enabled: 0, disabled_reason: 'failing' });
    expect((await row()).state).toBe('failed');
    const notices = await relais.store.db.selectFrom('notifications').select(['user_id', 'kind', 'data']).where('workspace_id', '=', workspaceId).where('kind', '=', 'webhook_disabled').execute();
    expect(notices).toHaveLength(2); // the owner and the admin, not the agent
    expect(JSON.parse(notices[0]!.data)).toMatchObject({ subscriptionId, url: down.url, description: 'Entrepôt' });
    const audit = await relais.store.db.selectFrom('audit_log').select(['actor_type', 'data']).where('workspace_id', '=', workspaceId).where('action', '=', 'webhook.disabled').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_type).toBe('system');

    // The admin sees it in the bell (signing in again: a day went by on the server's clock).
    const back = await new Browser(relais.app, '198.51.100.77').open();
    expect((await back.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password })).status).toBe(200);
    const bell = await back.get('/api/v1/notifications');
    expect(bell.body.notifications.find((n: any) => n.kind === 'webhook_disabled')).toMatchObject({ data: { subscriptionId } });
    const view = await back.get(`/api/v1/webhooks/${subscriptionId}`);
    expect(view.body).toMatchObject({ enabled: false, disabledReason: 'failing' });
    // Off means off: no more events, replay refused until it is turned back on.
    const delivery = await row();
    const refused = await back.post(`/api/v1/webhooks/${subscriptionId}/deliveries/${delivery.id}/replay`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('webhook.disabled');
    const on = await back.patch(`/api/v1/webhooks/${subscriptionId}`, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });
});
