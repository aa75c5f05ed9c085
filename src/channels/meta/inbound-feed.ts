import { z } from 'zod';
import type { CommentItem, InboundItem, ReactionItem } from '../inbound-item.ts';
import { epochMs, metaId, metaTime, type EntryContext } from './inbound-fields.ts';

/**
 * The Page `feed` field (`object: page`, `changes[].field == "feed"`): comments and
 * reactions become items; posts, statuses, photos, shares and the rest are not customer
 * care and yield nothing.
 */
const feedValue = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: metaId,
  comment_id: metaId.nullish(),
  parent_id: metaId.nullish(),
  from: z.object({ id: metaId, name: z.string().nullish() }),
  message: z.string().nullish(),
  reaction_type: z.string().nullish(),
  created_time: metaTime.nullish(),
  edited_time: metaTime.nullish(),
  post: z.object({ message: z.string().nullish(), permalink_url: z.string().nullish() }).nullish(),
});
type FeedValue = z.infer<typeof feedValue>;

const commentActions: Record<string, CommentItem['action']> = {
  add: 'add',
  edited: 'edit',
  edit: 'edit',
  remove: 'remove',
  delete: 'remove',
  hide: 'hide',
  unhide: 'unhide',
};

// Reactions use `edit` when someone swaps one reaction for another: the new one replaces it.
const reactionActions: Record<string, ReactionItem['action']> = { add: 'add', edit: 'add', edited: 'add', remove: 'remove' };

/**
 * One feed change as an item, or null when it is not a comment or reaction we can place.
 *
 * @example parseFeedChange({ item: 'comment', verb: 'add', comment_id: '1_2', post_id: '9_1', parent_id: '9_1', from: { id: '5' }, created_time: 1511951015 }, context)
 */
export function parseFeedChange(raw: unknown, context: EntryContext): InboundItem | null {
  const parsed = feedValue.safeParse(raw);
  if (!parsed.success) return null;
  const value = parsed.data;
  if (value.item === 'comment') return commentItem(value, context);
  if (value.item === 'reaction' || value.item === 'like') return reactionItem(value, context);
  return null;
}

function commentItem(value: FeedValue, context: EntryContext): CommentItem | null {
  const action = commentActions[value.verb];
  if (!action || !value.comment_id) return null;
  // Facebook threads have two levels: a top-level comment's parent is the post, a reply's
  // parent is the top-level comment (Facebook nests no deeper, so it is the thread).
  const parent = value.parent_id && value.parent_id !== value.post_id ? value.parent_id : null;
  const time = action === 'edit' ? (value.edited_time ?? value.created_time) : value.created_time;
  return {
    type: 'comment',
    surface: 'facebook',
    accountId: context.accountId,
    occurredAt: epochMs(time) ?? context.entryTimeMs,
    action,
    externalId: value.comment_id,
    threadExternalId: parent ?? value.comment_id,
    parentExternalId: parent,
    post: {
      externalId: value.post_id,
      text: value.post?.message ?? undefined,
      permalink: value.post?.permalink_url ?? undefined,
    },
    author: { externalId: value.from.id, name: value.from.name ?? undefined },
    // The Page's own comments (our replies, its admins') come back too: never answer them.
    byAccount: value.from.id === context.accountId,
    text: value.message ?? undefined,
  };
}

function reactionItem(value: FeedValue, context: EntryContext): ReactionItem | null {
  const action = reactionActions[value.verb];
  if (!action) return null;
  return {
    type: 'reaction',
    surface: 'facebook',
    accountId: context.accountId,
    occurredAt: epochMs(value.created_time) ?? context.entryTimeMs,
    // A reaction on a comment names it in comment_id; one on the post has only post_id.
    targetExternalId: value.comment_id ?? value.post_id,
    // The older `like` item carries no reaction_type: it can only be a like.
    reaction: value.reaction_type ?? 'like',
    action,
    author: { externalId: value.from.id, name: value.from.name ?? undefined },
  };
}
