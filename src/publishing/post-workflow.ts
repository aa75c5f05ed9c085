import { createDealPromoCode } from '../commerce/index.ts';
import { AppError, newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { publishJob, type PublishingDeps } from './deps.ts';
import { enqueueJob } from '../jobs/index.ts';
import { getPost, toInstant, type PostView, type VersionView } from './posts.ts';
import type { DealInput } from './post-schemas.ts';
import { getPublishingSettings } from './settings.ts';
import { validatePost, type NetworkResult } from './validate-post.ts';

export interface Actor {
  workspaceId: string;
  userId: string;
  /** Admins and owners approve; a community manager submits when approval is on. */
  canApprove: boolean;
}

/** The text of the Page's latest published Facebook post, which Facebook refuses to repeat. */
export async function previousFacebookText(db: Db, workspaceId: string, channelId: string, exceptPostId?: string): Promise<string | null> {
  let query = db.selectFrom('pub_versions').select('text').where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId)
    .where('network', '=', 'facebook').where('status', 'in', ['published', 'publishing', 'scheduled']);
  if (exceptPostId) query = query.where('post_id', '!=', exceptPostId);
  const row = await query.orderBy((eb) => eb.fn.coalesce('published_at', 'due_at'), 'desc').limit(1).executeTakeFirst();
  return row?.text ?? null;
}

/** Each version of a stored post against its network's rules, with stored context. */
export async function validateStoredPost(db: Db, workspaceId: string, post: PostView): Promise<Record<string, NetworkResult>> {
  const results: Record<string, NetworkResult> = {};
  const mediaIds = [...new Set(post.versions.flatMap((v) => v.mediaIds))];
  const types = new Map((mediaIds.length === 0 ? [] : await db.selectFrom('pub_media').select(['id', 'content_type']).where('workspace_id', '=', workspaceId).where('id', 'in', mediaIds).execute())
    .map((row) => [row.id, row.content_type]));
  for (const version of post.versions) {
    const previous = version.network === 'facebook' ? await previousFacebookText(db, workspaceId, version.channelId, post.id) : null;
    Object.assign(results, validatePost({
      networks: [version.network], text: version.text, link: post.link, title: version.title, boardId: version.boardId,
      media: version.mediaIds.map((id) => ({ id, type: 'image' as const, contentType: types.get(id) ?? null })),
    }, { previousFacebookText: previous }));
  }
  return results;
}

function refuseInvalid(results: Record<string, NetworkResult>): void {
  const fields: Record<string, string[]> = {};
  for (const [network, result] of Object.entries(results)) if (!result.valid) fields[network] = result.errors.map((e) => `${e.code}: ${e.message}`);
  if (Object.keys(fields).length > 0) throw new AppError('post.invalid', 'The post breaks a network\'s rules', { fields });
}

/**
 * Schedules a post at its time (now when it has none), after checking every version. When the
 * workspace wants approval and the actor cannot approve, the post waits for an admin instead.
 */
export async function schedulePost(deps: PublishingDeps, actor: Actor, postId: string): Promise<PostView> {
  const post = await getPost(deps.db, actor.workspaceId, postId);
  if (!['draft', 'failed', 'pending_approval'].includes(post.status)) throw new AppError('post.not_editable', `A ${post.status} post cannot be scheduled`);
  refuseInvalid(await validateStoredPost(deps.db, actor.workspaceId, post));
  const settings = await getPublishingSettings(deps.db, actor.workspaceId);
  if (settings.approvalRequired && !actor.canApprove) {
    await deps.db.updateTable('pub_posts').set({ status: 'pending_approval', approval: 'pending', updated_at: deps.clock.now() })
      .where('workspace_id', '=', actor.workspaceId).where('id', '=', postId).execute();
    await deps.bus.publish(actor.workspaceId, 'post.submitted', { postId });
    return getPost(deps.db, actor.workspaceId, postId);
  }
  return enqueuePost(deps, actor, post, settings.approvalRequired ? 'approved' : 'none');
}

/** An admin approves a submitted post: it is scheduled as it stands. */
export async function approvePost(deps: PublishingDeps, actor: Actor, postId: string): Promise<PostView> {
  if (!actor.canApprove) throw new AppError('auth.forbidden', 'Only an admin approves posts');
  const post = await getPost(deps.db, actor.workspaceId, postId);
  if (post.status !== 'pending_approval') throw new AppError('post.not_editable', 'Only a submitted post is approved');
  refuseInvalid(await validateStoredPost(deps.db, actor.workspaceId, post));
  return enqueuePost(deps, actor, post, 'approved');
}

/** An admin sends a submitted post back to its author with a comment; the author is told. */
export async function sendBackPost(deps: PublishingDeps, actor: Actor, postId: string, comment: string): Promise<PostView> {
  if (!actor.canApprove) throw new AppError('auth.forbidden', 'Only an admin reviews posts');
  const post = await getPost(deps.db, actor.workspaceId, postId);
  if (post.status !== 'pending_approval') throw new AppError('post.not_editable', 'Only a submitted post is sent back');
  const now = deps.clock.now();
  await deps.db.updateTable('pub_posts').set({ status: 'draft', approval: 'changes_requested', review_comment: comment, updated_at: now })
    .where('workspace_id', '=', actor.workspaceId).where('id', '=', postId).execute();
  const id = newId(now);
  await deps.db.insertInto('notifications').values({
    workspace_id: actor.workspaceId, id, user_id: post.authorId, kind: 'post', source_key: `post-review:${postId}:${now}`, conversation_id: null, message_id: null,
    data: JSON.stringify({ postId, comment, by: actor.userId }), created_at: now, read_at: null,
  }).onConflict((c) => c.columns(['workspace_id', 'user_id', 'source_key']).doNothing()).execute();
  await deps.bus.publish(actor.workspaceId, 'notification.created', { userId: post.authorId, notificationId: id });
  return getPost(deps.db, actor.workspaceId, postId);
}

/** After a drag in the calendar: a scheduled post's versions get a job at the new time. */
export async function rescheduleJobs(deps: PublishingDeps, workspaceId: string, post: PostView): Promise<void> {
  if (post.status !== 'scheduled' || post.scheduledAt === null) return;
  const now = deps.clock.now();
  for (const version of post.versions.filter((v) => v.status === 'scheduled')) {
    await enqueueJob(deps.queue, publishJob, { workspaceId, versionId: version.id }, { delayMs: Math.max(0, post.scheduledAt - now) });
  }
}

async function enqueuePost(deps: PublishingDeps, actor: Actor, post: PostView, approval: 'none' | 'approved'): Promise<PostView> {
  const now = deps.clock.now();
  const at = post.scheduledAt ?? now;
  const promoCode = post.deal && !post.promoCode ? await createDeal(deps, actor.workspaceId, post, post.deal as DealInput, at) : post.promoCode;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('pub_posts').set({ status: 'scheduled', approval, scheduled_at: at, promo_code: promoCode, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId).where('id', '=', post.id).execute();
    await trx.updateTable('pub_versions').set({ status: 'scheduled', due_at: at, failure_kind: null, failure_reason: null, updated_at: now })
      .where('workspace_id', '=', actor.workspaceId).where('post_id', '=', post.id).where('status', 'in', ['draft', 'failed']).execute();
    for (const version of post.versions.filter((v: VersionView) => v.status === 'draft' || v.status === 'failed')) {
      await enqueueJob(deps.queue, publishJob, { workspaceId: actor.workspaceId, versionId: version.id }, { db: trx, delayMs: Math.max(0, at - now) });
    }
  });
  await deps.bus.publish(actor.workspaceId, 'post.scheduled', { postId: post.id, scheduledAt: at });
  return getPost(deps.db, actor.workspaceId, post.id);
}

/** The deal's code, made at the shop before the post can mention it. */
async function createDeal(deps: PublishingDeps, workspaceId: string, post: PostView, deal: DealInput, at: number): Promise<string> {
  const startsAt = deal.startsAt ? await toInstant(deps.db, workspaceId, deal.startsAt) : at;
  const endsAt = await toInstant(deps.db, workspaceId, deal.endsAt);
  if (endsAt <= startsAt) throw new AppError('request.invalid', 'The deal ends before it starts', { fields: { 'deal.endsAt': ['before the start'] } });
  const created = await createDealPromoCode(deps, {
    workspaceId, shopChannelId: deal.shopChannelId, code: deal.code, percent: deal.percent, amountCents: deal.amountCents, startsAt, endsAt, usageLimit: deal.usageLimit,
    postId: post.id, sourceChannelId: post.versions[0]?.channelId ?? null,
  });
  return created.code;
}

/** Deletes a post not yet out: nothing more will be published. */
export async function deletePost(deps: PublishingDeps, workspaceId: string, postId: string): Promise<void> {
  const post = await getPost(deps.db, workspaceId, postId);
  if (post.versions.some((v) => v.status === 'publishing')) throw new AppError('post.not_editable', 'This post is being published right now');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('pub_posts').set({ status: 'deleted', updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', postId).execute();
    await trx.updateTable('pub_versions').set({ status: 'deleted', updated_at: now }).where('workspace_id', '=', workspaceId).where('post_id', '=', postId).where('status', '!=', 'published').execute();
  });
}
