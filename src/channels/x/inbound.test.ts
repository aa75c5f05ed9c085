import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXJson } from './exact-json.ts';
import { parseXDelivery, xAccountIds, xDedupeKey } from './inbound.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const shop = '1480000000000000001';

describe('parseXDelivery: posts', () => {
  it('reads a mention as a public comment that starts its own thread, with the exact id', () => {
    const body = fixture('mention');
    expect(body).toContain('"id":1851234567890123456,');
    expect(xAccountIds(body)).toEqual([shop]);
    expect(parseXDelivery(body)).toEqual([{
      type: 'comment', surface: 'x', accountId: shop, occurredAt: 1730365923000, action: 'add',
      externalId: '1851234567890123456', threadExternalId: '1851234567890123456', parentExternalId: null,
      post: { externalId: '1851234567890123456' },
      author: { externalId: '2244994945', name: 'Camille Martin', handle: 'camille_m' },
      byAccount: false, text: '@maisonlune ma commande #4521 n’est toujours pas arrivée 😕',
    }]);
  });

  it('attaches a reply to its parent', () => {
    const [item] = parseXDelivery(fixture('reply'));
    expect(item).toMatchObject({ externalId: '1851236741234567891', parentExternalId: '1851235000000000017', threadExternalId: '1851235000000000017', post: { externalId: '1851235000000000017' }, byAccount: false });
  });

  it('marks the account’s own post and reads a longform post’s full text', () => {
    const [item] = parseXDelivery(fixture('own-longform'));
    expect(item).toMatchObject({ byAccount: true, author: { externalId: shop, handle: 'maisonlune' }, parentExternalId: '1851234567890123456' });
    expect(item?.type === 'comment' && item.text).toMatch(/tout de suite\.$/);
  });

  it('reads a favorite, a deletion and a typing indication; skips the account’s read and follows', () => {
    const items = parseXDelivery(fixture('favorite-delete-typing'));
    expect(items).toEqual([
      { type: 'comment', surface: 'x', accountId: shop, occurredAt: 1730367100000, action: 'remove', externalId: '1851234567890123456', threadExternalId: '1851234567890123456', parentExternalId: null, post: { externalId: '1851234567890123456' }, author: { externalId: '2244994945' }, byAccount: false },
      { type: 'reaction', surface: 'x', accountId: shop, occurredAt: 1730367000000, targetExternalId: '1851235000000000017', reaction: 'like', action: 'add', author: { externalId: '2244994945', name: 'Camille Martin', handle: 'camille_m' } },
      { type: 'signal', surface: 'x', accountId: shop, occurredAt: 1730367200000, signal: 'typing', customer: { externalId: '2244994945' } },
    ]);
  });

  it('skips retweets, which carry no words of their own', () => {
    const body = JSON.stringify({ for_user_id: shop, tweet_create_events: [{ id_str: '1851239999999999999', text: 'RT @maisonlune: …', user: { id_str: '2244994945' }, retweeted_status: { id_str: '1' }, timestamp_ms: '1730367000000' }] });
    expect(parseXDelivery(body)).toEqual([]);
  });
});

describe('parseXDelivery: direct messages', () => {
  it('reads a customer’s DM with names from the users map', () => {
    expect(parseXDelivery(fixture('dm-in'))).toEqual([{
      type: 'message', surface: 'x', accountId: shop, occurredAt: 1730366500000, externalId: '1851237000000000042',
      customer: { externalId: '2244994945', name: 'Camille Martin', handle: 'camille_m' }, direction: 'in',
      text: 'Voici mon numéro de commande : 4521', attachments: [],
    }]);
  });

  it('reads the account’s own DM as outgoing, to the recipient, with the sending app', () => {
    const [item] = parseXDelivery(fixture('dm-out'));
    expect(item).toMatchObject({ direction: 'out', sentByApp: '26748321', customer: { externalId: '2244994945', handle: 'camille_m' }, attachments: [{ type: 'image' }] });
  });
});

describe('envelope', () => {
  it('throws on what is not an Account Activity delivery, so it is parked', () => {
    for (const body of ['not json', '[]', '{"tweet_create_events":[]}', '{"for_user_id":""}', '{"for_user_id":"@maisonlune"}']) {
      expect(() => parseXDelivery(body), body).toThrow();
      expect(() => xAccountIds(body), body).toThrow();
    }
  });

  it('keeps integers past 2^53 exact, and leaves digits inside strings alone', () => {
    const parsed = parseXJson('{"id":1851234567890123456,"n":-18512345678901234567,"t":"1851234567890123456 \\" 1851234567890123456","small":42,"f":1.5e3}') as Record<string, unknown>;
    expect(parsed).toEqual({ id: '1851234567890123456', n: '-18512345678901234567', t: '1851234567890123456 " 1851234567890123456', small: 42, f: 1500 });
  });

  it('names a delivery by the hash of its bytes', () => {
    const body = Buffer.from(fixture('mention'));
    expect(xDedupeKey(body)).toBe(xDedupeKey(Buffer.from(body)));
    expect(xDedupeKey(body)).not.toBe(xDedupeKey(Buffer.concat([body, Buffer.from(' ')])));
  });
});
