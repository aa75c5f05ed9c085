import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMetaDelivery } from './inbound.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const instagram = (entry: object) => JSON.stringify({ object: 'instagram', entry: [{ id: IG, time: 1732615000, ...entry }] });

const IG = '17841405822304914';
const IGSID = '7033981246512893';
const MEDIA = '18027939643072110';
const TOP = '17865799348089039';
const comment = { type: 'comment', surface: 'instagram', accountId: IG, action: 'add', post: { externalId: MEDIA } };
const dm = { type: 'message', surface: 'instagram', accountId: IG, customer: { externalId: IGSID }, attachments: [] };
const ECHO_MID = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE3NzA3MjQ1NTUyMzY0NzozMTg0NjQ5ODUxMjM0NTY3ODkwMTIzNDU2Nzg5MAZDZD';
const MID = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE3NzA3MjQ1NTUyMzY0NzozMTg0NjQ5ODQ2MDI3OTU3NzY4MzU1MzA0OTgyMzE4ODk5MgZDZD';

describe('Instagram comments', () => {
  it('maps a comment: value.id (not comment_id), username as handle, dated by entry.time in seconds', () => {
    expect(parseMetaDelivery(fixture('ig-comment'))).toEqual([{
      ...comment, occurredAt: 1732615000000, externalId: TOP, threadExternalId: TOP, parentExternalId: null,
      author: { externalId: IGSID, handle: 'lea.martin_' }, byAccount: false, text: 'Trop belle ! C\'est quelle matière ? 😍',
    }]);
  });

  it('threads replies under parent_id and marks the account’s own reply', () => {
    expect(parseMetaDelivery(fixture('ig-comment-reply'))).toEqual([
      { ...comment, occurredAt: 1732615321000, externalId: '17912345678901234', threadExternalId: TOP, parentExternalId: TOP,
        author: { externalId: '6120938475610293', handle: 'claire_dbn' }, byAccount: false, text: '@lea.martin_ je l\'ai, c\'est du lin 👌' },
      { ...comment, occurredAt: 1732615321000, externalId: '17923456789012345', threadExternalId: TOP, parentExternalId: TOP,
        author: { externalId: IG, handle: 'atelier.garance' }, byAccount: true, text: '@lea.martin_ 100 % lin lavé, fabriqué en France 🇫🇷' },
    ]);
  });

  it('treats self_ig_scoped_id alone as the account’s own comment, and reads live comments', () => {
    const value = { id: '17934567890123456', text: 'Merci à tous !', from: { id: '3301928475610293', username: 'atelier.garance', self_ig_scoped_id: '2105722729836161' }, media: { id: MEDIA } };
    expect(parseMetaDelivery(instagram({ changes: [{ field: 'live_comments', value }] }))).toMatchObject([{ externalId: '17934567890123456', byAccount: true }]);
  });

  it('skips mentions (ids only, details need an API call) and unknown fields', () => {
    const changes = [
      { field: 'mentions', value: { media_id: MEDIA, comment_id: TOP } },
      { field: 'story_insights', value: { media_id: MEDIA, impressions: 44 } },
    ];
    expect(parseMetaDelivery(instagram({ changes }))).toEqual([]);
  });
});

describe('Instagram DMs', () => {
  it('maps a DM with surface instagram', () => {
    expect(parseMetaDelivery(fixture('ig-dm'))).toEqual([{ ...dm, occurredAt: 1732615600512, externalId: MID, direction: 'in', text: 'Coucou ! Vous livrez en Belgique ? 🇧🇪' }]);
  });

  it('maps an echo sent from the Instagram app: out, to the customer, no app', () => {
    expect(parseMetaDelivery(fixture('ig-echo'))).toEqual([{
      ...dm, occurredAt: 1732615710788, externalId: ECHO_MID,
      direction: 'out', sentByApp: null, metadata: null, text: 'Oui, en Belgique sous 3 à 5 jours ouvrés 🚚',
    }]);
  });

  it('maps an unsend as the same mid, deleted', () => {
    expect(parseMetaDelivery(fixture('ig-unsend'))).toEqual([{ ...dm, occurredAt: 1732615801906, externalId: MID, direction: 'in', text: '', deleted: true }]);
  });

  it('maps messaging_seen (read.mid) and reactions', () => {
    const from = { sender: { id: IGSID }, recipient: { id: IG }, timestamp: 1732615900000 };
    const messaging = [{ ...from, read: { mid: MID } }, { ...from, reaction: { mid: MID, action: 'react', reaction: 'love', emoji: '❤️' } }];
    expect(parseMetaDelivery(instagram({ time: 1732615900100, messaging }))).toEqual([
      { type: 'signal', surface: 'instagram', accountId: IG, occurredAt: 1732615900000, signal: 'read', customer: { externalId: IGSID } },
      { type: 'reaction', surface: 'instagram', accountId: IG, occurredAt: 1732615900000, targetExternalId: MID, reaction: 'love', action: 'add', author: { externalId: IGSID } },
    ]);
  });
});
