import { localTimeToUtc } from '../care/index.ts';
import { AppError, newId } from '../kernel/index.ts';
import type { Db, PubPostsTable, PubVersionsTable } from '../store/index.ts';
import type { PublishingDeps } from './deps.ts';
import { channelKindOf } from './networks.ts';
import type { PostInput, PostPatch, VersionInput } from './post-schemas.ts';
import { foldText } from './validate-post.ts';

export interface VersionView {
  id: string;
  network: PubVersionsTable['network'];
  channelId: string;
  text: string;
  mediaIds: string[];
  title: string | null;
  boardId: string | null;
  status: PubVersionsTable['status'];
  platformId: string | null;
  permalink: string | null;
  failure: { kind: string; reason: string } | null;
  publishedAt: number | null;
  dueAt: number | null;
}

export interface PostView {
  id: string;
  authorId: string;
  status: PubPostsTable['status'];
  approval: PubPostsTable['approval'];
  reviewComment: string | null;
  campaign: string | null;
  link: string | null;
  scheduledAt: number | null;
  deal: unknown;
  promoCode: string | null;
  versions: VersionView[];
  createdAt: number;
  updatedAt: number;
}

export async function workspaceTimezone(db: Db, workspaceId: string): Promise<string> {
  const row = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirst();
  return row?.timezone ?? 'Europe/Paris';
}

/** `2026-03-29T10:00` in the workspace's zone, DST included, as epoch ms. */
export async function toInstant(db: Db, workspaceId: string, local: string): Promise<number> {
  const [date, time] = local.split('T') as [string, string];
  return localTimeToUtc(date, time, await workspaceTimezone(db, workspaceId));
}

/** Each version must go to a channel of the workspace that carries its network. */
async function checkChannels(db: Db, workspaceId: string, versions: VersionInput[]): Promise<void> {
  const ids = [...new Set(versions.map((v) => v.channelId))];
  const rows = await db.selectFrom('channels').select(['id', 'kind', 'settings']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fields: Record<string, string[]> = {};
  versions.forEach((version, i) => {
    const channel = byId.get(version.channelId);
    if (!channel || channel.kind !== channelKindOf[version.network]) fields[`versions.${i}.channelId`] = [`not a ${version.network} channel of this workspace`];
    else if (version.network === 'instagram' && !(JSON.parse(channel.settings) as Record<string, unknown>).instagramId) fields[`versions.${i}.channelId`] = ['this Page has no Instagram account'];
  });
  if (Object.keys(fields).length > 0) throw new AppError('request.invalid', 'Check the channels', { fields });
  const mediaIds = [...new Set(versions.flatMap((v) => v.mediaIds))];
  if (mediaIds.length > 0) {
    const found = await db.selectFrom('pub_media').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', mediaIds).execute();
    if (found.length !== mediaIds.length) throw new AppError('request.invalid', 'Unknown image', { fields: { mediaIds: ['not in the media library'] } });
  }
}

function versionRow(workspaceId: string, postId: string, version: VersionInput, now: number, id = newId(now)): PubVersionsTable {
  return {
    workspace_id: workspaceId, id, post_id: postId, network: version.network, channel_id: version.channelId, text: version.text, title: version.title,
    board_id: version.boardId, media_ids: JSON.stringify(version.mediaIds), status: 'draft', due_at: null, lease_until: null, attempts: 0, attempt_started_at: null,
    container_id: null, platform_id: null, permalink: null, failure_kind: null, failure_reason: null, text_key: foldText(version.text), published_at: null,
    next_poll_at: null, created_at: now, updated_at: now,
  };
}

/**
 * A new post, as a draft: one version per network, each to a channel of the workspace. Only
 * what the author typed is stored (GDPR: no personal data is gathered into a post).
 */
export async function createPost(deps: Pick<PublishingDeps, 'db' | 'clock'>, workspaceId: string, authorId: string, input: PostInput): Promise<PostView> {
  await checkChannels(deps.db, workspaceId, input.versions);
  const now = deps.clock.now();
  const id = newId(now);
  const scheduledAt = input.scheduledAt ? await toInstant(deps.db, workspaceId, input.scheduledAt) : null;
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('pub_posts').values({
      workspace_id: workspaceId, id, author_id: authorId, campaign: input.campaign, link: input.link, status: 'draft', approval: 'none', review_comment: null,
      scheduled_at: scheduledAt, deal: input.deal ? JSON.stringify(input.deal) : null, promo_code: null, created_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('pub_versions').values(input.versions.map((v) => versionRow(workspaceId, id, v, now))).execute();
  });
  return getPost(deps.db, workspaceId, id);
}

const EDITABLE = new Set(['draft', 'pending_approval', 'scheduled', 'failed']);

/** Edits a post not yet published. Changing only the time of a scheduled post reschedules it. */
export async function updatePost(deps: Pick<PublishingDeps, 'db' | 'clock'>, workspaceId: string, postId: string, patch: PostPatch): Promise<{ post: PostView; contentChanged: boolean; timeChanged: boolean }> {
  const post = await getPost(deps.db, workspaceId, postId);
  if (!EDITABLE.has(post.status)) throw new AppError('post.not_editable', `A ${post.status} post cannot be changed`);
  if (post.versions.some((v) => v.status === 'published' || v.status === 'publishing')) throw new AppError('post.not_editable', 'Part of this post is already out');
  if (patch.versions) await checkChannels(deps.db, workspaceId, patch.versions);
  const now = deps.clock.now();
  const scheduledAt = patch.scheduledAt === undefined ? post.scheduledAt : patch.scheduledAt === null ? null : await toInstant(deps.db, workspaceId, patch.scheduledAt);
  const contentChanged = patch.versions !== undefined || patch.link !== undefined || patch.deal !== undefined;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('pub_posts').set({
      ...(patch.campaign !== undefined ? { campaign: patch.campaign } : {}),
      ...(patch.link !== undefined ? { link: patch.link } : {}),
      ...(patch.deal !== undefined ? { deal: patch.deal ? JSON.stringify(patch.deal) : null } : {}),
      scheduled_at: scheduledAt, updated_at: now,
    }).where('workspace_id', '=', workspaceId).where('id', '=', postId).execute();
    if (patch.versions) {
      await trx.deleteFrom('pub_versions').where('workspace_id', '=', workspaceId).where('post_id', '=', postId).execute();
      const kept = new Map(post.versions.map((v) => [v.network, v.id]));
      await trx.insertInto('pub_versions').values(patch.versions.map((v) => ({
        ...versionRow(workspaceId, postId, v, now, kept.get(v.network)),
        status: post.status === 'scheduled' ? 'scheduled' as const : 'draft' as const, due_at: post.status === 'scheduled' ? scheduledAt : null,
      }))).execute();
    } else if (post.status === 'scheduled') {
      await trx.updateTable('pub_versions').set({ due_at: scheduledAt, updated_at: now }).where('workspace_id', '=', workspaceId).where('post_id', '=', postId).where('status', '=', 'scheduled').execute();
    }
  });
  return { post: await getPost(deps.db, workspaceId, postId), contentChanged, timeChanged: scheduledAt !== post.scheduledAt };
}

export async function getPost(db: Db, workspaceId: string, postId: string): Promise<PostView> {
  const post = await db.selectFrom('pub_posts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', postId).executeTakeFirst();
  if (!post) throw new AppError('post.not_found', 'Post not found');
  const versions = await db.selectFrom('pub_versions').selectAll().where('workspace_id', '=', workspaceId).where('post_id', '=', postId).execute();
  return postView(post, versions.sort((a, b) => a.network.localeCompare(b.network)));
}

export function postView(post: PubPostsTable, versions: PubVersionsTable[]): PostView {
  return {
    id: post.id, authorId: post.author_id, status: post.status, approval: post.approval, reviewComment: post.review_comment, campaign: post.campaign, link: post.link,
    scheduledAt: post.scheduled_at === null ? null : Number(post.scheduled_at), deal: post.deal ? JSON.parse(post.deal) : null, promoCode: post.promo_code,
    versions: versions.map(versionView), createdAt: Number(post.created_at), updatedAt: Number(post.updated_at),
  };
}

export function versionView(v: PubVersionsTable): VersionView {
  return {
    id: v.id, network: v.network, channelId: v.channel_id, text: v.text, mediaIds: JSON.parse(v.media_ids) as string[], title: v.title, boardId: v.board_id,
    status: v.status, platformId: v.platform_id, permalink: v.permalink, failure: v.failure_kind ? { kind: v.failure_kind, reason: v.failure_reason ?? '' } : null,
    publishedAt: v.published_at === null ? null : Number(v.published_at), dueAt: v.due_at === null ? null : Number(v.due_at),
  };
}

/** A post's status follows its versions once scheduling has begun. */
export async function refreshPostStatus(db: Db, workspaceId: string, postId: string, now: number): Promise<void> {
  const versions = await db.selectFrom('pub_versions').select('status').where('workspace_id', '=', workspaceId).where('post_id', '=', postId).execute();
  const has = (status: string) => versions.some((v) => v.status === status);
  const status = has('publishing') ? 'publishing'
    : versions.every((v) => v.status === 'published') ? 'published'
      : has('failed') && !has('scheduled') ? 'failed'
        : has('scheduled') ? 'scheduled' : null;
  if (status) await db.updateTable('pub_posts').set({ status, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', postId).where('status', '!=', 'deleted').execute();
}
