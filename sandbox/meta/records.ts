/**
 * What Relais did to the platform, recorded for tests' assertions. These are the sandbox's
 * own notes, separate from the world (which is what Graph itself would answer).
 */
import type { CommentPlatform, MessagingPlatform } from './world.ts';

export interface SentMessage {
  messageId: string;
  pageId: string;
  platform: MessagingPlatform;
  /** As Relais sent it: `{ id }` or `{ comment_id }`. */
  recipient: Record<string, unknown>;
  /** The user the message reached. */
  recipientId: string;
  messagingType?: string | undefined;
  tag?: string | undefined;
  text?: string | undefined;
  attachment?: unknown;
  metadata?: string | undefined;
  /** Set for a private reply to a comment. */
  commentId?: string | undefined;
  at: number;
}

export interface PublicReply {
  id: string;
  platform: CommentPlatform;
  pageId: string;
  /** The comment, post or media replied to. */
  parentId: string;
  message: string;
  at: number;
}

export interface HideRecord {
  commentId: string;
  platform: CommentPlatform;
  hidden: boolean;
  at: number;
}

export interface DeleteRecord {
  commentId: string;
  platform: CommentPlatform;
  at: number;
}

export interface LikeRecord {
  objectId: string;
  liked: boolean;
  at: number;
}

export interface GraphCall {
  method: string;
  /** Without the version prefix: `/1234/messages`. */
  path: string;
  version: string;
  /** Query and body parameters merged, without `access_token`. */
  params: Record<string, unknown>;
  /** Absent while unanswered, and forever for a call that hung. */
  status?: number | undefined;
  pageId?: string | undefined;
  at: number;
}

export interface MetaLog {
  sent: SentMessage[];
  replies: PublicReply[];
  hidden: HideRecord[];
  deleted: DeleteRecord[];
  likes: LikeRecord[];
  calls: GraphCall[];
}

export function createMetaLog(): MetaLog {
  return { sent: [], replies: [], hidden: [], deleted: [], likes: [], calls: [] };
}

/** Empties in place, so arrays a test already holds stay live. */
export function clearLog(log: MetaLog): void {
  for (const list of Object.values(log)) list.length = 0;
}
