/**
 * Publishing on a Page and its Instagram account (PLATFORMS §5.2, §5.3): `/{page-id}/feed` and
 * `/{page-id}/photos` (a repeat of the Page's previous post is refused with 506), Instagram's
 * two steps `/{ig-user-id}/media` (Meta fetches the image; JPEG only) then `/media_publish`
 * under the rolling 24 h `content_publishing_limit`, the listings a client reconciles with,
 * and `/insights` figures that grow with the post's age.
 */
import { engagementAt, fetchImage } from '../../publishing-media.ts';
import { graphTime } from '../event.ts';
import type { ContainerRecord, PageRecord } from '../world.ts';
import type { GraphContext, GraphRequest, GraphResult } from './context.ts';
import { GraphError, graphErrors } from './graph-error.ts';

const DAY_MS = 86_400_000;
let sequence = 0;
const nextNumber = (now: number) => `${now}${String(++sequence).padStart(4, '0')}`;

const oauth = (code: number, message: string, subcode?: number) => new GraphError(400, { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}) });

function ownPage(req: GraphRequest): PageRecord {
  if (req.nodeId !== req.page.id) throw graphErrors.noObject(req.nodeId, req.method);
  return req.page;
}

function ownInstagram(req: GraphRequest): PageRecord {
  if (!req.page.instagramId || req.nodeId !== req.page.instagramId) throw graphErrors.noObject(req.nodeId, req.method);
  return req.page;
}

function refuseRepeat(ctx: GraphContext, page: PageRecord, message: string): void {
  const last = [...ctx.world.posts.values()].filter((p) => p.pageId === page.id).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (last && message.trim() !== '' && last.message.trim() === message.trim()) throw oauth(506, '(#506) Duplicate status message');
}

export function pageFeedPost(ctx: GraphContext, req: GraphRequest): GraphResult {
  const page = ownPage(req);
  const message = typeof req.params.message === 'string' ? req.params.message : '';
  const link = typeof req.params.link === 'string' ? req.params.link : undefined;
  if (!message && !link) throw graphErrors.param('The parameter message or link is required');
  refuseRepeat(ctx, page, message);
  const now = ctx.clock.now();
  const id = `${page.id}_${nextNumber(now)}`;
  ctx.world.posts.set(id, { id, pageId: page.id, message, permalinkUrl: `https://www.facebook.com/${page.id}/posts/${id.split('_')[1]}`, createdAt: now });
  return { body: { id } };
}

export async function pagePhoto(ctx: GraphContext, req: GraphRequest): Promise<GraphResult> {
  const page = ownPage(req);
  const caption = String(req.params.caption ?? req.params.message ?? '');
  const image = await fetchImage(req.params.url);
  if (!image.ok) throw oauth(324, `(#324) Requires upload file: the image at url could not be fetched (${image.reason ?? ''})`);
  refuseRepeat(ctx, page, caption);
  const now = ctx.clock.now();
  const photoId = nextNumber(now);
  const postId = `${page.id}_${photoId}`;
  ctx.world.posts.set(postId, { id: postId, pageId: page.id, message: caption, permalinkUrl: `https://www.facebook.com/photo/?fbid=${photoId}`, createdAt: now });
  return { body: { id: photoId, post_id: postId } };
}

export function pageFeedList(ctx: GraphContext, req: GraphRequest): GraphResult {
  const page = ownPage(req);
  const limit = Math.min(100, Number(req.params.limit ?? 25) || 25);
  const posts = [...ctx.world.posts.values()].filter((p) => p.pageId === page.id).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
  return { body: { data: posts.map((p) => ({ id: p.id, message: p.message, created_time: graphTime(p.createdAt) })) } };
}

export async function instagramContainer(ctx: GraphContext, req: GraphRequest): Promise<GraphResult> {
  const page = ownInstagram(req);
  const caption = typeof req.params.caption === 'string' ? req.params.caption : '';
  if (typeof req.params.image_url !== 'string') throw graphErrors.param('The parameter image_url is required');
  if ([...caption].length > 2200) throw graphErrors.param('The caption is too long (max 2200 characters)', 2207001);
  const image = await fetchImage(req.params.image_url);
  if (!image.ok) throw oauth(9004, 'Media download has failed. The media URI doesn\'t meet our requirements.', 2207052);
  if (image.type !== 'image/jpeg') throw oauth(9004, 'Only JPEG images are supported.', 2207026);
  const now = ctx.clock.now();
  const container: ContainerRecord = { id: `1790${nextNumber(now)}`, pageId: page.id, imageUrl: req.params.image_url, caption, createdAt: now, status: 'FINISHED' };
  ctx.world.containers.set(container.id, container);
  return { body: { id: container.id } };
}

function quotaUsage(ctx: GraphContext, page: PageRecord): number {
  const since = ctx.clock.now() - DAY_MS;
  return (ctx.world.igPublishes.get(page.id) ?? []).filter((at) => at > since).length;
}

export function instagramPublish(ctx: GraphContext, req: GraphRequest): GraphResult {
  const page = ownInstagram(req);
  const container = ctx.world.containers.get(String(req.params.creation_id ?? ''));
  if (!container || container.pageId !== page.id) throw graphErrors.param('Param creation_id must be a valid media container id');
  const now = ctx.clock.now();
  if (container.status === 'PUBLISHED') throw oauth(9007, 'The media has already been published', 2207019);
  if (now - container.createdAt > DAY_MS) throw oauth(9007, 'The media container has expired', 2207008);
  if (quotaUsage(ctx, page) >= ctx.world.igQuotaTotal) throw oauth(9, 'Application request limit reached: the account has reached its publishing limit for 24 hours', 2207042);
  const mediaId = `1791${nextNumber(now)}`;
  container.status = 'PUBLISHED';
  container.mediaId = mediaId;
  ctx.world.igPublishes.set(page.id, [...(ctx.world.igPublishes.get(page.id) ?? []), now]);
  ctx.world.media.set(mediaId, { id: mediaId, pageId: page.id, caption: container.caption, permalink: `https://www.instagram.com/p/${mediaId.slice(-11)}/`, mediaProductType: 'FEED', createdAt: now });
  return { body: { id: mediaId } };
}

export function instagramLimit(ctx: GraphContext, req: GraphRequest): GraphResult {
  const page = ownInstagram(req);
  return { body: { data: [{ config: { quota_total: ctx.world.igQuotaTotal, quota_duration: 86400 }, quota_usage: quotaUsage(ctx, page) }] } };
}

export function instagramMediaList(ctx: GraphContext, req: GraphRequest): GraphResult {
  const page = ownInstagram(req);
  const media = [...ctx.world.media.values()].filter((m) => m.pageId === page.id).sort((a, b) => b.createdAt - a.createdAt).slice(0, 25);
  return { body: { data: media.map((m) => ({ id: m.id, caption: m.caption, timestamp: graphTime(m.createdAt), permalink: m.permalink })) } };
}

export function containerNode(ctx: GraphContext, req: GraphRequest): GraphResult | undefined {
  const container = ctx.world.containers.get(req.nodeId);
  if (!container || container.pageId !== req.page.id) return undefined;
  const expired = container.status === 'FINISHED' && ctx.clock.now() - container.createdAt > DAY_MS;
  return { body: { id: container.id, status_code: expired ? 'EXPIRED' : container.status } };
}

/** Facebook post and Instagram media insights, as `{data:[{name, period, values:[{value}]}]}`. */
export function insights(ctx: GraphContext, req: GraphRequest): GraphResult {
  const post = ctx.world.posts.get(req.nodeId);
  const media = ctx.world.media.get(req.nodeId);
  const owner = post?.pageId ?? media?.pageId;
  if (!owner || owner !== req.page.id) throw graphErrors.noObject(req.nodeId, 'GET');
  const figures = engagementAt(ctx.clock.now() - (post ?? media)!.createdAt);
  const values: Record<string, number> = post
    ? { post_impressions: figures.impressions, post_clicks: figures.clicks, post_reactions_like_total: figures.likes, post_comments: figures.comments, post_shares: figures.shares }
    : { impressions: figures.impressions, likes: figures.likes, comments: figures.comments, shares: figures.shares, saved: figures.saves, profile_activity: figures.clicks };
  const asked = String(req.params.metric ?? '').split(',').filter(Boolean);
  const unknown = asked.find((name) => !(name in values));
  if (unknown) throw graphErrors.param(`metric[0] must be one of the following values: ${Object.keys(values).join(', ')}`);
  return { body: { data: asked.map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] }], id: `${req.nodeId}/insights/${name}/lifetime` })) } };
}
