import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMetaDelivery } from './inbound.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const messaging = (event: object, key: 'messaging' | 'standby' = 'messaging') =>
  JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1732614000456, [key]: [event] }] });

const PAGE = '108345672910458';
const PSID = '6543219876543210';
const customer = { externalId: PSID };
const fromCustomer = { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1732614000123 };
const base = { type: 'message', surface: 'messenger', accountId: PAGE };

describe('Messenger messages', () => {
  it('maps a text message: mid, customer = sender, timestamp already in ms', () => {
    expect(parseMetaDelivery(fixture('messenger-text'))).toEqual([{
      ...base, occurredAt: 1732614000123, externalId: 'm_AZCj2rUq0gVhMnQ5oXQy3bS1tk7pD0vLsfw9EaJ4nKcR8xYz',
      customer, direction: 'in', text: 'Bonjour, ma commande n°1042 n\'est toujours pas arrivée 😕', attachments: [],
    }]);
  });

  it('maps an image with its url and an empty text', () => {
    expect(parseMetaDelivery(fixture('messenger-image'))).toEqual([{
      ...base, occurredAt: 1732614060702, externalId: 'm_Hq4Tn8VvYpLr2cKx0sWd6fGz1aBe9uJoMi3lNk5hS7tRyCw', customer, direction: 'in', text: '',
      attachments: [{ type: 'image', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/468123456_1029384756_n.jpg?_nc_cat=101&ccb=1-7&oh=00_AYB&oe=6770A1B2' }],
    }]);
  });

  it('maps an echo of our own send: out, customer = recipient, app id as a string, metadata back', () => {
    expect(parseMetaDelivery(fixture('messenger-echo-app'))).toEqual([{
      ...base, occurredAt: 1732614184811, externalId: 'm_Pw3xLq7Ev1KdNs9Rb5Yt0Hj2Ua8Gc6Zf4Mo1Ti3Wk7Bn5Vy', customer, direction: 'out',
      sentByApp: '1517776481860111', metadata: 'relais:01jdx3k8m2q4r6t8v0w2y4z6a8',
      text: 'Bonjour, votre colis est parti hier de notre atelier : vous le recevrez jeudi. Désolés pour l\'attente !', attachments: [],
    }]);
  });

  it('maps an echo typed in the Page inbox: no app, no metadata', () => {
    expect(parseMetaDelivery(fixture('messenger-echo-inbox'))).toEqual([{
      ...base, occurredAt: 1732614302210, externalId: 'm_Lk9Zr2Xc5Vb8Nm1Qw4Er7Ty0Ui3Op6As9Df2Gh5Jk8Lz1Mx', customer, direction: 'out',
      sentByApp: null, metadata: null, text: 'Je regarde ça tout de suite.', attachments: [],
    }]);
  });

  it('keeps an app id too long for a JSON number exact', () => {
    const body = messaging({ sender: { id: PAGE }, recipient: { id: PSID }, timestamp: 1, message: { mid: 'm_1', is_echo: true, app_id: 0 } })
      .replace('"app_id":0', '"app_id":9007199254740993');
    expect(parseMetaDelivery(body)).toMatchObject([{ sentByApp: '9007199254740993' }]);
  });

  it('maps replies, stickers, link shares with a null payload and unknown attachment kinds', () => {
    const message = { mid: 'm_2', text: 'Celle-ci ?', reply_to: { mid: 'm_1' }, attachments: [
      { type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/s.png', sticker_id: 369239263222822 } },
      { type: 'fallback', title: 'Robe Émilie', url: 'https://atelier-garance.fr/robe-emilie', payload: null },
      { type: 'template', payload: { template_type: 'generic' } },
    ] };
    expect(parseMetaDelivery(messaging({ ...fromCustomer, message }))).toMatchObject([{
      replyToExternalId: 'm_1',
      attachments: [
        { type: 'sticker', url: 'https://scontent.xx.fbcdn.net/s.png' },
        { type: 'share', url: 'https://atelier-garance.fr/robe-emilie', name: 'Robe Émilie' },
        { type: 'other' },
      ],
    }]);
  });

  it('maps a postback as a message with its title, keyed by mid or by sender and time', () => {
    const tap = { ...fromCustomer, postback: { title: 'Suivre ma commande', payload: 'TRACK_ORDER', mid: 'm_pb1' } };
    expect(parseMetaDelivery(messaging(tap))).toEqual([{ ...base, occurredAt: 1732614000123, externalId: 'm_pb1', customer, direction: 'in', text: 'Suivre ma commande', attachments: [] }]);
    const old = { ...fromCustomer, postback: { title: 'Suivre ma commande', payload: 'TRACK_ORDER' } };
    expect(parseMetaDelivery(messaging(old))).toMatchObject([{ externalId: `postback:${PSID}:1732614000123` }]);
  });

  it('records standby events (another app owns the thread) like messaging ones', () => {
    expect(parseMetaDelivery(messaging({ ...fromCustomer, message: { mid: 'm_3', text: 'Allô ?' } }, 'standby'))).toMatchObject([{ externalId: 'm_3', direction: 'in' }]);
  });
});

describe('Messenger signals and reactions', () => {
  it('maps a delivery with no timestamp: dated by its watermark', () => {
    expect(parseMetaDelivery(fixture('messenger-delivery'))).toEqual([{
      type: 'signal', surface: 'messenger', accountId: PAGE, signal: 'delivered', customer, watermark: 1732614184811, occurredAt: 1732614184811,
    }]);
  });

  it('maps a read with its watermark', () => {
    expect(parseMetaDelivery(fixture('messenger-read'))).toEqual([{
      type: 'signal', surface: 'messenger', accountId: PAGE, signal: 'read', customer, watermark: 1732614184811, occurredAt: 1732614250102,
    }]);
  });

  it('maps a reaction on a message and its removal', () => {
    const react = { ...fromCustomer, reaction: { mid: 'm_1', action: 'react', reaction: 'love', emoji: '❤' } };
    expect(parseMetaDelivery(messaging(react))).toEqual([{
      type: 'reaction', surface: 'messenger', accountId: PAGE, occurredAt: 1732614000123, targetExternalId: 'm_1', reaction: 'love', action: 'add', author: customer,
    }]);
    expect(parseMetaDelivery(messaging({ ...fromCustomer, reaction: { mid: 'm_1', action: 'unreact' } }))).toMatchObject([{ action: 'remove', reaction: 'unknown' }]);
  });

  it('skips opt-ins, referrals, handover, user_ref senders and events without a mid', () => {
    const events = [
      { ...fromCustomer, optin: { ref: 'newsletter' } },
      { ...fromCustomer, referral: { ref: 'promo-noel', source: 'SHORTLINK', type: 'OPEN_THREAD' } },
      { ...fromCustomer, pass_thread_control: { new_owner_app_id: '263902037430900', metadata: '' } },
      { sender: { user_ref: 'ref-123' }, recipient: { id: PAGE }, timestamp: 1, message: { mid: 'm_4', text: 'x' } },
      { ...fromCustomer, message: { text: 'sans mid' } },
    ];
    for (const event of events) expect(parseMetaDelivery(messaging(event)), JSON.stringify(event)).toEqual([]);
  });
});
