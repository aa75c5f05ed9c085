import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaAccountIds, metaDedupeKey, parseMetaDelivery } from './inbound.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');

const PAGE = '108345672910458';
const OUTLET = '100512345678901';

describe('parseMetaDelivery: envelope and batches', () => {
  it('keeps delivery order across entries, changes and messaging, skipping what it does not record', () => {
    const items = parseMetaDelivery(fixture('batch'));
    expect(items.map((item) => [item.type, item.accountId, 'externalId' in item ? item.externalId : null])).toEqual([
      ['comment', PAGE, '122110000000001_1030000000000001'],
      ['comment', PAGE, '122110000000001_1030000000000002'],
      ['comment', OUTLET, '122120000000009_1040000000000001'],
      ['message', PAGE, 'm_Bt6Yn3Qs8Wc1Xv4Za7Rd0Fe5Gh2Jk9Lm6Np3Qr8St1Uv4Wx'],
    ]);
    expect(items[1]).toMatchObject({ byAccount: true, threadExternalId: '122110000000001_1030000000000001', text: 'Dès 60 €, Inès 🙂', occurredAt: 1732615998000 });
    expect(items[2]).toMatchObject({ byAccount: false, author: { externalId: '3391827465019283', name: 'Manon' }, occurredAt: 1732616000000 });
    expect(items[3]).toMatchObject({ surface: 'messenger', occurredAt: 1732616001870, text: 'Merci !' });
  });

  it('throws a clear error on a body that is not a Meta envelope', () => {
    const bodies = [
      'not json', '', '[]', '{}', '{"object":"page"}', '{"object":"page","entry":{}}', '{"entry":[]}', '{"object":42,"entry":[]}',
      '{"object":"page","entry":[null]}', '{"object":"page","entry":[{"time":1732612345}]}', '{"object":"page","entry":[{"id":"1"}]}',
      '{"object":"page","entry":[{"id":"1","time":"soon"}]}', '{"object":"page","entry":[{"id":"1","time":1,"changes":{}}]}',
    ];
    for (const body of bodies) {
      expect(() => parseMetaDelivery(body), body).toThrow(/Meta/);
      expect(() => metaAccountIds(body), body).toThrow(/Meta/);
    }
  });

  it('names the offending field', () => {
    expect(() => parseMetaDelivery('{"object":"page","entry":[{"time":1}]}')).toThrow(/entry\.0\.id/);
  });

  it('returns nothing for objects and fields it does not record', () => {
    expect(parseMetaDelivery('{"object":"user","entry":[{"id":"1","time":1,"changes":[{"field":"email","value":"x"}]}]}')).toEqual([]);
    expect(parseMetaDelivery('{"object":"page","entry":[{"id":"1","time":1,"changes":[{"field":"mention","value":{"post_id":"1_2"}}]}]}')).toEqual([]);
    expect(parseMetaDelivery('{"object":"page","entry":[]}')).toEqual([]);
  });

  it('keeps ids as exact strings even when sent as JSON numbers', () => {
    const body = '{"object":"page","entry":[{"id":108345672910458,"time":1,"changes":[{"field":"feed","value":'
      + '{"item":"reaction","verb":"add","post_id":"1_2","sender_id":10206635083634304,"from":{"id":10206635083634304},"reaction_type":"wow","created_time":1497326228}}]}]}';
    expect(parseMetaDelivery(body)).toMatchObject([{ accountId: PAGE, author: { externalId: '10206635083634304' }, occurredAt: 1497326228000 }]);
    expect(metaAccountIds(body)).toEqual([PAGE]);
  });
});

describe('App Dashboard test payloads', () => {
  it('does not crash on entry id "0" and yields nothing for a feed status test', () => {
    expect(parseMetaDelivery(fixture('dashboard-page-feed-test'))).toEqual([]);
    expect(metaAccountIds(fixture('dashboard-page-feed-test'))).toEqual(['0']);
  });

  it('reads the Messenger test message for account "0", which routes to no channel', () => {
    expect(parseMetaDelivery(fixture('dashboard-messenger-test'))).toEqual([{
      type: 'message', surface: 'messenger', accountId: '0', occurredAt: 1732616199870, externalId: 'random_mid',
      customer: { externalId: '12334' }, direction: 'in', text: 'random_text', attachments: [],
    }]);
  });

  it('reads the Instagram messages test, sent as a change with a string timestamp in seconds', () => {
    expect(parseMetaDelivery(fixture('dashboard-ig-messages-test'))).toEqual([{
      type: 'message', surface: 'instagram', accountId: '0', occurredAt: 1527459824000, externalId: 'random_mid',
      customer: { externalId: '12334' }, direction: 'in', text: 'random_text', attachments: [],
    }]);
  });

  it('skips the Instagram comments test, which has only an id and a text', () => {
    expect(parseMetaDelivery(fixture('dashboard-ig-comments-test'))).toEqual([]);
  });
});

describe('metaAccountIds', () => {
  it('lists each entry id once, in order', () => {
    expect(metaAccountIds(fixture('batch'))).toEqual([PAGE, OUTLET]);
    expect(metaAccountIds(fixture('ig-comment'))).toEqual(['17841405822304914']);
  });
});

describe('metaDedupeKey', () => {
  it('is the sha256 hex of the raw bytes: equal for a redelivery, different for any other body', () => {
    expect(metaDedupeKey(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const raw = Buffer.from(fixture('fb-comment-add'));
    expect(metaDedupeKey(Buffer.from(raw))).toBe(metaDedupeKey(raw));
    expect(metaDedupeKey(Buffer.from(fixture('fb-comment-edited')))).not.toBe(metaDedupeKey(raw));
  });
});
