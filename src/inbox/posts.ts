import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ChannelRef } from './contacts.ts';

/** The post a comment belongs to; text and permalink are filled whenever a payload has them. */
export async function ensurePost(db: Db, channel: ChannelRef, post: { externalId: string; text?: string | undefined; permalink?: string | undefined }, now: number): Promise<string> {
  const existing = await db.selectFrom('posts').select(['id', 'text', 'permalink'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', post.externalId).executeTakeFirst();
  if (existing) {
    if ((post.text && !existing.text) || (post.permalink && !existing.permalink)) {
      await db.updateTable('posts').set({ text: existing.text ?? post.text ?? null, permalink: existing.permalink ?? post.permalink ?? null, updated_at: now })
        .where('workspace_id', '=', channel.workspaceId).where('id', '=', existing.id).execute();
    }
    return existing.id;
  }
  // Comments of one post are ingested side by side (src/inbox/delivery-lanes.ts): when another
  // lane inserts the post first, PostgreSQL waits for its commit and this insert does nothing.
  const inserted = await db.insertInto('posts').values({
    workspace_id: channel.workspaceId, id: newId(now), channel_id: channel.channelId, external_id: post.externalId,
    text: post.text ?? null, permalink: post.permalink ?? null, reactions: '{}', created_at: now, updated_at: now,
  }).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'external_id']).doNothing()).returning('id').executeTakeFirst();
  if (inserted) return inserted.id;
  const other = await db.selectFrom('posts').select('id')
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', post.externalId).executeTakeFirstOrThrow();
  return other.id;
}

/** Reactions are counted on the post; they never open a conversation. */
export async function countReaction(db: Db, channel: ChannelRef, targetExternalId: string, reaction: string, delta: 1 | -1, now: number): Promise<boolean> {
  const post = await db.selectFrom('posts').select(['id', 'reactions'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', targetExternalId).executeTakeFirst();
  if (!post) return false;
  const counts = JSON.parse(post.reactions) as Record<string, number>;
  counts[reaction] = Math.max(0, (counts[reaction] ?? 0) + delta);
  await db.updateTable('posts').set({ reactions: JSON.stringify(counts), updated_at: now }).where('workspace_id', '=', channel.workspaceId).where('id', '=', post.id).execute();
  return true;
}

/** Who reacted, kept beside the post's counts (ambassadors count likes per person). */
export async function recordReactionAuthor(db: Db, channel: ChannelRef, item: { surface: string; targetExternalId: string; reaction: string; action: 'add' | 'remove'; author: { externalId: string } }, now: number): Promise<void> {
  if (!item.author.externalId) return;
  await db.deleteFrom('reactions_by_author').where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId)
    .where('author_external_id', '=', item.author.externalId).where('target_external_id', '=', item.targetExternalId).execute();
  if (item.action === 'add') {
    await db.insertInto('reactions_by_author').values({
      workspace_id: channel.workspaceId, id: newId(now), channel_id: channel.channelId, surface: item.surface, target_external_id: item.targetExternalId,
      author_external_id: item.author.externalId, reaction: item.reaction, created_at: now,
    }).execute();
  }
}
