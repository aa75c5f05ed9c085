import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel, xProvider } from '../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { backfillChannel } from './backfill-channel.ts';

const SECRET = 'x-consumer-secret-for-tests';
const SHOP = '1851234567890123456'; // above 2^53, as X's ids are
const TOKEN = 'x-user-token-abcdef';

// Relais and the X sandbox over real HTTP, on one clock.
describe('X channel through the sandbox', () => {
  let relais: TestRelais;
  let sandbox: Sandbox;
  let owner: Browser;
  let channelId: string;
  let workspaceId: string;

  beforeEach(async () => {
    relais = await startTestRelais('sqlite', { RELAIS_X_CONSUMER_SECRET: SECRET });
    const url = await relais.listen();
    sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, x: { consumerSecret: SECRET } });
    sandbox.x.addAccount({ id: SHOP, screenName: 'maisonlune', name: 'Maison Lune', accessToken: TOKEN });
    sandbox.x.addUser({ id: '1851234567890123999', screenName: 'camille_m', name: 'Camille Martin', acceptsDms: true });
    sandbox.x.addUser({ id: '1851234567890124001', screenName: 'ferme', name: 'DM fermés', acceptsDms: false });
    owner = await setUpOwner(relais.app);
    workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    const spec = await xProvider.connect({ 'account-id': SHOP, 'access-token': TOKEN, 'api-base': sandbox.x.apiBase });
    channelId = await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, { workspaceId, kind: 'x', ...spec });
  });
  afterEach(async () => {
    await sandbox?.close();
    await relais?.dispose();
  });

  const conversations = async (query = '') => (await owner.get(`/api/v1/conversations${query}`)).body.conversations as any[];
  const thread = async (id: string) => (await owner.get(`/api/v1/conversations/${id}`)).body;
  const settledSends = (count: number) => waitFor(async () => (await relais.store.db.selectFrom('outbound').select('state').where('state', 'in', ['sent', 'failed']).execute()).length >= count, 8000, 'the sends');

  it('answers the CRC challenge with the consumer secret', async () => {
    expect((await sandbox.x.crc()).ok).toBe(true);
  });

  it('turns a mention, a reply in its thread and a DM into one public and one private conversation of the same contact', async () => {
    const mention = await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune toujours pas reçu ma commande 😡' });
    expect(mention.status).toBe(200);
    await sandbox.x.reply({ from: '1851234567890123999', inReplyTo: mention.id, text: '@maisonlune et personne ne répond…' });
    await sandbox.x.dm({ from: '1851234567890123999', text: 'Voici mon numéro de commande : 4512' });
    await waitFor(async () => (await conversations()).length === 2, 5000, 'two conversations');
    const list = await conversations();
    expect(list.map((c) => c.kind).sort()).toEqual(['private', 'public']);
    expect(new Set(list.map((c) => c.contact?.name))).toEqual(new Set(['Camille Martin']));
    const pub = await thread(list.find((c) => c.kind === 'public').id);
    expect(pub.messages.map((m: any) => m.externalId)).toEqual([mention.id, expect.stringMatching(/^\d{19}$/)]);

    // Replies and DMs reach X once, and their echoes do not come back as new messages.
    await owner.post(`/api/v1/conversations/${pub.conversation.id}/messages`, { text: 'Nous regardons tout de suite !', visibility: 'public' });
    await owner.post(`/api/v1/conversations/${list.find((c) => c.kind === 'private').id}/messages`, { text: 'Merci, je vérifie la commande 4512.', visibility: 'private' });
    await settledSends(2);
    await sandbox.x.idle();
    await waitFor(async () => (await relais.store.db.selectFrom('inbound_events').select('id').where('status', '=', 'received').execute()).length === 0, 5000);
    expect(sandbox.x.tweets.map((t: any) => t.text)).toEqual(['Nous regardons tout de suite !']);
    expect(sandbox.x.dms.map((d: any) => d.text)).toEqual(['Merci, je vérifie la commande 4512.']);
    expect((await thread(pub.conversation.id)).messages).toHaveLength(3);
  });

  it('refuses an over-long public reply before calling X, and explains a closed DM', async () => {
    const mention = await sandbox.x.mention({ from: '1851234567890124001', text: '@maisonlune question' });
    await waitFor(async () => (await conversations()).length === 1, 5000);
    const conversation = (await conversations())[0];
    const budget = await owner.get(`/api/v1/conversations/${conversation.id}/policy?text=${encodeURIComponent('Merci ! 😍 https://maison-lune.fr/suivi/123456789')}`);
    // 9 characters, 1 emoji counted 2, and a link counted 23, whatever its length.
    expect(budget.body.public).toMatchObject({ allowed: true, maxLength: 280, remaining: 280 - (9 + 2 + 23) });
    const tooLong = await owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: `${'é'.repeat(270)} https://maison-lune.fr/suivi`, visibility: 'public' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('message.too_long');
    expect(sandbox.x.calls.filter((c: any) => c.method === 'POST')).toEqual([]);
    void mention;

    const moved = await owner.post(`/api/v1/conversations/${conversation.id}/move-to-private`, { publicText: 'Écrivez-nous en DM 🙏', privateText: 'Bonjour, pouvez-vous nous donner votre numéro de commande ?' });
    expect(moved.status).toBe(201);
    await settledSends(2);
    const states = await relais.store.db.selectFrom('outbound').select(['action_type', 'state', 'failure_kind', 'failure_reason']).orderBy('id').execute();
    expect(states).toMatchObject([
      { action_type: 'public_reply', state: 'sent' },
      { action_type: 'message', state: 'failed', failure_kind: 'permanent', failure_reason: expect.stringMatching(/direct message/i) },
    ]);
  });

  it('links the public thread and the private conversation when moving to DMs', async () => {
    await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune colis abîmé !' });
    await waitFor(async () => (await conversations()).length === 1, 5000);
    const pub = (await conversations())[0];
    const moved = await owner.post(`/api/v1/conversations/${pub.id}/move-to-private`, { publicText: 'Désolés ! On vous écrit en DM.', privateText: 'Pouvez-vous nous envoyer une photo du colis ?' });
    await settledSends(2);
    const privateId = moved.body.privateConversationId;
    const rows = await relais.store.db.selectFrom('conversations').select(['id', 'kind', 'linked_conversation_id', 'contact_id']).orderBy('kind').execute();
    expect(rows).toEqual([
      { id: privateId, kind: 'private', linked_conversation_id: pub.id, contact_id: pub.contact.id },
      { id: pub.id, kind: 'public', linked_conversation_id: privateId, contact_id: pub.contact.id },
    ]);
    expect(sandbox.x.dms.map((d: any) => d.text)).toEqual(['Pouvez-vous nous envoyer une photo du colis ?']);
    // The customer answers in DMs: the linked private conversation, not a new one.
    await sandbox.x.dm({ from: '1851234567890123999', text: 'Voici la photo' });
    await waitFor(async () => (await thread(privateId)).messages.some((m: any) => m.text === 'Voici la photo'), 5000, 'the answer');
    expect(await conversations()).toHaveLength(2);
  });

  it('back-fills mentions and DMs sent while webhooks were off, without duplicates once they resume', async () => {
    await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune avant la panne' });
    await waitFor(async () => (await conversations()).length === 1, 5000);
    expect(await backfillChannel(relais.inbox, { workspaceId, channelId })).toBeGreaterThanOrEqual(1);
    sandbox.x.webhooksEnabled(false);
    await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune pendant la panne' });
    await sandbox.x.dm({ from: '1851234567890123999', text: 'DM pendant la panne' });
    expect(await conversations()).toHaveLength(1);
    await backfillChannel(relais.inbox, { workspaceId, channelId });
    const texts = async () => (await relais.store.db.selectFrom('messages').select('text').orderBy('seq').execute()).map((m) => m.text);
    expect((await texts()).sort()).toEqual(['@maisonlune avant la panne', '@maisonlune pendant la panne', 'DM pendant la panne'].sort());
    sandbox.x.webhooksEnabled(true);
    await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune après la panne' });
    await waitFor(async () => (await texts()).includes('@maisonlune après la panne'), 5000, 'the live mention');
    await backfillChannel(relais.inbox, { workspaceId, channelId });
    expect(await texts()).toHaveLength(4);
  });

  it('runs the rules on a mention found by back-fill, as on one pushed by webhook', async () => {
    const label = (await owner.post('/api/v1/labels', { name: 'panne', color: '#b42318' })).body.id;
    expect((await owner.post('/api/v1/rules', { name: 'Mentions', event: 'message_received', conditions: [{ type: 'channel', field: 'kind', in: ['x'] }], actions: [{ type: 'add_label', label }] })).status).toBe(201);
    sandbox.x.webhooksEnabled(false);
    await sandbox.x.mention({ from: '1851234567890123999', text: '@maisonlune vous êtes là ?' });
    await backfillChannel(relais.inbox, { workspaceId, channelId });
    const firings = () => relais.store.db.selectFrom('rule_firings').select(['rule_name', 'completed_at']).execute();
    await waitFor(async () => (await firings()).some((f) => f.completed_at !== null), 5000, 'the rules on the back-filled mention');
    expect((await firings()).map((f) => f.rule_name)).toEqual(['Mentions']);
    expect((await conversations())[0].labels.map((l: any) => l.name)).toEqual(['panne']);
  });
});

