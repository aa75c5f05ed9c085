import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { testDialects } from '../store/testing.ts';
import { IG_ID, META_SECRET, PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const dialects = await testDialects();
const T0 = Date.UTC(2026, 10, 23, 8, 30);
const customer = { id: '5550001', name: 'Camille Dupont' };

describe.each(dialects)('Meta inbound on %s', (dialect) => {
  let h: MetaHarness;
  beforeEach(async () => { h = await startMetaHarness(dialect); });
  afterEach(async () => { await h.dispose(); });

  const conversations = async (query = '') => (await h.owner.get(`/api/v1/conversations${query}`)).body.conversations as any[];
  const thread = async (id: string) => (await h.owner.get(`/api/v1/conversations/${id}`)).body;
  const comment = (commentId: string, message: string, extra: Partial<Parameters<typeof meta.comment>[1]> = {}) =>
    meta.comment(PAGE_ID, { commentId, postId: `${PAGE_ID}_42`, from: customer, message, at: T0, post: { permalink_url: 'https://facebook.com/boutique/posts/42' }, ...extra });

  it('answers the verification handshake only with the right token', async () => {
    const ok = await h.relais.app.inject({ method: 'GET', url: '/hooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await h.relais.app.inject({ method: 'GET', url: '/hooks/meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope' });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a forged or missing signature and stores nothing', async () => {
    const { body } = signedMetaRequest(meta.page(comment(`${PAGE_ID}_42_1`, 'Bonjour')), META_SECRET);
    const forged = await h.relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } });
    const missing = await h.relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: body, headers: { 'content-type': 'application/json' } });
    const tampered = signedMetaRequest(meta.page(comment(`${PAGE_ID}_42_1`, 'Bonjour')), META_SECRET);
    const altered = await h.relais.app.inject({ method: 'POST', url: '/hooks/meta', payload: tampered.body.replace('Bonjour', 'Bonsoir'), headers: tampered.headers });
    for (const reply of [forged, missing, altered]) {
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error.code).toBe('webhook.bad_signature');
    }
    expect(await h.relais.store.db.selectFrom('inbound_events').select('id').execute()).toEqual([]);
  });

  it('turns a comment, a Messenger message and an Instagram DM into conversations with contact and text', async () => {
    expect((await h.post(meta.page(comment(`${PAGE_ID}_42_1`, 'Toujours pas reçu ma commande 😡 /suivi')))).status).toBe(200);
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_msg_1', text: 'Bonjour, où en est mon colis ?', at: T0 + 1000 })));
    await h.post(meta.instagram(meta.instagramDm(IG_ID, { igsid: '8880001', mid: 'm_ig_1', text: 'Dispo en 38 ?', at: T0 + 2000 })));
    await h.settle();
    const list = await conversations();
    expect(list.map((c) => [c.kind, c.lastMessage.text])).toEqual([
      ['private', 'Dispo en 38 ?'],
      ['private', 'Bonjour, où en est mon colis ?'],
      ['public', 'Toujours pas reçu ma commande 😡 /suivi'],
    ]);
    const commentThread = list[2];
    expect(commentThread.contact.name).toBe('Camille Dupont');
    expect(commentThread.post.permalink).toBe('https://facebook.com/boutique/posts/42');
    expect((await conversations('?kind=private')).length).toBe(2);
    expect((await conversations('?q=colis')).map((c) => c.id)).toEqual([list[1].id]);
  });

  it('changes nothing when the same delivery or the same comment comes three times', async () => {
    const payload = meta.page(comment(`${PAGE_ID}_42_1`, 'Bonjour'));
    const replies = [await h.post(payload), await h.post(payload), await h.post(payload)];
    expect(replies.map((r) => r.body.status)).toEqual(['accepted', 'duplicate', 'duplicate']);
    // The same comment inside different deliveries (a batch, a later retry with other events).
    await h.post(meta.page(comment(`${PAGE_ID}_42_1`, 'Bonjour'), meta.message(PAGE_ID, { psid: '7770001', mid: 'm_1', text: 'Salut', at: T0 })));
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_1', text: 'Salut', at: T0 }), comment(`${PAGE_ID}_42_1`, 'Bonjour')));
    await h.settle();
    const messages = await h.relais.store.db.selectFrom('messages').select(['external_id']).execute();
    expect(messages.map((m) => m.external_id).sort()).toEqual([`${PAGE_ID}_42_1`, 'm_1']);
  });

  it('handles a batch of many entries and changes in one POST', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => comment(`${PAGE_ID}_42_${i + 10}`, `Commentaire ${i}`, { from: { id: `600${i}`, name: `Client ${i}` } }));
    await h.post(meta.page(...entries));
    await h.settle();
    expect(await conversations()).toHaveLength(5);
  });

  it('puts a reply that arrives before its parent into the parent thread, and keeps edits and removals in order', async () => {
    const top = `${PAGE_ID}_42_100`;
    await h.post(meta.page(comment(`${PAGE_ID}_42_101`, 'Moi aussi !', { parentId: top, from: { id: '5550002', name: 'Léo' }, at: T0 + 60_000 })));
    await h.post(meta.page(comment(`${PAGE_ID}_42_102`, 'texte corrigé', { verb: 'edited', at: T0 + 120_000 })));
    await h.post(meta.page(comment(top, 'Où est mon colis ?')));
    await h.post(meta.page(comment(`${PAGE_ID}_42_102`, 'texte initial', { at: T0 + 30_000 })));
    await h.settle();
    const list = await conversations();
    expect(list).toHaveLength(2);
    const parent = list.find((c) => c.lastMessage.text === 'Moi aussi !');
    const detail = await thread(parent.id);
    // Shown in the order they were written, whatever the order they arrived in.
    expect(detail.messages.map((m: any) => m.text)).toEqual(['Où est mon colis ?', 'Moi aussi !']);
    expect(detail.conversation.contact.name).toBe('Camille Dupont');
    const edited = await thread(list.find((c) => c.id !== parent.id).id);
    expect(edited.messages.map((m: any) => [m.text, m.editedAt !== null])).toEqual([['texte corrigé', true]]);

    await h.post(meta.page(comment(`${PAGE_ID}_42_102`, '', { verb: 'hide', at: T0 + 200_000 })));
    await h.post(meta.page(comment(`${PAGE_ID}_42_102`, '', { verb: 'remove', at: T0 + 300_000 })));
    await h.post(meta.page(comment(`${PAGE_ID}_42_102`, '', { verb: 'unhide', at: T0 + 250_000 })));
    await h.settle();
    const after = await thread(list.find((c) => c.id !== parent.id).id);
    expect(after.messages[0].status).toBe('deleted');
    expect(after.messages[0].moderation.map((m: any) => [m.action, m.actorType])).toEqual([['hide', 'platform'], ['delete', 'platform']]);
  });

  it('records the shop’s replies from elsewhere as brand messages, and never loops on the page’s own comments', async () => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_in', text: 'Bonjour', at: T0 })));
    await h.post(meta.page(meta.echo(PAGE_ID, { psid: '7770001', mid: 'm_out_inbox', text: 'Bonjour, je regarde', at: T0 + 5000 })));
    await h.post(meta.page(comment(`${PAGE_ID}_42_200`, 'Question ?'), comment(`${PAGE_ID}_42_201`, 'Réponse de la page', { parentId: `${PAGE_ID}_42_200`, from: { id: PAGE_ID, name: 'Boutique Léa' } })));
    await h.settle();
    const dm = (await conversations('?kind=private'))[0];
    const detail = await thread(dm.id);
    expect(detail.messages.map((m: any) => [m.direction, m.authorType, m.text])).toEqual([['in', 'contact', 'Bonjour'], ['out', 'brand', 'Bonjour, je regarde']]);
    const pub = await thread((await conversations('?kind=public'))[0].id);
    expect(pub.messages.map((m: any) => [m.direction, m.authorType])).toEqual([['in', 'contact'], ['out', 'brand']]);
    const identities = await h.relais.store.db.selectFrom('identities').select('external_id').execute();
    expect(identities.map((i) => i.external_id).sort()).toEqual(['5550001', '7770001']);
  });

  it('counts reactions on the post and opens no conversation for them', async () => {
    await h.post(meta.page(comment(`${PAGE_ID}_42_1`, 'Joli !')));
    await h.settle();
    await h.post(meta.page({ id: PAGE_ID, time: Math.floor(T0 / 1000), changes: [{ field: 'feed', value: { item: 'reaction', verb: 'add', post_id: `${PAGE_ID}_42`, reaction_type: 'love', from: { id: '999' }, created_time: Math.floor(T0 / 1000) } }] }));
    await h.settle();
    expect(await conversations()).toHaveLength(1);
    const post = await h.relais.store.db.selectFrom('posts').select('reactions').executeTakeFirstOrThrow();
    expect(JSON.parse(post.reactions)).toEqual({ love: 1 });
  });

  it('reopens a resolved DM conversation when the customer writes again', async () => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_a', text: 'Merci !', at: T0 })));
    await h.settle();
    const [conversation] = await conversations();
    await h.relais.store.db.updateTable('conversations').set({ status: 'resolved' }).where('id', '=', conversation.id).execute();
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_b', text: 'Encore une question', at: T0 + 3_600_000 })));
    await h.settle();
    const again = await conversations();
    expect(again.map((c) => [c.id, c.status])).toEqual([[conversation.id, 'open']]);
  });
});
