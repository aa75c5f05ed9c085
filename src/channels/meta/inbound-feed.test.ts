import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommentItem } from '../inbound-item.ts';
import { parseMetaDelivery } from './inbound.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const feed = (value: object, time = 1732612345) =>
  JSON.stringify({ object: 'page', entry: [{ id: PAGE, time, changes: [{ field: 'feed', value }] }] });

const PAGE = '108345672910458';
const POST = '108345672910458_122109876543210';
const TOP = '122109876543210_1029384756473829';
const REPLY = '122109876543210_1029384756488811';
const SPAM = '122109876543210_1029384756499900';
const camille = { externalId: '7412589630147852', name: 'Camille Lefèvre' };
const post = { externalId: POST, permalink: 'https://www.facebook.com/ateliergarance/posts/pfbid02xYz7Qk3' };
const topLevel = { type: 'comment', surface: 'facebook', accountId: PAGE, externalId: TOP, threadExternalId: TOP, parentExternalId: null };

describe('Page feed comments', () => {
  it('maps a top-level comment: ids as strings, seconds to ms, escapes decoded, its own thread', () => {
    expect(parseMetaDelivery(fixture('fb-comment-add'))).toEqual([{
      ...topLevel, action: 'add', occurredAt: 1732612343000, post, author: camille, byAccount: false,
      text: 'Bonjour, la robe « Émilie » est-elle encore disponible en 38 ? Merci 😊',
    }]);
  });

  it('threads a reply under the top-level comment it answers', () => {
    expect(parseMetaDelivery(fixture('fb-comment-reply'))).toEqual([{
      type: 'comment', surface: 'facebook', accountId: PAGE, action: 'add', occurredAt: 1732612988000,
      externalId: REPLY, threadExternalId: TOP, parentExternalId: TOP, post,
      author: { externalId: '2958173640285731', name: 'José Martins' }, byAccount: false, text: 'Pareil, je la cherche en 40 !',
    }]);
  });

  it('maps an edit with its new text', () => {
    expect(parseMetaDelivery(fixture('fb-comment-edited'))).toEqual([{
      ...topLevel, action: 'edit', occurredAt: 1732613102000, post, author: camille, byAccount: false,
      text: 'Bonjour, la robe « Émilie » est-elle encore disponible en 38 ou 40 ? Merci 😊',
    }]);
  });

  it('dates an edit by edited_time when Meta sends one (seconds or ISO)', () => {
    const edit = { item: 'comment', verb: 'edited', comment_id: TOP, post_id: POST, parent_id: POST, from: { id: '1' }, created_time: 1732612343 };
    expect((parseMetaDelivery(feed({ ...edit, edited_time: 1732613000 }))[0] as CommentItem).occurredAt).toBe(1732613000000);
    expect((parseMetaDelivery(feed({ ...edit, edited_time: '2024-11-26T09:30:00+0000' }))[0] as CommentItem).occurredAt).toBe(Date.UTC(2024, 10, 26, 9, 30));
  });

  it('maps a removal whose author has no name and which carries no text', () => {
    expect(parseMetaDelivery(fixture('fb-comment-remove'))).toEqual([{
      type: 'comment', surface: 'facebook', accountId: PAGE, action: 'remove', occurredAt: 1732613250000,
      externalId: REPLY, threadExternalId: TOP, parentExternalId: TOP, post: { externalId: POST },
      author: { externalId: '2958173640285731' }, byAccount: false,
    }]);
  });

  it('maps hide and unhide', () => {
    const spam = { type: 'comment', surface: 'facebook', accountId: PAGE, externalId: SPAM, threadExternalId: SPAM, parentExternalId: null,
      post: { externalId: POST }, author: { externalId: '5830291746358102', name: 'Promo Bot' }, byAccount: false, text: 'Gagnez un iPhone 👉 bit.ly/xx' };
    expect(parseMetaDelivery(fixture('fb-comment-hide'))).toEqual([{ ...spam, action: 'hide', occurredAt: 1732613398000 }]);
    expect(parseMetaDelivery(fixture('fb-comment-unhide'))).toEqual([{ ...spam, action: 'unhide', occurredAt: 1732613518000 }]);
  });

  it('accepts the delete and edit spellings of the verbs', () => {
    const base = { item: 'comment', comment_id: TOP, post_id: POST, parent_id: POST, from: { id: '1' }, created_time: 1 };
    expect(parseMetaDelivery(feed({ ...base, verb: 'delete' }))).toMatchObject([{ action: 'remove' }]);
    expect(parseMetaDelivery(feed({ ...base, verb: 'edit' }))).toMatchObject([{ action: 'edit' }]);
  });

  it('marks the Page’s own reply as byAccount, in the customer’s thread', () => {
    expect(parseMetaDelivery(fixture('fb-comment-page-reply'))).toEqual([{
      type: 'comment', surface: 'facebook', accountId: PAGE, action: 'add', occurredAt: 1732613700000,
      externalId: '122109876543210_1029384756511122', threadExternalId: TOP, parentExternalId: TOP, post,
      author: { externalId: PAGE, name: 'Atelier Garance' }, byAccount: true,
      text: 'Bonjour Camille, oui ! Elle est disponible en 38 et en 40 ✨',
    }]);
  });

  it('falls back to entry.time (seconds) when a change has no created_time', () => {
    const items = parseMetaDelivery(feed({ item: 'comment', verb: 'add', comment_id: TOP, post_id: POST, parent_id: POST, from: { id: '1' } }, 1732612399));
    expect(items).toMatchObject([{ occurredAt: 1732612399000 }]);
  });
});

describe('Page feed reactions', () => {
  it('maps a reaction on a comment and one removed from the post', () => {
    expect(parseMetaDelivery(fixture('fb-reaction'))).toEqual([
      { type: 'reaction', surface: 'facebook', accountId: PAGE, occurredAt: 1732613808000,
        targetExternalId: '122109876543210_1029384756511122', reaction: 'love', action: 'add', author: camille },
      { type: 'reaction', surface: 'facebook', accountId: PAGE, occurredAt: 1732613809000,
        targetExternalId: POST, reaction: 'like', action: 'remove', author: { externalId: '2958173640285731' } },
    ]);
  });

  it('reads the older like item and a changed reaction', () => {
    const like = { item: 'like', verb: 'add', comment_id: TOP, post_id: POST, from: { id: '9' }, created_time: 1511948636 };
    expect(parseMetaDelivery(feed(like))).toMatchObject([{ type: 'reaction', targetExternalId: TOP, reaction: 'like', action: 'add' }]);
    const swapped = { ...like, item: 'reaction', verb: 'edit', reaction_type: 'sad' };
    expect(parseMetaDelivery(feed(swapped))).toMatchObject([{ reaction: 'sad', action: 'add' }]);
  });
});

describe('feed changes we do not record', () => {
  it('skips posts, statuses, photos and shares, other verbs and fields, and comments without an author', () => {
    const bodies = [
      feed({ item: 'status', verb: 'add', post_id: POST, from: { id: PAGE }, message: 'Nouvelle collection !', created_time: 1 }),
      feed({ item: 'post', verb: 'remove', post_id: POST, from: { id: PAGE }, created_time: 1 }),
      feed({ item: 'photo', verb: 'add', post_id: POST, from: { id: PAGE }, link: 'https://example.test/p.jpg', created_time: 1 }),
      feed({ item: 'share', verb: 'add', post_id: POST, from: { id: '1' }, created_time: 1 }),
      feed({ item: 'comment', verb: 'block', comment_id: TOP, post_id: POST, from: { id: '1' }, created_time: 1 }),
      feed({ item: 'comment', verb: 'add', comment_id: TOP, post_id: POST, created_time: 1 }),
      feed({ item: 'rating', verb: 'add', from: { id: '1' }, created_time: 1 }),
      JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1, changes: [{ field: 'ratings', value: { item: 'comment' } }, { field: 'feed' }, 'junk'] }] }),
    ];
    for (const body of bodies) expect(parseMetaDelivery(body), body).toEqual([]);
  });
});
