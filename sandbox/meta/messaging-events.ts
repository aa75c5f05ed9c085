/**
 * Direct-message events in `messaging[]`: a customer's Messenger or Instagram message, and
 * the echo Meta sends when the Page itself speaks (PLATFORMS §1.5, §1.6). Builders record the
 * message in its conversation first; a customer message (re)opens the messaging window.
 */
import type { EventContext, MetaEvent, MetaObject } from './event.ts';
import {
  instagramDmInput, messengerMessageInput, pageInboxReplyInput,
  type InstagramDmInput, type MessengerMessageInput, type PageInboxReplyInput,
} from './inputs.ts';
import {
  conversationOf, instagramAccount, requirePage, requireUser,
  type ConversationRecord, type MessageRecord, type MessagingPlatform, type PageRecord,
} from './world.ts';

export interface MessageIds {
  mid: string;
  pageId: string;
  /** The customer: PSID on Messenger, IGSID on Instagram. */
  userId: string;
  /** The entry id: the Page id, or its Instagram account id. */
  accountId: string;
}

interface UserMessage {
  text?: string | undefined;
  attachments?: Array<{ type: string; url?: string | undefined; payload?: Record<string, unknown> | undefined }> | undefined;
  mid?: string | undefined;
  quickReplyPayload?: string | undefined;
  replyToMid?: string | undefined;
}

export function messengerMessage(ctx: EventContext, input: MessengerMessageInput): MetaEvent<MessageIds> {
  const { pageId, psid, ...message } = messengerMessageInput.parse(input);
  return userMessage(ctx, 'messenger', pageId, psid, message);
}

export function instagramDm(ctx: EventContext, input: InstagramDmInput): MetaEvent<MessageIds> {
  const { pageId, igsid, ...message } = instagramDmInput.parse(input);
  return userMessage(ctx, 'instagram', pageId, igsid, message);
}

/** A person (or another app, with `appId`) answered from the Page inbox: only an echo tells. */
export function pageInboxReply(ctx: EventContext, input: PageInboxReplyInput): MetaEvent<MessageIds> {
  const { pageId, psid, text, platform, appId } = pageInboxReplyInput.parse(input);
  const page = requirePage(ctx.world, pageId);
  requireUser(ctx.world, psid);
  const conversation = conversationOf(ctx.world, platform, page.id, psid, ctx.ids.thread);
  const record: MessageRecord = { mid: newMid(ctx, platform, page), at: ctx.clock.now(), fromUser: false, text, appId };
  conversation.messages.push(record);
  return echoEvent(ctx, conversation, record);
}

/**
 * The echo of a message the Page sent: sender and recipient swapped, `is_echo: true`, and on
 * Messenger the sending app's `app_id` (a JSON number, as Meta sends it) when an app sent it.
 */
export function echoEvent(ctx: EventContext, conversation: ConversationRecord, record: MessageRecord): MetaEvent<MessageIds> {
  const page = requirePage(ctx.world, conversation.pageId);
  const accountId = accountOf(page, conversation.platform);
  const message = {
    mid: record.mid, is_echo: true,
    ...(conversation.platform === 'messenger' && record.appId ? { app_id: appIdValue(record.appId) } : {}),
    ...(record.metadata !== undefined ? { metadata: record.metadata } : {}),
    ...(record.text !== undefined ? { text: record.text } : {}),
    ...(record.attachments ? { attachments: record.attachments } : {}),
  };
  return {
    object: objectOf(conversation.platform), entryId: accountId, kind: 'messaging',
    item: { sender: { id: accountId }, recipient: { id: conversation.userId }, timestamp: record.at, message },
    ids: { mid: record.mid, pageId: page.id, userId: conversation.userId, accountId },
  };
}

export function newMid(ctx: EventContext, platform: MessagingPlatform, page: PageRecord): string {
  return platform === 'instagram' ? ctx.ids.instagramMid(instagramAccount(page)) : ctx.ids.messengerMid();
}

function userMessage(ctx: EventContext, platform: MessagingPlatform, pageId: string, userId: string, input: UserMessage): MetaEvent<MessageIds> {
  const page = requirePage(ctx.world, pageId);
  requireUser(ctx.world, userId);
  const accountId = accountOf(page, platform);
  const now = ctx.clock.now();
  const mid = input.mid ?? newMid(ctx, platform, page);
  const attachments = input.attachments?.map((a) => ({ type: a.type, payload: { ...(a.url !== undefined ? { url: a.url } : {}), ...a.payload } }));
  const conversation = conversationOf(ctx.world, platform, page.id, userId, ctx.ids.thread);
  conversation.messages.push({ mid, at: now, fromUser: true, text: input.text, attachments });
  conversation.lastUserMessageAt = now;
  const message = {
    mid,
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(attachments ? { attachments } : {}),
    ...(input.quickReplyPayload !== undefined ? { quick_reply: { payload: input.quickReplyPayload } } : {}),
    ...(input.replyToMid !== undefined ? { reply_to: { mid: input.replyToMid } } : {}),
  };
  return {
    object: objectOf(platform), entryId: accountId, kind: 'messaging',
    item: { sender: { id: userId }, recipient: { id: accountId }, timestamp: now, message },
    ids: { mid, pageId: page.id, userId, accountId },
  };
}

function accountOf(page: PageRecord, platform: MessagingPlatform): string {
  return platform === 'instagram' ? instagramAccount(page) : page.id;
}

function objectOf(platform: MessagingPlatform): MetaObject {
  return platform === 'instagram' ? 'instagram' : 'page';
}

function appIdValue(appId: string): number | string {
  return /^\d+$/.test(appId) && Number.isSafeInteger(Number(appId)) ? Number(appId) : appId;
}
