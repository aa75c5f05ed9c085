import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../start-sandbox.ts';
import { startFakeRelais, type FakeRelais } from '../testing.ts';
import type { MetaWebhookBody } from './event.ts';
import type { MetaSandbox } from './meta-sandbox.ts';
import type { MetaDemo } from './seed-demo.ts';
import { useMetaSandbox } from './testing.ts';

const appSecret = 'webhook-test-secret';
// A still clock, so times in payloads can be asserted exactly.
const clock = { now: () => Date.UTC(2026, 0, 5, 9, 30, 15, 250) };
const hmac = (algorithm: 'sha256' | 'sha1', bytes: string | Buffer) => createHmac(algorithm, appSecret).update(bytes).digest('hex');

let relais: FakeRelais;
let meta: MetaSandbox;
let demo: MetaDemo;

useMetaSandbox({ clock, meta: { appSecret, retrySchedule: [0, 50, 100] } }, (world) => ({ relais, meta, demo } = world));

const bodies = () => relais.received.map((r) => JSON.parse(r.raw.toString('utf8')) as MetaWebhookBody);

describe('webhook bytes and signature', () => {
  it('escapes like Meta and signs exactly the bytes sent; a re-serialisation would not verify', async () => {
    const message = 'Très jolies — livrez-vous à Genève ? 😍 https://maisonlune.fr/créoles';
    const result = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message });
    expect(result.status).toBe(200);
    const [request] = relais.received;
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/meta' });
    expect(request!.headers['content-type']).toBe('application/json');
    const raw = request!.raw;
    expect(raw.toString('latin1')).toBe(result.deliveries[0]!.body);
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    const text = raw.toString('utf8');
    expect(text).toContain('Tr\\u00e8s jolies \\u2014 livrez-vous \\u00e0 Gen\\u00e8ve ? \\ud83d\\ude0d https:\\/\\/maisonlune.fr\\/cr\\u00e9oles');
    expect(request!.headers['x-hub-signature-256']).toBe(`sha256=${hmac('sha256', raw)}`);
    expect(request!.headers['x-hub-signature']).toBe(`sha1=${hmac('sha1', raw)}`);
    const reserialised = JSON.stringify(JSON.parse(text));
    expect(reserialised).not.toBe(text);
    expect(`sha256=${hmac('sha256', reserialised)}`).not.toBe(request!.headers['x-hub-signature-256']);
    expect(JSON.parse(text).entry[0].changes[0].value.message).toBe(message);
  });

  it('marks a bad signature or none at all when asked', async () => {
    await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'a' }, { badSignature: true });
    await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'b' }, { unsigned: true });
    const [bad, unsigned] = relais.received;
    expect(bad!.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(bad!.headers['x-hub-signature-256']).not.toBe(`sha256=${hmac('sha256', bad!.raw)}`);
    expect(unsigned!.headers['x-hub-signature-256']).toBeUndefined();
    expect(unsigned!.headers['x-hub-signature']).toBeUndefined();
  });
});

describe('payload shapes', () => {
  it('sends a Facebook comment as a feed change, in seconds, with the post nested', async () => {
    const top = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Quel prix ?' });
    const reply = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Et en argent ?', parentId: top.commentId });
    const [first, second] = bodies();
    const entry = first!.entry[0]!;
    expect(entry.id).toBe(demo.page.id);
    expect(entry.time).toBe(Date.UTC(2026, 0, 5, 9, 30, 15) / 1000);
    expect(entry.changes![0]).toEqual({
      field: 'feed',
      value: {
        from: { id: demo.camille.id, name: 'Camille Martin' },
        post: { status_type: 'added_photos', is_published: true, updated_time: '2026-01-05T09:30:15+0000', permalink_url: demo.post.permalinkUrl, promotion_status: 'inactive', id: demo.post.id },
        message: 'Quel prix ?', post_id: demo.post.id, comment_id: top.commentId, created_time: entry.time, item: 'comment', parent_id: demo.post.id, verb: 'add',
      },
    });
    expect(top.commentId).toMatch(new RegExp(`^${demo.post.id.split('_')[1]}_\\d+$`));
    expect(second!.entry[0]!.changes![0]!.value).toMatchObject({ comment_id: reply.commentId, parent_id: top.commentId });
  });

  it('sends edits, removals without a message, hides and reactions', async () => {
    const { commentId } = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'v1' });
    await meta.editComment({ commentId, message: 'v2' });
    await meta.hideComment({ commentId });
    await meta.removeComment({ commentId });
    await meta.reaction({ postId: demo.post.id, from: demo.camille.id, reactionType: 'love' });
    const values = bodies().map((b) => b.entry[0]!.changes![0]!.value as Record<string, unknown>);
    expect(values.map((v) => [v.item, v.verb])).toEqual([['comment', 'add'], ['comment', 'edited'], ['comment', 'hide'], ['comment', 'remove'], ['reaction', 'add']]);
    expect(values[1]!.message).toBe('v2');
    expect(values[3]).not.toHaveProperty('message');
    expect(values[3]!.from).toEqual({ id: demo.camille.id });
    expect(values[4]).toMatchObject({ reaction_type: 'love', post_id: demo.post.id, parent_id: demo.post.id });
  });

  it('sends a Messenger message in messaging[], in milliseconds', async () => {
    const result = await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Bonjour', attachments: [{ type: 'image', url: 'https://cdn.fr/p.jpg' }] });
    const entry = bodies()[0]!.entry[0]!;
    expect(entry.time).toBe(clock.now());
    expect(entry.messaging).toEqual([{
      sender: { id: demo.camille.id }, recipient: { id: demo.page.id }, timestamp: clock.now(),
      message: { mid: result.mid, text: 'Bonjour', attachments: [{ type: 'image', payload: { url: 'https://cdn.fr/p.jpg' } }] },
    }]);
    expect(result.mid).toMatch(/^m_/);
  });

  it('sends Instagram comments (value.id, not comment_id) and DMs under object instagram', async () => {
    const comment = await meta.instagramComment({ mediaId: demo.media.id, from: demo.lea.id, text: 'Dispo en doré ?' });
    const dm = await meta.instagramDm({ pageId: demo.page.id, igsid: demo.lea.id, text: 'Coucou' });
    const [first, second] = bodies();
    expect(first).toEqual({
      object: 'instagram',
      entry: [{ id: demo.page.instagramId, time: Math.floor(meta.now() / 1000), changes: [{ field: 'comments', value: {
        from: { id: demo.lea.id, username: 'lea.dbs' }, media: { id: demo.media.id, media_product_type: 'FEED' }, id: comment.commentId, text: 'Dispo en doré ?',
      } }] }],
    });
    expect(second!.object).toBe('instagram');
    expect(second!.entry[0]!.messaging![0]).toMatchObject({ sender: { id: demo.lea.id }, recipient: { id: demo.page.instagramId }, message: { mid: dm.mid, text: 'Coucou' } });
  });
});

describe('delivery behaviour', () => {
  it('batches several events into one POST per object', async () => {
    const { payloads, deliveries } = await meta.batch([
      meta.events.comment({ postId: demo.post.id, from: demo.camille.id, message: 'un' }),
      meta.events.comment({ postId: demo.post.id, from: demo.camille.id, message: 'deux' }),
      meta.events.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'trois' }),
      meta.events.instagramDm({ pageId: demo.page.id, igsid: demo.lea.id, text: 'quatre' }),
    ]);
    expect(relais.received).toHaveLength(2);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    const [page, instagram] = bodies();
    expect(payloads).toEqual([page, instagram]);
    expect(page!.entry.map((e) => [e.changes?.length, e.messaging?.length])).toEqual([[2, undefined], [undefined, 1]]);
    expect(instagram!.entry).toHaveLength(1);
  });

  it('sends events separately and in reverse when asked, so an edit can overtake its comment', async () => {
    const add = meta.events.comment({ postId: demo.post.id, from: demo.camille.id, message: 'v1' });
    const edit = meta.events.editComment({ commentId: add.ids.commentId, message: 'v2' });
    await meta.batch([add, edit], { separate: true, reorder: true });
    expect(bodies().map((b) => (b.entry[0]!.changes![0]!.value as { verb: string }).verb)).toEqual(['edited', 'add']);
  });

  it('sends the same bytes and signature n times with duplicate', async () => {
    const result = await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Doublon' }, { duplicate: 3 });
    expect(result.deliveries).toHaveLength(3);
    expect(relais.received).toHaveLength(3);
    expect(new Set(relais.received.map((r) => r.raw.toString()))).toHaveLength(1);
    expect(new Set(relais.received.map((r) => r.headers['x-hub-signature-256']))).toHaveLength(1);
  });

  it('retries on a 500 and stops at the first 2xx', async () => {
    let answered = 0;
    relais.respond(() => (++answered <= 2 ? { status: 500 } : { status: 200 }));
    const result = await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Retry' });
    expect(result.deliveries[0]!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(result.deliveries[0]!.state).toBe('delivered');
    expect(new Set(relais.received.map((r) => r.raw.toString()))).toHaveLength(1);
  });

  it('drops a delivery after the last retry, for error answers and network errors alike', async () => {
    relais.respond(() => ({ status: 503 }));
    const refused = await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'x' });
    expect(refused.deliveries[0]).toMatchObject({ state: 'dropped', status: 503 });
    expect(refused.deliveries[0]!.attempts).toHaveLength(4);
    const closed = await startFakeRelais();
    await closed.close(); // a port nobody listens on any more
    const unreachable = await meta.deliver({ object: 'page', entry: [] }, { url: `${closed.url}/hooks/meta`, retrySchedule: [0] });
    expect(unreachable.deliveries[0]!.state).toBe('dropped');
    expect(unreachable.deliveries[0]!.attempts.map((a) => a.error !== undefined)).toEqual([true, true]);
  });

  it('gives up on a POST that takes longer than the time limit', async () => {
    const slow = await startSandbox({ relaisUrl: relais.url, meta: { appSecret, retrySchedule: [], webhookTimeoutMs: 100 } });
    relais.respond(async () => { await new Promise((r) => setTimeout(r, 400)); return { status: 200 }; });
    const result = await slow.meta.deliver({ object: 'page', entry: [] });
    expect(result.deliveries[0]!.attempts[0]!.error).toMatch(/No answer within 100 ms/);
    await slow.close();
  });
});

describe('verification handshake', () => {
  it('reports whether Relais echoed the challenge', async () => {
    const ok = await meta.verifyCallback();
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(ok.body).toBe(ok.challenge);
    expect(new URL(ok.url).searchParams.get('hub.mode')).toBe('subscribe');
    const wrong = await meta.verifyCallback(relais.url, { verifyToken: 'not-it' });
    expect(wrong).toMatchObject({ ok: false, status: 403 });
  });
});
