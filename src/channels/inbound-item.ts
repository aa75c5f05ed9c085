/**
 * The platform-neutral vocabulary of what arrives from a channel. A provider's `parse`
 * turns one webhook delivery into a list of these; the inbox turns them into contacts,
 * conversations and messages. Nothing here names a provider's field.
 */

export interface Party {
  /** The platform's id for the person (PSID, IGSID, commenter id, X user id). */
  externalId: string;
  name?: string | undefined;
  handle?: string | undefined;
}

export interface Attachment {
  type: 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'location' | 'share' | 'other';
  url?: string | undefined;
  name?: string | undefined;
}

interface ItemBase {
  /** The page, account or shop the event belongs to: routes it to one channel. */
  accountId: string;
  /** When it happened on the platform (epoch ms). */
  occurredAt: number;
}

/** A private message (Messenger, Instagram DM, X DM, site chat). */
export interface MessageItem extends ItemBase {
  type: 'message';
  surface: string; // 'messenger' | 'instagram' | …
  externalId: string; // the platform message id (mid)
  /** The customer in the thread, whoever wrote this message. */
  customer: Party;
  /** `out` for the brand's own messages (echoes): sent by Relais or from elsewhere. */
  direction: 'in' | 'out';
  /** For `out`: the app that sent it, so our own sends are matched rather than duplicated. */
  sentByApp?: string | null | undefined;
  /** For `out`: what Relais attached to its send (the outbound id), echoed back. */
  metadata?: string | null | undefined;
  text: string;
  attachments: Attachment[];
  replyToExternalId?: string | undefined;
  /** The customer unsent it (Instagram). */
  deleted?: boolean | undefined;
}

/** A public comment and what happens to it. */
export interface CommentItem extends ItemBase {
  type: 'comment';
  surface: string; // 'facebook' | 'instagram'
  action: 'add' | 'edit' | 'remove' | 'hide' | 'unhide';
  externalId: string; // the comment id
  /** The top-level comment of the thread (itself when top-level): one conversation each. */
  threadExternalId: string;
  parentExternalId: string | null;
  post: { externalId: string; text?: string | undefined; permalink?: string | undefined };
  author: Party;
  /** Written by the page or account itself (a reply from us or from the page's admins). */
  byAccount: boolean;
  text?: string | undefined;
}

/** A reaction on a post or comment: counted on the post, never a conversation. */
export interface ReactionItem extends ItemBase {
  type: 'reaction';
  surface: string;
  targetExternalId: string;
  reaction: string;
  action: 'add' | 'remove';
  author: Party;
}

/** Deliveries, reads, typing: kept as signals, not messages. */
export interface SignalItem extends ItemBase {
  type: 'signal';
  surface: string;
  signal: 'delivered' | 'read' | 'typing' | 'other';
  customer: Party;
  watermark?: number | undefined;
}

export type InboundItem = MessageItem | CommentItem | ReactionItem | SignalItem;
