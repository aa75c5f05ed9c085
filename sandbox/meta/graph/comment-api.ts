/**
 * Comment moderation and public replies through Graph (PLATFORMS §1.9): reply, hide or
 * unhide, delete, like, and list replies (which Relais uses to check whether a reply it timed
 * out on was in fact published).
 */
import { instagramCommentEvent, pageCommentEvent } from '../comment-events.ts';
import type { CommentRecord, MediaRecord, PostRecord } from '../world.ts';
import type { GraphContext, GraphRequest, GraphResult } from './context.ts';
import { parseFields } from './fields.ts';
import { graphErrors } from './graph-error.ts';
import { commentNode, liveComments } from './nodes.ts';

type Target = { kind: 'comment'; comment: CommentRecord } | { kind: 'post'; post: PostRecord } | { kind: 'media'; media: MediaRecord };

/** `POST /{comment-or-post-id}/comments` (Facebook), `/{ig-comment-id}/replies` and `/{ig-media-id}/comments` (Instagram). */
export function publicReply(ctx: GraphContext, req: GraphRequest): GraphResult {
  const target = ownedTarget(ctx, req);
  const platform = threadPlatform(target, req.edge);
  const message = typeof req.params.message === 'string' ? req.params.message : '';
  if (message === '' && typeof req.params.attachment_url !== 'string') throw graphErrors.param('Missing message or attachment');
  const page = req.page;
  const targetId = target.kind === 'comment' ? target.comment.targetId : target.kind === 'post' ? target.post.id : target.media.id;
  const parentId = target.kind === 'comment' ? target.comment.id : platform === 'facebook' ? targetId : undefined;
  const now = ctx.clock.now();
  const comment: CommentRecord = {
    id: platform === 'facebook' ? ctx.ids.facebookComment(targetId) : ctx.ids.instagramComment(),
    platform, pageId: page.id, targetId, parentId, fromId: platform === 'facebook' ? page.id : page.instagramId ?? page.id,
    byPage: true, message, createdAt: now, hidden: false, deleted: false,
  };
  ctx.world.comments.set(comment.id, comment);
  ctx.log.replies.push({ id: comment.id, platform, pageId: page.id, parentId: parentId ?? targetId, message, at: now });
  const echo = platform === 'facebook' ? pageCommentEvent(ctx, comment) : instagramCommentEvent(ctx, comment);
  return { body: { id: comment.id }, after: () => ctx.echo([echo]) };
}

/** `POST /{comment-id}` with `is_hidden` (Facebook) or `hide` (Instagram). */
export function hideComment(ctx: GraphContext, req: GraphRequest): GraphResult {
  const comment = ownedComment(ctx, req);
  const name = comment.platform === 'instagram' ? 'hide' : 'is_hidden';
  const value = req.params[name];
  if (value === undefined) throw graphErrors.param(`The parameter ${name} is required`);
  const hidden = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
  if (hidden === undefined) throw graphErrors.param(`Param ${name} must be a boolean`);
  if (comment.byPage) throw graphErrors.cannotHideOwn();
  comment.hidden = hidden;
  ctx.log.hidden.push({ commentId: comment.id, platform: comment.platform, hidden: comment.hidden, at: ctx.clock.now() });
  return { body: { success: true } };
}

/** `DELETE /{comment-id}`. */
export function deleteComment(ctx: GraphContext, req: GraphRequest): GraphResult {
  const comment = ownedComment(ctx, req);
  comment.deleted = true;
  ctx.log.deleted.push({ commentId: comment.id, platform: comment.platform, at: ctx.clock.now() });
  return { body: { success: true } };
}

/** `POST` or `DELETE /{comment-or-post-id}/likes`: Facebook only; Instagram has no such edge. */
export function likeObject(ctx: GraphContext, req: GraphRequest): GraphResult {
  const target = ownedTarget(ctx, req);
  if (target.kind === 'media' || (target.kind === 'comment' && target.comment.platform === 'instagram')) throw graphErrors.unknownPath('/likes');
  ctx.log.likes.push({ objectId: req.nodeId, liked: req.method === 'POST', at: ctx.clock.now() });
  return { body: { success: true } };
}

/** `GET /{id}/comments` or `/{ig-comment-id}/replies`: oldest first, hidden ones included. */
export function listComments(ctx: GraphContext, req: GraphRequest): GraphResult {
  const platform = threadPlatform(ownedTarget(ctx, req), req.edge);
  const fields = parseFields(req.params.fields);
  const limit = Number(req.params.limit);
  const now = ctx.clock.now();
  const comments = liveComments(ctx.world, req.nodeId, platform).slice(0, Number.isInteger(limit) && limit > 0 ? limit : undefined);
  return { body: { data: comments.map((c) => commentNode(ctx.world, c, fields, now)) } };
}

/** Facebook threads hang off `/comments`; an Instagram comment's off `/replies`, its media's off `/comments`. */
function threadPlatform(target: Target, edgeName: string | undefined): CommentRecord['platform'] {
  const platform = target.kind === 'post' || (target.kind === 'comment' && target.comment.platform === 'facebook') ? 'facebook' : 'instagram';
  const expected = platform === 'instagram' && target.kind === 'comment' ? 'replies' : 'comments';
  if (edgeName !== expected) throw graphErrors.unknownPath(`/${edgeName}`);
  return platform;
}

function ownedTarget(ctx: GraphContext, req: GraphRequest): Target {
  const { world } = ctx;
  const comment = world.comments.get(req.nodeId);
  if (comment && !comment.deleted && comment.pageId === req.page.id) return { kind: 'comment', comment };
  const post = world.posts.get(req.nodeId);
  if (post && post.pageId === req.page.id) return { kind: 'post', post };
  const media = world.media.get(req.nodeId);
  if (media && media.pageId === req.page.id) return { kind: 'media', media };
  throw graphErrors.noObject(req.nodeId, req.method);
}

function ownedComment(ctx: GraphContext, req: GraphRequest): CommentRecord {
  const target = ownedTarget(ctx, req);
  if (target.kind !== 'comment') throw graphErrors.noObject(req.nodeId, req.method);
  return target.comment;
}
