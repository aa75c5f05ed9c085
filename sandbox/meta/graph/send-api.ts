/**
 * The Send API, `POST /{page-id | ig-id | me}/messages` (PLATFORMS §1.7–1.8), with the
 * policies Meta enforces: the 24 h standard window from the user's last message, HUMAN_AGENT
 * up to 7 days, one private reply per comment within 7 days of it, and text limits.
 */
import { isRecord } from '../../http-io.ts';
import { echoEvent, newMid } from '../messaging-events.ts';
import { conversationOf, findConversation, type ConversationRecord, type MessagingPlatform, type PageRecord } from '../world.ts';
import type { GraphContext, GraphRequest, GraphResult } from './context.ts';
import { graphErrors } from './graph-error.ts';

const dayMs = 24 * 3_600_000;
const standardWindowMs = dayMs;
const humanAgentWindowMs = 7 * dayMs;
const privateReplyWindowMs = 7 * dayMs;
const messagingTypes = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];

export function sendMessage(ctx: GraphContext, req: GraphRequest): GraphResult {
  const { page, nodeId, params } = req;
  const viaInstagram = nodeId === page.instagramId;
  if (nodeId !== page.id && !viaInstagram) throw graphErrors.noObject(nodeId, 'POST');
  const recipient = objectParam(params.recipient, 'recipient');
  if (!recipient) throw graphErrors.param('param recipient must be non-empty.');
  const message = objectParam(params.message, 'message');
  if (!message) {
    if (typeof params.sender_action === 'string' && typeof recipient.id === 'string') return { body: { recipient_id: recipient.id } };
    throw graphErrors.param('Must send either message or state');
  }
  const text = typeof message.text === 'string' ? message.text : undefined;
  if (text === undefined && message.attachment === undefined) throw graphErrors.param('param message must have text or attachment');
  const metadata = typeof message.metadata === 'string' ? message.metadata : undefined;
  const { messagingType, tag } = messagingTypeOf(params, typeof recipient.comment_id === 'string');

  let conversation: ConversationRecord;
  let commentId: string | undefined;
  if (typeof recipient.comment_id === 'string') {
    const comment = privateReplyTarget(ctx, page, recipient.comment_id);
    commentId = comment.id;
    conversation = conversationOf(ctx.world, comment.platform === 'instagram' ? 'instagram' : 'messenger', page.id, comment.fromId, ctx.ids.thread);
    checkLength(text, conversation.platform);
    comment.privateReplyAt = ctx.clock.now();
  } else if (typeof recipient.id === 'string') {
    conversation = openConversation(ctx, page, recipient.id, viaInstagram, tag === 'HUMAN_AGENT' ? humanAgentWindowMs : standardWindowMs);
    checkLength(text, conversation.platform);
  } else {
    throw graphErrors.param('Param recipient[id] must be a valid ID string (e.g. "123")');
  }

  const now = ctx.clock.now();
  const attachments = message.attachment === undefined ? undefined : [message.attachment];
  const record = { mid: newMid(ctx, conversation.platform, page), at: now, fromUser: false, text, attachments, metadata, appId: ctx.appId };
  conversation.messages.push(record);
  ctx.log.sent.push({
    messageId: record.mid, pageId: page.id, platform: conversation.platform, recipient, recipientId: conversation.userId,
    messagingType, tag, text, attachment: message.attachment, metadata, commentId, at: now,
  });
  return {
    body: { recipient_id: conversation.userId, message_id: record.mid },
    after: () => ctx.echo([echoEvent(ctx, conversation, record)]),
  };
}

/** Private replies need no messaging_type; other sends must name one (Meta made it mandatory). */
function messagingTypeOf(params: Record<string, unknown>, privateReply: boolean): { messagingType?: string; tag?: string } {
  const messagingType = typeof params.messaging_type === 'string' ? params.messaging_type : undefined;
  const tag = typeof params.tag === 'string' ? params.tag : undefined;
  if (messagingType === undefined) {
    if (privateReply) return { tag };
    throw graphErrors.param('The parameter messaging_type is required');
  }
  if (!messagingTypes.includes(messagingType)) throw graphErrors.param(`Param messaging_type must be one of {${messagingTypes.join(', ')}} - got "${messagingType}"`);
  if (messagingType === 'MESSAGE_TAG') {
    if (tag === undefined) throw graphErrors.param('Param tag is required when messaging_type is MESSAGE_TAG');
    // PLATFORMS §6.3: other tags have been cut back; the sandbox does not pretend to know them.
    if (tag !== 'HUMAN_AGENT') throw graphErrors.param(`Param tag "${tag}" is not supported by the sandbox (HUMAN_AGENT only)`);
  }
  return { messagingType, tag: messagingType === 'MESSAGE_TAG' ? tag : undefined };
}

/** The user's conversation with the Page, if their last message is recent enough. */
function openConversation(ctx: GraphContext, page: PageRecord, userId: string, viaInstagram: boolean, windowMs: number): ConversationRecord {
  if (!ctx.world.users.has(userId)) throw graphErrors.noMatchingUser();
  const platforms: MessagingPlatform[] = viaInstagram ? ['instagram'] : page.instagramId ? ['messenger', 'instagram'] : ['messenger'];
  const candidates = platforms.map((p) => findConversation(ctx.world, p, page.id, userId)).filter((c) => c !== undefined);
  // A PSID the Page never talked with does not exist for that Page.
  if (candidates.length === 0) throw graphErrors.noMatchingUser();
  const latest = candidates.reduce((a, b) => ((b.lastUserMessageAt ?? -1) > (a.lastUserMessageAt ?? -1) ? b : a));
  if (latest.lastUserMessageAt === undefined || ctx.clock.now() - latest.lastUserMessageAt > windowMs) throw graphErrors.outsideWindow();
  return latest;
}

function privateReplyTarget(ctx: GraphContext, page: PageRecord, commentId: string) {
  const comment = ctx.world.comments.get(commentId);
  if (!comment || comment.deleted || comment.pageId !== page.id || comment.byPage) throw graphErrors.noObject(commentId, 'POST');
  if (comment.privateReplyAt !== undefined) throw graphErrors.alreadyReplied();
  if (ctx.clock.now() - comment.createdAt > privateReplyWindowMs) throw graphErrors.tooOldToReply();
  return comment;
}

/** Messenger: 2,000 characters. Instagram: 1,000 bytes of UTF-8 (PLATFORMS §1.7). */
function checkLength(text: string | undefined, platform: MessagingPlatform): void {
  if (text === undefined) return;
  if (platform === 'messenger' && [...text].length > 2000) throw graphErrors.param('Length of param message[text] must be less than or equal to 2000');
  if (platform === 'instagram' && Buffer.byteLength(text) > 1000) throw graphErrors.param('Length of param message[text] must be less than or equal to 1000 bytes');
}

/** Graph takes nested objects as JSON strings in a query or form, or as objects in JSON. */
export function objectParam(value: unknown, name: string): Record<string, unknown> | undefined {
  if (value === undefined || value === '') return undefined;
  if (isRecord(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRecord(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  throw graphErrors.param(`param ${name} must be a JSON object`);
}
