/**
 * Comment and reaction events: Facebook `feed` changes (PLATFORMS §1.4) and Instagram
 * `comments` changes (§1.6). Each builder records the change in the world first.
 */
import type { EventContext, MetaEvent } from './event.ts';
import { graphTime, seconds } from './event.ts';
import {
  commentInput, commentRefInput, editCommentInput, instagramCommentInput, reactionInput,
  type CommentInput, type CommentRefInput, type EditCommentInput, type InstagramCommentInput, type ReactionInput,
} from './inputs.ts';
import { instagramAccount, requireComment, requireMedia, requirePage, requirePost, requireUser, type CommentRecord } from './world.ts';

export interface CommentIds {
  commentId: string;
  postId: string;
  parentId: string;
  pageId: string;
}

export interface InstagramCommentIds {
  commentId: string;
  mediaId: string;
  parentId?: string | undefined;
  instagramId: string;
}

export interface ReactionIds {
  postId: string;
  commentId?: string | undefined;
  pageId: string;
}

export function commentAdded(ctx: EventContext, input: CommentInput): MetaEvent<CommentIds> {
  const { postId, from, message, parentId, pageId, commentId } = commentInput.parse(input);
  const post = requirePost(ctx.world, postId);
  if (pageId && pageId !== post.pageId) throw new Error(`Post ${postId} belongs to Page ${post.pageId}, not ${pageId}`);
  requireUser(ctx.world, from);
  if (parentId && requireComment(ctx.world, parentId, 'facebook').targetId !== postId) throw new Error(`Comment ${parentId} is not on post ${postId}`);
  const comment: CommentRecord = {
    id: commentId ?? ctx.ids.facebookComment(post.id), platform: 'facebook', pageId: post.pageId, targetId: post.id,
    parentId: parentId ?? post.id, fromId: from, byPage: false, message, createdAt: ctx.clock.now(), hidden: false, deleted: false,
  };
  ctx.world.comments.set(comment.id, comment);
  return feedEvent(ctx, comment, 'add');
}

export function commentEdited(ctx: EventContext, input: EditCommentInput): MetaEvent<CommentIds> {
  const { commentId, message } = editCommentInput.parse(input);
  const comment = requireComment(ctx.world, commentId, 'facebook');
  comment.message = message;
  return feedEvent(ctx, comment, 'edited');
}

/** The commenter deleted it. Meta's remove events carry no message and often no name. */
export function commentRemoved(ctx: EventContext, input: CommentRefInput): MetaEvent<CommentIds> {
  const comment = requireComment(ctx.world, commentRefInput.parse(input).commentId, 'facebook');
  comment.deleted = true;
  const value = {
    from: { id: comment.fromId }, parent_id: comment.parentId, comment_id: comment.id,
    created_time: seconds(ctx.clock.now()), item: 'comment', verb: 'remove', post_id: comment.targetId,
  };
  return { ...pageChange(comment.pageId, value), ids: commentIds(comment) };
}

/** Someone at the Page hid (or unhid) the comment on Facebook itself. */
export function commentHidden(ctx: EventContext, input: CommentRefInput, hidden: boolean): MetaEvent<CommentIds> {
  const comment = requireComment(ctx.world, commentRefInput.parse(input).commentId, 'facebook');
  comment.hidden = hidden;
  return feedEvent(ctx, comment, hidden ? 'hide' : 'unhide');
}

/** A Page's own comment (a public reply through Graph): Meta sends it to the Page's webhook too. */
export function pageCommentEvent(ctx: EventContext, comment: CommentRecord): MetaEvent<CommentIds> {
  return feedEvent(ctx, comment, 'add');
}

export function reactionAdded(ctx: EventContext, input: ReactionInput): MetaEvent<ReactionIds> {
  const { postId, from, reactionType, commentId, verb, pageId } = reactionInput.parse(input);
  const post = requirePost(ctx.world, postId);
  if (pageId && pageId !== post.pageId) throw new Error(`Post ${postId} belongs to Page ${post.pageId}, not ${pageId}`);
  const user = requireUser(ctx.world, from);
  if (commentId) requireComment(ctx.world, commentId, 'facebook');
  const value = {
    from: verb === 'remove' ? { id: user.id } : { id: user.id, name: user.name }, post_id: post.id,
    ...(commentId ? { comment_id: commentId } : {}), created_time: seconds(ctx.clock.now()), item: 'reaction',
    parent_id: commentId ?? post.id, reaction_type: reactionType, verb,
  };
  return { ...pageChange(post.pageId, value), ids: { postId: post.id, commentId, pageId: post.pageId } };
}

export function instagramCommentAdded(ctx: EventContext, input: InstagramCommentInput): MetaEvent<InstagramCommentIds> {
  const { mediaId, from, text, parentId, commentId } = instagramCommentInput.parse(input);
  const media = requireMedia(ctx.world, mediaId);
  requireUser(ctx.world, from);
  if (parentId && requireComment(ctx.world, parentId, 'instagram').targetId !== mediaId) throw new Error(`Comment ${parentId} is not on media ${mediaId}`);
  const comment: CommentRecord = {
    id: commentId ?? ctx.ids.instagramComment(), platform: 'instagram', pageId: media.pageId, targetId: media.id,
    parentId, fromId: from, byPage: false, message: text, createdAt: ctx.clock.now(), hidden: false, deleted: false,
  };
  ctx.world.comments.set(comment.id, comment);
  return instagramCommentEvent(ctx, comment);
}

/** An Instagram `comments` change; the account's own comments carry `self_ig_scoped_id`. */
export function instagramCommentEvent(ctx: EventContext, comment: CommentRecord): MetaEvent<InstagramCommentIds> {
  const media = requireMedia(ctx.world, comment.targetId);
  const page = requirePage(ctx.world, comment.pageId);
  const instagramId = instagramAccount(page);
  const from = comment.byPage
    ? { id: instagramId, username: page.instagramUsername ?? page.name, self_ig_scoped_id: instagramId }
    : { id: comment.fromId, username: requireUser(ctx.world, comment.fromId).username ?? comment.fromId };
  const value = {
    from, media: { id: media.id, media_product_type: media.mediaProductType }, id: comment.id,
    ...(comment.parentId ? { parent_id: comment.parentId } : {}), text: comment.message,
  };
  return {
    object: 'instagram', entryId: instagramId, kind: 'changes', item: { field: 'comments', value },
    ids: { commentId: comment.id, mediaId: media.id, parentId: comment.parentId, instagramId },
  };
}

function feedEvent(ctx: EventContext, comment: CommentRecord, verb: string): MetaEvent<CommentIds> {
  const post = requirePost(ctx.world, comment.targetId);
  const author = comment.byPage ? requirePage(ctx.world, comment.pageId) : requireUser(ctx.world, comment.fromId);
  const value = {
    from: { id: author.id, name: author.name },
    post: { status_type: 'added_photos', is_published: true, updated_time: graphTime(post.createdAt), permalink_url: post.permalinkUrl, promotion_status: 'inactive', id: post.id },
    message: comment.message, post_id: post.id, comment_id: comment.id, created_time: seconds(comment.createdAt),
    item: 'comment', parent_id: comment.parentId, verb,
  };
  return { ...pageChange(comment.pageId, value), ids: commentIds(comment) };
}

function pageChange(pageId: string, value: Record<string, unknown>): Omit<MetaEvent, 'ids'> {
  return { object: 'page', entryId: pageId, kind: 'changes', item: { field: 'feed', value } };
}

function commentIds(comment: CommentRecord): CommentIds {
  return { commentId: comment.id, postId: comment.targetId, parentId: comment.parentId ?? comment.targetId, pageId: comment.pageId };
}
