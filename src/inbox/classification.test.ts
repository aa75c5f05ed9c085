import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { ordinaryCorrections, slangCorrections } from '../insight/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const T0 = Date.UTC(2026, 10, 23, 8, 30);
let mid = 0;

describe('classification of inbound messages', () => {
  let h: MetaHarness;
  beforeEach(async () => { h = await startMetaHarness('sqlite'); });
  afterEach(async () => { await h.dispose(); });

  const say = async (psid: string, text: string) => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${++mid}`, text, at: T0 + mid * 1000 })));
    await h.settle();
    const [conversation] = (await h.owner.get(`/api/v1/conversations?q=${encodeURIComponent(text.split(' ')[0]!)}`)).body.conversations;
    const thread = (await h.owner.get(`/api/v1/conversations/${conversation.id}`)).body;
    return { conversation: thread.conversation, message: thread.messages.at(-1) };
  };

  it('labels each customer message with language, sentiment and intents, and the conversation with the latest and the worst', async () => {
    const angry = await say('1001', 'Toujours pas reçu mon colis, c’est inadmissible 😡');
    expect(angry.message).toMatchObject({ language: 'fr', sentiment: 'negative', classifiedBy: 'model' });
    expect(angry.message.intents).toEqual(expect.arrayContaining(['complaint', 'order_issue/delivery']));
    const calmer = await say('1001', 'Merci beaucoup, je viens de le recevoir 😍');
    expect(calmer.conversation).toMatchObject({ sentiment: 'positive', worstSentiment: 'negative' });
    await say('1002', 'Do you ship to Belgium?');
    const negative = (await h.owner.get('/api/v1/conversations?sentiment=negative')).body.conversations;
    expect(negative).toEqual([]);
    const positive = (await h.owner.get('/api/v1/conversations?sentiment=positive')).body.conversations;
    expect(positive.map((c: any) => c.id)).toEqual([calmer.conversation.id]);
  });

  it("learns the shop's own slang from the team's corrections after retraining", async () => {
    const unseen = "ce bracelet c'est de la bombe";
    expect((await say('2000', unseen)).message.sentiment).not.toBe('positive');

    let psid = 3000;
    for (const { text, sentiment } of [...slangCorrections, ...ordinaryCorrections]) {
      const { message } = await say(String(++psid), text);
      expect((await h.owner.post(`/api/v1/messages/${message.id}/classification`, { sentiment })).status).toBe(204);
    }
    expect((await h.owner.get('/api/v1/insight/model')).body).toEqual({ model: null, corrections: 32 });
    h.relais.clock.advance(6_000);
    await waitFor(async () => (await h.owner.get('/api/v1/insight/model')).body.model !== null, 10_000, 'the retraining');
    const info = (await h.owner.get('/api/v1/insight/model')).body.model;
    expect(info).toMatchObject({ version: 1, examples: 32 });

    expect((await say('2001', unseen)).message.sentiment).toBe('positive');
    expect((await say('2002', 'Toujours pas reçu ma commande, inadmissible')).message.sentiment).toBe('negative');
  }, 60_000);

  it('refuses a correction of something that is not a customer message', async () => {
    const { message } = await say('4001', 'Bonjour');
    expect((await h.owner.post(`/api/v1/messages/${message.id}/classification`, {})).status).toBe(400);
    expect((await h.owner.post(`/api/v1/messages/${message.id}/classification`, { intents: ['emperor'] })).status).toBe(400);
    expect((await h.owner.post('/api/v1/messages/nope/classification', { sentiment: 'positive' })).status).toBe(404);
  });
});
