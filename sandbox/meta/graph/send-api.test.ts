import { describe, expect, it } from 'vitest';
import { callGraph, type FakeRelais } from '../../testing.ts';
import type { MetaWebhookBody } from '../event.ts';
import type { MetaSandbox } from '../meta-sandbox.ts';
import type { MetaDemo } from '../seed-demo.ts';
import { useMetaSandbox } from '../testing.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

let relais: FakeRelais;
let meta: MetaSandbox;
let demo: MetaDemo;

useMetaSandbox({ meta: { appSecret: 'send-api-secret', appId: '555000111222333' } }, (world) => ({ relais, meta, demo } = world));

const send = (params: Record<string, unknown>, path = `/${demo.page.id}/messages`) => callGraph(meta.graphUrl, 'POST', path, params, demo.page.accessToken);
const reply = (text: string, extra: Record<string, unknown> = {}) => send({ recipient: { id: demo.camille.id }, messaging_type: 'RESPONSE', message: { text }, ...extra });
const camilleWrites = () => meta.messengerMessage({ pageId: demo.page.id, psid: demo.camille.id, text: 'Où en est ma commande n°1042 ?' });

describe('the messaging window', () => {
  it('lets the Page answer within 24 h of the user\'s last message, then refuses with code 10 / 2018278', async () => {
    await camilleWrites();
    const ok = await reply('Bonjour Camille, elle part demain.');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ recipient_id: demo.camille.id, message_id: expect.stringMatching(/^m_/) });
    meta.advanceTime(day + minute);
    const late = await reply('Encore là ?');
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ type: 'OAuthException', code: 10, error_subcode: 2018278, fbtrace_id: expect.any(String) });
    expect(meta.sent.map((s) => s.text)).toEqual(['Bonjour Camille, elle part demain.']);
  });

  it('lets a HUMAN_AGENT message through for 7 days, and no other tag', async () => {
    await camilleWrites();
    meta.advanceTime(3 * day);
    const tagged = { recipient: { id: demo.camille.id }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Un agent vous répond.' } };
    expect((await send(tagged)).status).toBe(200);
    expect((await reply('Sans tag')).body.error.error_subcode).toBe(2018278);
    expect((await send({ ...tagged, tag: 'ACCOUNT_UPDATE' })).body.error.code).toBe(100);
    expect((await send({ ...tagged, tag: undefined })).body.error.code).toBe(100);
    meta.advanceTime(4 * day + minute);
    expect((await send(tagged)).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    expect(meta.sent).toMatchObject([{ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', recipientId: demo.camille.id }]);
  });

  it('wants a messaging_type, counts 2,000 characters (not bytes) and knows no stranger', async () => {
    await camilleWrites();
    expect((await send({ recipient: { id: demo.camille.id }, message: { text: 'x' } })).body.error.code).toBe(100);
    expect((await reply('é'.repeat(2001))).body.error.code).toBe(100);
    expect((await reply('é'.repeat(2000))).status).toBe(200);
    const stranger = await send({ recipient: { id: '6199999999999999' }, messaging_type: 'RESPONSE', message: { text: 'x' } });
    expect(stranger.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
  });

  it('reads a form-encoded body with JSON-string objects and the token inside, as Graph does', async () => {
    await camilleWrites();
    const form = new URLSearchParams({
      recipient: JSON.stringify({ id: demo.camille.id }), messaging_type: 'UPDATE',
      message: JSON.stringify({ text: 'Colis expédié 📦' }), access_token: demo.page.accessToken,
    });
    const res = await fetch(`${meta.graphUrl}/${demo.page.id}/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(meta.sent[0]).toMatchObject({ messagingType: 'UPDATE', text: 'Colis expédié 📦' });
  });
});

describe('private replies', () => {
  it('allows one per comment, within 7 days, and does not open the conversation', async () => {
    const { commentId } = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Prix ?' });
    const privately = { recipient: { comment_id: commentId }, message: { text: 'Je vous écris en privé.' } };
    const first = await send(privately);
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(demo.camille.id);
    expect((await send(privately)).body.error).toMatchObject({ code: 10900, message: '(#10900) Activity already replied to' });
    expect((await reply('Et sinon ?')).body.error.error_subcode).toBe(2018278);
    expect(meta.sent).toMatchObject([{ commentId, recipient: { comment_id: commentId }, recipientId: demo.camille.id }]);

    const old = await meta.comment({ postId: demo.post.id, from: demo.camille.id, message: 'Vieux' });
    meta.advanceTime(7 * day + minute);
    expect((await send({ recipient: { comment_id: old.commentId }, message: { text: 'Trop tard' } })).body.error.code).toBe(10903);
  });
});

describe('echoes', () => {
  const echoes = () => meta.deliveries.filter((d) => d.label === 'echo').map((d) => d.payload as MetaWebhookBody);

  it('delivers a message_echoes event after a send, with the app id and the metadata', async () => {
    await camilleWrites();
    const { body } = await reply('Merci !', { message: { text: 'Merci !', metadata: 'outbound:01JD' } });
    await meta.idle();
    expect(echoes()).toHaveLength(1);
    expect(echoes()[0]!.entry[0]!.messaging![0]).toMatchObject({
      sender: { id: demo.page.id }, recipient: { id: demo.camille.id },
      message: { mid: body.message_id, is_echo: true, app_id: 555000111222333, metadata: 'outbound:01JD', text: 'Merci !' },
    });
    expect(relais.received.at(-1)!.raw.toString()).toContain('"is_echo":true');
  });

  it('sends no echo when echoes are off, and an app-less echo for a reply from the Page inbox', async () => {
    await camilleWrites();
    meta.setEchoes(false);
    await reply('Silencieux');
    await meta.pageInboxReply({ pageId: demo.page.id, psid: demo.camille.id, text: 'Écrit à la main' });
    await meta.idle();
    expect(echoes()).toHaveLength(0);
    const inbox = meta.deliveries.find((d) => d.label === 'pageInboxReply')!.payload as MetaWebhookBody;
    const message = inbox.entry[0]!.messaging![0]!.message as Record<string, unknown>;
    expect(message).toMatchObject({ is_echo: true, text: 'Écrit à la main' });
    expect(message).not.toHaveProperty('app_id');
  });

  it('handles Instagram DMs through the Page: IGSID recipient, 1,000-byte limit, echo on object instagram', async () => {
    await meta.instagramDm({ pageId: demo.page.id, igsid: demo.lea.id, text: 'Hello' });
    const dm = (text: string) => send({ recipient: { id: demo.lea.id }, messaging_type: 'RESPONSE', message: { text } });
    expect((await dm('é'.repeat(501))).body.error.code).toBe(100);
    const ok = await dm('Bonjour Léa');
    expect(ok.status).toBe(200);
    await meta.idle();
    expect(echoes()[0]).toMatchObject({ object: 'instagram', entry: [{ id: demo.page.instagramId, messaging: [{ message: { mid: ok.body.message_id, is_echo: true } }] }] });
    expect(meta.sent[0]!.platform).toBe('instagram');
  });
});
