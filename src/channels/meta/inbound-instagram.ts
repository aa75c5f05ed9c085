import { z } from 'zod';
import type { CommentItem, InboundItem } from '../inbound-item.ts';
import { metaId, type EntryContext } from './inbound-fields.ts';
import { parseMessagingEvent } from './inbound-messaging.ts';

/**
 * Instagram `changes` (`object: instagram`). Comments and live comments become items.
 * `mentions` yields nothing yet: its payload holds only ids, and reading the mention needs
 * a Graph API call the parser must not make. Real DMs come in `messaging[]`; only the App
 * Dashboard "Test" button wraps a `messages` event in a change, and it is read the same way.
 */
const igComment = z.object({
  id: metaId,
  text: z.string().nullish(),
  parent_id: metaId.nullish(),
  from: z.object({ id: metaId, username: z.string().nullish(), self_ig_scoped_id: metaId.nullish() }),
  media: z.object({ id: metaId }),
});

const change = z.object({ field: z.string(), value: z.unknown() });

/**
 * One Instagram change as an item, or null when it is not one we record (or lacks the
 * author or media an inbox conversation needs, as the dashboard's id+text test does).
 *
 * @example parseInstagramChange({ field: 'comments', value: { id: '179', text: 'Dispo en 38 ?', from: { id: '63', username: 'lea' }, media: { id: '180' } } }, context)
 */
export function parseInstagramChange(raw: unknown, context: EntryContext): InboundItem | null {
  const parsed = change.safeParse(raw);
  if (!parsed.success) return null;
  const { field, value } = parsed.data;
  if (field === 'comments' || field === 'live_comments') return commentItem(value, context);
  if (field === 'messages') return parseMessagingEvent(value, 'instagram', context);
  return null;
}

function commentItem(raw: unknown, context: EntryContext): CommentItem | null {
  const parsed = igComment.safeParse(raw);
  if (!parsed.success) return null;
  const value = parsed.data;
  // Instagram flattens replies to one level: a reply's parent is the top-level comment.
  const parent = value.parent_id ?? null;
  return {
    type: 'comment',
    surface: 'instagram',
    accountId: context.accountId,
    // Comment changes carry no time of their own.
    occurredAt: context.entryTimeMs,
    action: 'add',
    externalId: value.id,
    threadExternalId: parent ?? value.id,
    parentExternalId: parent,
    post: { externalId: value.media.id },
    author: { externalId: value.from.id, handle: value.from.username ?? undefined },
    // self_ig_scoped_id appears when the account comments on its own media (our replies).
    byAccount: value.from.id === context.accountId || value.from.self_ig_scoped_id != null,
    text: value.text ?? undefined,
  };
}
