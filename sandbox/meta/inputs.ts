/**
 * What the sandbox's callers pass in, validated once here because the same inputs arrive
 * from TypeScript tests and, as JSON, from the control API. Every user, page, post or media
 * a customer action names must have been added first; unknown ids are an error, not a guess.
 */
import { z } from 'zod';

const id = z.string().min(1);

export const pageInput = z.object({
  id,
  name: z.string().min(1),
  accessToken: z.string().min(1),
  /** The Instagram professional account linked to the Page. */
  instagramId: id.optional(),
  instagramUsername: z.string().min(1).optional(),
});

export const userInput = z.object({
  /** Used as PSID, IGSID and commenter id alike. */
  id,
  name: z.string().min(1),
  username: z.string().min(1).optional(),
  profilePic: z.string().min(1).optional(),
});

export const postInput = z.object({
  id: z.string().regex(/^\d+_\d+$/, 'A post id looks like {pageId}_{n}'),
  pageId: id,
  message: z.string().default(''),
  permalinkUrl: z.string().optional(),
});

export const mediaInput = z.object({
  id: z.string().regex(/^\d+$/, 'An Instagram media id is numeric'),
  pageId: id,
  caption: z.string().default(''),
  permalink: z.string().optional(),
  mediaProductType: z.enum(['FEED', 'REELS', 'AD', 'STORY']).default('FEED'),
});

export const commentInput = z.object({
  postId: id,
  from: id,
  message: z.string(),
  /** A comment id to reply to; a top-level comment when absent. */
  parentId: id.optional(),
  /** Optional check: the post must belong to this Page. */
  pageId: id.optional(),
  commentId: id.optional(),
});

export const editCommentInput = z.object({ commentId: id, message: z.string() });
export const commentRefInput = z.object({ commentId: id });

export const reactionInput = z.object({
  postId: id,
  from: id,
  reactionType: z.enum(['like', 'love', 'haha', 'wow', 'sad', 'angry', 'care']).default('like'),
  /** React to this comment rather than to the post. */
  commentId: id.optional(),
  verb: z.enum(['add', 'edit', 'remove']).default('add'),
  pageId: id.optional(),
});

const attachment = z.object({
  type: z.string().min(1),
  url: z.string().optional(),
  /** Extra payload fields (e.g. `sticker_id`), merged next to `url`. */
  payload: z.record(z.string(), z.unknown()).optional(),
});

const direct = {
  text: z.string().optional(),
  attachments: z.array(attachment).optional(),
  mid: id.optional(),
};
const hasContent = (m: { text?: string | undefined; attachments?: unknown[] | undefined }) => m.text !== undefined || (m.attachments?.length ?? 0) > 0;

export const messengerMessageInput = z.object({
  pageId: id,
  psid: id,
  ...direct,
  quickReplyPayload: z.string().optional(),
  replyToMid: id.optional(),
}).refine(hasContent, 'A message needs text or attachments');

export const instagramCommentInput = z.object({
  mediaId: id,
  from: id,
  text: z.string(),
  parentId: id.optional(),
  commentId: id.optional(),
});

export const instagramDmInput = z.object({ pageId: id, igsid: id, ...direct }).refine(hasContent, 'A message needs text or attachments');

export const pageInboxReplyInput = z.object({
  pageId: id,
  psid: id,
  text: z.string().min(1),
  platform: z.enum(['messenger', 'instagram']).default('messenger'),
  /** Absent: a person replied from the Page inbox. Another id: another app sent it. */
  appId: id.optional(),
});

export type PageInput = z.input<typeof pageInput>;
export type UserInput = z.input<typeof userInput>;
export type PostInput = z.input<typeof postInput>;
export type MediaInput = z.input<typeof mediaInput>;
export type CommentInput = z.input<typeof commentInput>;
export type EditCommentInput = z.input<typeof editCommentInput>;
export type CommentRefInput = z.input<typeof commentRefInput>;
export type ReactionInput = z.input<typeof reactionInput>;
export type MessengerMessageInput = z.input<typeof messengerMessageInput>;
export type InstagramCommentInput = z.input<typeof instagramCommentInput>;
export type InstagramDmInput = z.input<typeof instagramDmInput>;
export type PageInboxReplyInput = z.input<typeof pageInboxReplyInput>;
