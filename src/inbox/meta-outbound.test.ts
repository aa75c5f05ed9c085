import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel, metaProvider } from '../channels/index.ts';
import { Browser, ownerInput, setUpOwner, startTestRelais, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';

const SECRET = 'outbound-test-secret';
const PAGE = '1000000000000042';
const IG = '17841400000000042';
const TOKEN = 'PAGE_TOKEN_42_abcdef';
const H = 3_600_000;

// Relais and the Meta sandbox talking over real HTTP, on one clock.
describe('Meta outbound through the sandbox', () => {
  let relais: TestRelais;
  let sandbox: Sandbox;
  let owner: Browser;

  beforeEach(async () => {
    relais = await startTestRelais('sqlite', { RELAIS_META_APP_SECRET: SECRET });
    const url = await relais.listen();
    sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, meta: { appSecret: SECRET, retrySchedule: [0, 100] } });
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: TOKEN, instagramId: IG, instagramUsername: 'maisonlune' });
    sandbox.meta.addUser({ id: '6100', name: 'Camille Martin' });
    sandbox.meta.addUser({ id: '6200', name: 'Léo Petit', username: 'leo.petit' });
    sandbox.meta.addPost({ id: `${PAGE}_55`, pageId: PAGE, message: 'Nouvelle collection', permalinkUrl: 'https://facebook.com/maisonlune/posts/55' });
    sandbox.meta.addMedia({ id: '1799000000000055', pageId: PAGE, caption: 'Bague lune' });
    owner = await setUpOwner(relais.app);
    const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    const spec = await metaProvider.connect({ 'page-id': PAGE, 'page-token': TOKEN, 'instagram-id': IG, 'api-base': sandbox.meta.graphUrl });
    await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, { workspaceId, kind: 'meta', ...spec, settings: { ...spec.settings, requestTimeoutMs: 400 } });
  });
  afterEach(async () => {
    await sandbox?.close();
    await relais?.dispose();
  });

  const signInAgain = async () => {
    const browser = await new Browser(relais.app).open();
    await browser.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    return browser;
  };
  const conversations = async () => (await owner.get('/api/v1/conversations')).body.conversations as any[];
  const thread = async (id: string) => (await owner.get(`/api/v1/conversations/${id}`)).body;
  const firstConversation = async () => {
    await waitFor(async () => (await conversations()).length > 0, 5000, 'a conversation');
    return (await conversations())[0];
  };
  const outboundStates = async () => (await relais.store.db.selectFrom('outbound').select(['state', 'failure_kind', 'action_type']).orderBy('id').execute());
  const settled = (count: number) => waitFor(async () => (await outboundStates()).filter((o) => o.state === 'sent' || o.state === 'failed').length >= count, 8000, 'the sends to settle');

  it('connects the Page: token checked, app subscribed', () => {
    expect(sandbox.meta.calls.map((c) => `${c.method} ${c.path}`)).toEqual(expect.arrayContaining(['GET /me', `POST /${PAGE}/subscribed_apps`]));
  });

  it('sends a public reply once, and its echo does not become a second message', async () => {
    const { commentId } = await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Livrez-vous en Belgique ?' });
    const conversation = await firstConversation();
    expect(conversation).toMatchObject({ kind: 'public', contact: { name: 'Camille Martin' }, post: { permalink: 'https://facebook.com/maisonlune/posts/55' } });
    const reply = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Oui, en 3 jours ouvrés !', visibility: 'public' });
    expect(reply.status).toBe(201);
    await settled(1);
    await sandbox.meta.idle();
    await waitFor(async () => (await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute()).length === 0, 5000);
    expect(sandbox.meta.replies.map((r) => [r.parentId, r.message])).toEqual([[commentId, 'Oui, en 3 jours ouvrés !']]);
    const messages = (await thread(conversation.id)).messages;
    expect(messages.map((m: any) => [m.direction, m.text, m.delivery[0]?.state])).toEqual([
      ['in', 'Livrez-vous en Belgique ?', undefined],
      ['out', 'Oui, en 3 jours ouvrés !', 'sent'],
    ]);
  });

  it('answers a comment privately once, links the commenter, and refuses a second private reply', async () => {
    await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Ma bague est arrivée cassée 😢' });
    const conversation = await firstConversation();
    expect((await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Désolés ! Nous vous écrivons en privé.', visibility: 'private' })).status).toBe(201);
    await settled(1);
    expect(sandbox.meta.sent.map((s) => s.recipient)).toEqual([{ comment_id: expect.any(String) }]);
    const again = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Encore ?', visibility: 'private' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('channel.policy_refused');
    expect(sandbox.meta.sent).toHaveLength(1);
    // The commenter answers in Messenger: the same contact, not a new one.
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: sandbox.meta.sent[0]!.recipientId, text: 'Merci, voici ma commande 4512' });
    await waitFor(async () => (await conversations()).length === 2, 5000, 'the Messenger thread');
    const contacts = new Set((await conversations()).map((c) => c.contact?.id));
    expect(contacts.size).toBe(1);
  });

  it('moves a public complaint to private: posts the invitation, files the private reply in the customer’s Messenger thread, linked both ways with one owner', async () => {
    // Camille already wrote on Messenger last week; today she complains under a post.
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Bonjour, avez-vous la bague en argent ?' });
    await firstConversation();
    const { commentId } = await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Ma bague est arrivée cassée 😢' });
    await waitFor(async () => (await conversations()).length === 2, 5000, 'the comment thread');
    const db = relais.store.db;
    const publicThread = await db.selectFrom('conversations').select(['id']).where('kind', '=', 'public').executeTakeFirstOrThrow();
    const dmThread = await db.selectFrom('conversations').select(['id']).where('kind', '=', 'private').executeTakeFirstOrThrow();
    const me = (await owner.get('/api/v1/me')).body.user.id;
    expect((await owner.patch(`/api/v1/conversations/${publicThread.id}`, { assigneeId: me })).status).toBe(200);

    const moved = await owner.post(`/api/v1/conversations/${publicThread.id}/move-to-private`, { publicText: 'Désolés ! Nous vous écrivons en privé 🙏', privateText: 'Pouvez-vous nous envoyer une photo de la bague ?' });
    expect(moved.status).toBe(201);
    await settled(2);
    await sandbox.meta.idle();
    expect(sandbox.meta.replies.map((r) => [r.parentId, r.message])).toEqual([[commentId, 'Désolés ! Nous vous écrivons en privé 🙏']]);
    expect(sandbox.meta.sent.map((s) => [s.recipient, s.text])).toEqual([[{ comment_id: commentId }, 'Pouvez-vous nous envoyer une photo de la bague ?']]);

    // The private reply sits in her Messenger thread, not under the comment; both threads point at each other.
    await waitFor(async () => (await thread(dmThread.id)).messages.some((m: any) => m.text.startsWith('Pouvez-vous')), 5000, 'the private reply in the Messenger thread');
    expect((await thread(publicThread.id)).messages.map((m: any) => m.text)).toEqual(['Ma bague est arrivée cassée 😢', 'Désolés ! Nous vous écrivons en privé 🙏']);
    const links = await db.selectFrom('conversations').select(['id', 'linked_conversation_id', 'assignee_id']).orderBy('kind').execute();
    expect(links).toEqual(expect.arrayContaining([
      { id: dmThread.id, linked_conversation_id: publicThread.id, assignee_id: me },
      { id: publicThread.id, linked_conversation_id: dmThread.id, assignee_id: me },
    ]));

    // Her answer lands in that same thread: no third conversation, no other owner.
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Voici la photo' });
    await waitFor(async () => (await thread(dmThread.id)).messages.some((m: any) => m.text === 'Voici la photo'), 5000, 'her answer');
    expect(await conversations()).toHaveLength(2);
  });

  it('sends a DM as RESPONSE within 24 h, with HUMAN_AGENT up to 7 days, and refuses after', async () => {
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Bonjour, ma commande ?' });
    const conversation = await firstConversation();
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Elle part demain.', visibility: 'private' });
    await settled(1);
    relais.clock.advance(30 * H);
    owner = await signInAgain(); // the agent's session idled out meanwhile
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Elle est partie.', visibility: 'private' });
    await settled(2);
    expect(sandbox.meta.sent.map((s) => [s.messagingType, s.tag ?? null])).toEqual([['RESPONSE', null], ['MESSAGE_TAG', 'HUMAN_AGENT']]);
    relais.clock.advance(7 * 24 * H);
    owner = await signInAgain();
    const late = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Trop tard', visibility: 'private' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'channel.window_closed', message: expect.stringMatching(/closed \d{4}-\d\d-\d\dT/) });
    await sandbox.meta.idle();
    // Our own sends came back as echoes and were matched, not duplicated.
    expect((await thread(conversation.id)).messages.map((m: any) => m.text)).toEqual(['Bonjour, ma commande ?', 'Elle part demain.', 'Elle est partie.']);
  });

  it('replies to an Instagram DM', async () => {
    await sandbox.meta.instagramDm({ pageId: PAGE, igsid: '6200', text: 'Dispo en 52 ?' });
    const conversation = await firstConversation();
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Oui, en stock !', visibility: 'private' });
    await settled(1);
    expect(sandbox.meta.sent.map((s) => [s.platform, s.recipientId, s.text])).toEqual([['instagram', '6200', 'Oui, en stock !']]);
  });

  it('hides, unhides and deletes a comment, each in the moderation log with who, why and what it said', async () => {
    const { commentId } = await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Arnaque !!! allez voir ailleurs' });
    const conversation = await firstConversation();
    const messageId = (await thread(conversation.id)).messages[0].id;
    expect((await owner.post(`/api/v1/messages/${messageId}/hide`, { reason: 'Insulte (charte, art. 2)' })).status).toBe(202);
    await settled(1);
    await owner.post(`/api/v1/messages/${messageId}/unhide`, {});
    await settled(2);
    await owner.post(`/api/v1/messages/${messageId}/delete`, { reason: 'Récidive' });
    await settled(3);
    expect(sandbox.meta.hidden.map((h) => [h.commentId, h.hidden])).toEqual([[commentId, true], [commentId, false]]);
    expect(sandbox.meta.deleted.map((d) => d.commentId)).toEqual([commentId]);
    const message = (await thread(conversation.id)).messages[0];
    expect(message.status).toBe('deleted');
    expect(message.moderation.map((m: any) => [m.action, m.actorType, m.reason])).toEqual([['hide', 'user', 'Insulte (charte, art. 2)'], ['unhide', 'user', null], ['delete', 'user', 'Récidive']]);
    const log = await relais.store.db.selectFrom('moderation_log').select('snapshot').execute();
    expect(log.every((entry) => entry.snapshot === 'Arnaque !!! allez voir ailleurs')).toBe(true);
    await expect(relais.store.db.updateTable('moderation_log').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
  });

  it('hides by the charter a comment that exposes a phone number, and the register says which clause', async () => {
    const { commentId } = await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Rappelez-moi vite au 06 12 34 56 78 svp' });
    const conversation = await firstConversation();
    await settled(1);
    expect(sandbox.meta.hidden.map((h) => [h.commentId, h.hidden])).toEqual([[commentId, true]]);
    const [message] = (await thread(conversation.id)).messages;
    expect(message.status).toBe('hidden');
    expect(message.moderation).toMatchObject([{ action: 'hide', actorType: 'rule', clause: 'donnees-personnelles@v1' }]);
    // The evidence kept on the message is masked: the number itself is not copied around.
    expect(JSON.stringify(message.meta.charter)).not.toContain('12 34 56');

    // The customer appeals; a community manager unhides it. The register keeps both, and exports them.
    await owner.post(`/api/v1/messages/${message.id}/unhide`, { reason: 'Numéro professionnel, accord du client' });
    await settled(2);
    const register = (await owner.get('/api/v1/moderation')).body.entries;
    expect(register.map((e: any) => [e.action, e.actorType, e.clause])).toEqual([['unhide', 'user', null], ['hide', 'rule', 'donnees-personnelles@v1']]);
    const csv = await relais.app.inject({ method: 'GET', url: '/api/v1/moderation?format=csv', headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFdate,action,actor_type,actor,clause,reason,conversation_id,message_id,content');
    expect(csv.body).toContain('"hide","rule","charter:donnees-personnelles","donnees-personnelles@v1"');
    const french = await relais.app.inject({ method: 'GET', url: '/api/v1/moderation?format=csv&separator=semicolon&action=hide', headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(french.body.split('\r\n')[0]).toBe('\uFEFFdate;action;actor_type;actor;clause;reason;conversation_id;message_id;content');
    expect(french.body).toContain('"hide";"rule";"charter:donnees-personnelles";"donnees-personnelles@v1"');
  });

  it('waits out a rate limit as long as Meta says, without hammering', async () => {
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Allô ?' });
    const conversation = await firstConversation();
    sandbox.meta.throttle({ code: 32, estimatedTimeToRegainAccessMinutes: 2 });
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Nous sommes là.', visibility: 'private' });
    await waitFor(async () => (await outboundStates())[0]?.failure_kind === 'rate_limited', 5000, 'the throttle');
    const callsWhileThrottled = sandbox.meta.calls.filter((c) => c.path.endsWith('/messages')).length;
    relais.clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sandbox.meta.calls.filter((c) => c.path.endsWith('/messages')).length).toBe(callsWhileThrottled);
    sandbox.meta.unthrottle();
    relais.clock.advance(61_000);
    await settled(1);
    expect((await outboundStates())[0]).toMatchObject({ state: 'sent' });
    expect(sandbox.meta.sent).toHaveLength(1);
  });

  it('marks the channel for reconnection on an invalid token (190) and refuses further replies', async () => {
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Bonjour' });
    const conversation = await firstConversation();
    sandbox.meta.revokeToken(TOKEN);
    await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Bonjour !', visibility: 'private' });
    await settled(1);
    expect((await outboundStates())[0]).toMatchObject({ state: 'failed', failure_kind: 'auth' });
    expect((await thread(conversation.id)).conversation.channel.status).toBe('needs_reconnect');
    const next = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Encore', visibility: 'private' });
    expect(next.body.error.code).toBe('channel.needs_reconnect');
    // An admin reconnects the same Page with a new token: the same channel, active again.
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: 'NEW_TOKEN_42_abcdef', instagramId: IG, instagramUsername: 'maisonlune' });
    const reconnect = await owner.post('/api/v1/channels', { kind: 'meta', pageId: PAGE, pageToken: 'NEW_TOKEN_42_abcdef', instagramId: IG, apiBase: sandbox.meta.graphUrl });
    expect(reconnect.status).toBe(201);
    expect(reconnect.body.id).toBe((await thread(conversation.id)).conversation.channel.id);
    expect((await thread(conversation.id)).conversation.channel.status).toBe('active');
    expect((await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Nous revoilà', visibility: 'private' })).status).toBe(201);
    await settled(2);
    expect(sandbox.meta.sent.map((s) => s.text)).toEqual(['Nous revoilà']);
  });

  it('never sends twice when the API acted but its answer was lost, nor on a double click', async () => {
    await sandbox.meta.comment({ postId: `${PAGE}_55`, from: '6100', message: 'Question ?' });
    const conversation = await firstConversation();
    sandbox.meta.failNext({ method: 'POST', path: /\/comments$/, actThenHang: true });
    const body = { text: 'Réponse unique', visibility: 'public', idempotencyKey: 'click-123456' };
    const [first, second] = [await owner.post(`/api/v1/conversations/${conversation.id}/messages`, body), await owner.post(`/api/v1/conversations/${conversation.id}/messages`, body)];
    expect(second.body).toEqual(first.body);
    await waitFor(async () => (await outboundStates())[0]?.state === 'sending' && sandbox.meta.replies.length === 1, 5000, 'the lost answer');
    await new Promise((resolve) => setTimeout(resolve, 600));
    relais.clock.advance(5000);
    await settled(1);
    expect((await outboundStates())).toEqual([{ state: 'sent', failure_kind: null, action_type: 'public_reply' }]);
    expect(sandbox.meta.replies).toHaveLength(1);
  });
});
