import { describe, expect, it } from 'vitest';
import { callGraph } from '../../testing.ts';
import type { MetaWebhookBody } from '../event.ts';
import type { MetaSandbox } from '../meta-sandbox.ts';
import type { MetaDemo } from '../seed-demo.ts';
import { useMetaSandbox } from '../testing.ts';

let meta: MetaSandbox;
let demo: MetaDemo;

useMetaSandbox(
  // 50 calls an hour make 100 %, so each call adds 2 % to the usage headers.
  { meta: { appSecret: 'graph-secret', callQuota: 50 } },
  (world) => ({ meta, demo } = world),
);

/** `token: null` sends none. */
const graph = (method: string, path: string, params: Record<string, unknown> = {}, token: string | null = demo.page.accessToken) =>
  callGraph(meta.graphUrl, method, path, params, token ?? undefined);
const usageOf = (headers: Headers) => ({
  app: JSON.parse(headers.get('x-app-usage') ?? 'null'),
  buc: JSON.parse(headers.get('x-business-use-case-usage') ?? 'null'),
});

describe('authentication and usage', () => {
  it('refuses a missing, unknown or revoked token the way Graph does', async () => {
    expect((await graph('GET', '/me', {}, null)).body.error.code).toBe(104);
    const unknown = await graph('GET', '/me', {}, 'EAAnot-a-token');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 460, fbtrace_id: expect.any(String) });
    const viaQuery = await fetch(`${meta.graphUrl}/me?fields=id,name&access_token=${demo.page.accessToken}`);
    expect(await viaQuery.json()).toEqual({ id: demo.page.id, name: demo.page.name });
    meta.revokeToken(demo.page.accessToken);
    expect((await graph('GET', '/me')).body.error).toMatchObject({ code: 190, error_subcode: 460 });
  });

  it('answers every call, errors included, with usage headers that rise with traffic', async () => {
    const first = await graph('GET', '/me');
    const second = await graph('GET', `/${demo.camille.id}`, { fields: 'name' });
    const failed = await graph('GET', '/me', {}, 'EAAnot-a-token');
    expect(usageOf(first.headers).app).toEqual({ call_count: 2, total_cputime: 1, total_time: 2 });
    expect(usageOf(first.headers).buc).toEqual({ [demo.page.id]: [{ type: 'pages', call_count: 2, total_cputime: 1, total_time: 2, estimated_time_to_regain_access: 0 }] });
    expect(usageOf(second.headers).buc[demo.page.id][0].call_count).toBe(4);
    expect(usageOf(failed.headers)).toEqual({ app: expect.objectContaining({ call_count: 6 }), buc: null });
    meta.advanceTime(61 * 60_000);
    expect(usageOf((await graph('GET', '/me')).headers).app.call_count).toBe(2);
  });
});

describe('fault injection', () => {
  const sendText = (text: string) => graph('POST', `/${demo.page.id}/messages`, { recipient: { id: demo.camille.id }, messaging_type: 'RESPONSE', message: { text } });

  it('fails the next matching calls, then serves normally', async () => {
    await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Allô' });
    meta.failNext({ path: '/messages', times: 2 });
    const failure = await sendText('1');
    expect(failure.status).toBe(500);
    expect(failure.body.error).toMatchObject({ code: 2, is_transient: true });
    expect((await sendText('2')).status).toBe(500);
    expect((await sendText('3')).status).toBe(200);
    meta.failNext({ method: 'GET', path: /^\/me$/, error: { code: 368, message: '(#368) Temporarily blocked for policy violations' } });
    expect((await sendText('4')).status).toBe(200);
    expect((await graph('GET', '/me')).body.error).toMatchObject({ code: 368, type: 'OAuthException' });
    expect(meta.sent.map((s) => s.text)).toEqual(['3', '4']);
  });

  it('can delay an answer, or do the work and never answer', async () => {
    await meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Allô' });
    meta.failNext({ path: '/me', delayMs: 150 });
    const started = Date.now();
    expect((await graph('GET', '/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    meta.failNext({ path: '/messages', actThenHang: true });
    const hung = fetch(`${meta.graphUrl}/${demo.page.id}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.page.accessToken}` },
      body: JSON.stringify({ recipient: { id: demo.camille.id }, messaging_type: 'RESPONSE', message: { text: 'Parti ?' } }),
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    expect(meta.calls.at(-1)).toMatchObject({ method: 'POST', path: `/${demo.page.id}/messages` });
    expect(meta.calls.at(-1)!.status).toBeUndefined();
    // Relais reconciles: the message did go out.
    const conversations = await graph('GET', `/${demo.page.id}/conversations`, { platform: 'messenger', user_id: demo.camille.id, fields: 'messages{id,message,created_time,from}' });
    expect(conversations.body.data[0].messages.data[0]).toMatchObject({ id: meta.sent[0]!.messageId, message: 'Parti ?', from: { id: demo.page.id } });
  });

  it('throttles until told otherwise, saying in the BUC header when access returns', async () => {
    meta.throttle({ code: 80006, estimatedTimeToRegainAccessMinutes: 12 });
    const throttled = await graph('GET', '/me');
    expect(throttled.status).toBe(400);
    expect(throttled.body.error).toMatchObject({ code: 80006, type: 'OAuthException', is_transient: true });
    expect(usageOf(throttled.headers).buc[demo.page.id][0]).toMatchObject({ type: 'messenger', call_count: 100, estimated_time_to_regain_access: 12 });
    meta.throttle({ code: 4 });
    const app = await graph('GET', '/me');
    expect(app.body.error.code).toBe(4);
    expect(usageOf(app.headers).app.call_count).toBe(100);
    meta.unthrottle();
    const back = await graph('GET', '/me');
    expect(back.status).toBe(200);
    expect(usageOf(back.headers).buc[demo.page.id][0].estimated_time_to_regain_access).toBe(0);
  });
});

describe('comments', () => {
  it('replies publicly; Meta then sends the Page\'s own comment to the webhook', async () => {
    const { commentId } = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Livrez-vous en Belgique ?' });
    const answer = await graph('POST', `/${commentId}/comments`, { message: 'Oui, en 3 jours !' });
    expect(answer.body).toEqual({ id: expect.stringMatching(/^\d+_\d+$/) });
    expect(meta.replies).toMatchObject([{ id: answer.body.id, parentId: commentId, message: 'Oui, en 3 jours !', platform: 'facebook' }]);
    await meta.idle();
    const echo = meta.deliveries.find((d) => d.label === 'echo')!.payload as MetaWebhookBody;
    expect(echo.entry[0]!.changes![0]!.value).toMatchObject({ item: 'comment', verb: 'add', comment_id: answer.body.id, parent_id: commentId, from: { id: demo.page.id, name: demo.page.name } });
    const listed = await graph('GET', `/${commentId}/comments`, { fields: 'id,message,from,created_time' });
    expect(listed.body.data).toEqual([{ id: answer.body.id, message: 'Oui, en 3 jours !', from: { name: demo.page.name, id: demo.page.id }, created_time: expect.any(String) }]);
  });

  it('hides, likes and deletes a Facebook comment; a deleted comment no longer exists', async () => {
    const { commentId } = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Arnaque !!!' });
    expect((await graph('POST', `/${commentId}`, { is_hidden: 'true' })).body).toEqual({ success: true });
    expect((await graph('GET', `/${commentId}`, { fields: 'is_hidden,message' })).body).toEqual({ is_hidden: true, message: 'Arnaque !!!', id: commentId });
    expect((await graph('POST', `/${commentId}/likes`)).body).toEqual({ success: true });
    expect((await graph('DELETE', `/${commentId}`)).body).toEqual({ success: true });
    expect((await graph('GET', `/${commentId}`)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(meta.hidden).toMatchObject([{ commentId, hidden: true }]);
    expect(meta.likes).toMatchObject([{ objectId: commentId, liked: true }]);
    expect(meta.deleted).toMatchObject([{ commentId, platform: 'facebook' }]);
  });

  it('uses Instagram\'s names: /replies to answer, hide to hide', async () => {
    const { commentId } = await meta.instagramComment({ mediaId: demo.media.id, from: demo.lea.id, text: 'Trop beau' });
    const reply = await graph('POST', `/${commentId}/replies`, { message: 'Merci Léa !' });
    expect(reply.body.id).toMatch(/^\d{17}$/);
    expect((await graph('POST', `/${commentId}`, { is_hidden: true })).body.error.code).toBe(100);
    expect((await graph('POST', `/${commentId}`, { hide: true })).body).toEqual({ success: true });
    expect((await graph('GET', `/${commentId}/replies`, { fields: 'id,text,username' })).body.data).toEqual([{ id: reply.body.id, text: 'Merci Léa !', username: 'maisonlune.bijoux' }]);
    // Instagram comments have `text`, not `message`, and their thread is `/replies`.
    expect((await graph('GET', `/${commentId}/replies`, { fields: 'id,message' })).body.error.code).toBe(100);
    expect((await graph('GET', `/${commentId}/comments`)).body.error.code).toBe(2500);
  });
});

describe('reads', () => {
  it('returns profiles, posts, the Page and its subscription with the fields asked', async () => {
    expect((await graph('GET', `/${demo.camille.id}`, { fields: 'name,profile_pic' })).body).toEqual({ name: 'Camille Martin', profile_pic: expect.stringContaining('https://'), id: demo.camille.id });
    expect((await graph('GET', `/${demo.lea.id}`, { fields: 'username,name' })).body).toEqual({ username: 'lea.dbs', name: 'Léa Dubois', id: demo.lea.id });
    expect((await graph('GET', `/${demo.post.id}`, { fields: 'message,permalink_url,created_time' })).body).toEqual({
      message: demo.post.message, permalink_url: demo.post.permalinkUrl, created_time: expect.stringMatching(/\+0000$/), id: demo.post.id,
    });
    expect((await graph('GET', `/${demo.camille.id}`, { fields: 'name,shoe_size' })).body.error.message).toContain('(shoe_size)');
    expect((await graph('POST', `/${demo.page.id}/subscribed_apps`, { subscribed_fields: 'feed,messages,message_echoes' })).body).toEqual({ success: true });
    expect((await graph('GET', `/${demo.page.id}/subscribed_apps`)).body.data[0]).toMatchObject({ id: meta.appId, subscribed_fields: ['feed', 'messages', 'message_echoes'] });
    expect((await graph('GET', '/me/nope/extra')).body.error.code).toBe(2500);
  });

  it('serialises answers like Graph: escaped non-ASCII and slashes', async () => {
    const res = await fetch(`${meta.graphUrl}/${demo.lea.id}?fields=name&access_token=${demo.page.accessToken}`);
    expect(await res.text()).toBe(`{"name":"L\\u00e9a Dubois","id":"${demo.lea.id}"}`);
  });
});
