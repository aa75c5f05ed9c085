// The inbox endpoints of docs/api.md ("Inbox"), typed after its shapes.
import { request } from './client.ts';
import type {
  CannedReply, Channel, ComposerPolicy, ContactDetail, ConversationDetail, ConversationPatch, ConversationSummary,
  InboundDelivery, Label, Message, MoveToPrivateResult, ReplyInput,
} from '../../../../src/contracts/index.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/** `query` is already a query string (see inbox/list/filters.ts), without the `?`. */
export const listConversations = (query: string) =>
  request<{ conversations: ConversationSummary[]; nextCursor: string | null; searchCappedAt: number | null }>('GET', `${v1}/conversations${query ? `?${query}` : ''}`);
export const getConversation = (conversationId: string) =>
  request<{ conversation: ConversationDetail; messages: Message[] }>('GET', `${v1}/conversations/${id(conversationId)}`);
/** With `text`, each view's `remaining` is counted the platform's way for that draft. */
export const getPolicy = (conversationId: string, text?: string) =>
  request<ComposerPolicy>('GET', `${v1}/conversations/${id(conversationId)}/policy${text ? `?${new URLSearchParams({ text })}` : ''}`);
export const updateConversation = (conversationId: string, patch: ConversationPatch) =>
  request<ConversationSummary>('PATCH', `${v1}/conversations/${id(conversationId)}`, patch);
export const addConversationLabel = (conversationId: string, labelId: string) =>
  request<void>('POST', `${v1}/conversations/${id(conversationId)}/labels`, { labelId });
export const removeConversationLabel = (conversationId: string, labelId: string) =>
  request<void>('DELETE', `${v1}/conversations/${id(conversationId)}/labels/${id(labelId)}`);

export const sendMessage = (conversationId: string, input: ReplyInput) =>
  request<{ messageId: string; outboundId: string | null }>('POST', `${v1}/conversations/${id(conversationId)}/messages`, input);
export const moveToPrivate = (conversationId: string, input: { publicText: string; privateText?: string; idempotencyKey: string }) =>
  request<MoveToPrivateResult>('POST', `${v1}/conversations/${id(conversationId)}/move-to-private`, input);
export const retryOutbound = (outboundId: string) => request<unknown>('POST', `${v1}/outbound/${id(outboundId)}/retry`);

export type MessageAction = 'hide' | 'unhide' | 'delete' | 'like';
export const moderateMessage = (messageId: string, action: MessageAction, reason?: string) =>
  request<{ outboundId: string }>('POST', `${v1}/messages/${id(messageId)}/${action}`, reason ? { reason } : {});

export const getContact = (contactId: string) => request<ContactDetail>('GET', `${v1}/contacts/${id(contactId)}`);
export const addContactNote = (contactId: string, text: string) => request<unknown>('POST', `${v1}/contacts/${id(contactId)}/notes`, { text });
export const mergeContact = (contactId: string, intoContactId: string) =>
  request<void>('POST', `${v1}/contacts/${id(contactId)}/merge`, { intoContactId });

export const listLabels = () => request<{ labels: Label[] }>('GET', `${v1}/labels`);
export const createLabel = (input: { name: string; color: string }) => request<Label>('POST', `${v1}/labels`, input);
export const updateLabel = (labelId: string, input: { name: string; color: string }) => request<Label>('PATCH', `${v1}/labels/${id(labelId)}`, input);
export const deleteLabel = (labelId: string) => request<void>('DELETE', `${v1}/labels/${id(labelId)}`);

export const listCannedReplies = () => request<{ cannedReplies: CannedReply[] }>('GET', `${v1}/canned-replies`);
export const createCannedReply = (input: Omit<CannedReply, 'id'>) => request<CannedReply>('POST', `${v1}/canned-replies`, input);
export const updateCannedReply = (replyId: string, input: Omit<CannedReply, 'id'>) =>
  request<CannedReply>('PATCH', `${v1}/canned-replies/${id(replyId)}`, input);
export const deleteCannedReply = (replyId: string) => request<void>('DELETE', `${v1}/canned-replies/${id(replyId)}`);

export const listChannels = () => request<{ channels: Channel[] }>('GET', `${v1}/channels`);
export const connectMetaChannel = (input: { pageId: string; pageToken: string; instagramId?: string; apiBase?: string }) =>
  request<{ id: string }>('POST', `${v1}/channels`, { kind: 'meta', ...input });
export const connectXChannel = (input: { accountId: string; accessToken: string; apiBase?: string }) =>
  request<{ id: string }>('POST', `${v1}/channels`, { kind: 'x', ...input });

export const listParkedDeliveries = () => request<{ deliveries: InboundDelivery[] }>('GET', `${v1}/admin/inbound?status=parked`);
export const replayDelivery = (deliveryId: string) => request<unknown>('POST', `${v1}/admin/inbound/${id(deliveryId)}/replay`);

/** One line of the moderation register (`GET /api/v1/moderation`) and its filter: the contracts' types. */
export type { AuditEntry, RegisterEntry as ModerationEntry, RegisterFilter as ModerationFilter } from '../../../../src/contracts/index.ts';
import type { AuditEntry, RegisterEntry as ModerationEntry, RegisterFilter as ModerationFilter } from '../../../../src/contracts/index.ts';

/** The register's query string; the CSV link uses it too. */
export function moderationQuery(filter: ModerationFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}
export const listModeration = (filter: ModerationFilter) => request<{ entries: ModerationEntry[] }>('GET', `${v1}/moderation?${moderationQuery(filter, { limit: '500' })}`);

export const listAudit = () => request<{ entries: AuditEntry[] }>('GET', `${v1}/audit?limit=200`);

/** How many conversations each view holds for the signed-in person (API names: `pending` is « En attente »). */
export type { ViewCounts } from '../../../../src/contracts/index.ts';
import type { ViewCounts } from '../../../../src/contracts/index.ts';
export const getViewCounts = () => request<{ counts: ViewCounts }>('GET', `${v1}/conversations/counts`);
