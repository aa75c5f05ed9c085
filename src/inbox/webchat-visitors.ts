import { AppError, newSecret } from '../kernel/index.ts';
import { readWebchatSettings, WEBCHAT_SURFACE, type WebchatSettings } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import type { InboxDeps } from './deps.ts';

/** A site-chat channel as the widget routes need it. */
export interface WebchatChannel {
  workspaceId: string;
  channelId: string;
  /** The routing id deliveries carry (`channel_routes.account_id`). */
  account: string;
  name: string;
  settings: WebchatSettings;
}

/** The active site-chat channel behind a widget's `data-channel`, or `channel.not_found`. */
export async function loadWebchatChannel(db: Db, channelId: string): Promise<WebchatChannel> {
  const row = await db.selectFrom('channels').select(['workspace_id', 'id', 'external_id', 'name', 'settings'])
    .where('id', '=', channelId).where('kind', '=', 'webchat').where('status', '=', 'active').executeTakeFirst();
  if (!row || !row.external_id) throw new AppError('channel.not_found', 'No site chat with this id');
  return { workspaceId: row.workspace_id, channelId: row.id, account: row.external_id, name: row.name, settings: readWebchatSettings(JSON.parse(row.settings) as Record<string, unknown>) };
}

export const visitorThreadKey = (visitorId: string) => `${WEBCHAT_SURFACE}:${visitorId}`;

/** A new anonymous visitor on a channel; its id goes into the token Relais signs. */
export async function createVisitor(deps: Pick<InboxDeps, 'db' | 'clock'>, channel: WebchatChannel): Promise<string> {
  const now = deps.clock.now();
  const id = `v_${newSecret(16)}`;
  await deps.db.insertInto('webchat_visitors').values({
    workspace_id: channel.workspaceId, id, channel_id: channel.channelId, contact_id: null, identity_status: 'anonymous', email: null, name: null,
    customer_id: null, cart_token: null, visitor_read_at: null, agent_read_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

export async function visitorExists(db: Db, channel: WebchatChannel, visitorId: string): Promise<boolean> {
  const row = await db.selectFrom('webchat_visitors').select('id').where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('id', '=', visitorId).executeTakeFirst();
  return Boolean(row);
}

/** A message as the visitor sees it: never a note, never who classified what. */
export interface VisitorMessage {
  id: string;
  /** `in` is the visitor's own; `out` the team's. */
  direction: 'in' | 'out';
  text: string;
  attachments: unknown[];
  at: number;
  /** The widget's own id for a message it sent, to replace its pending copy. */
  clientMessageId: string | null;
}

function toVisitorMessage(row: { id: string; direction: 'in' | 'out'; text: string; attachments: string; platform_created_at: number | null; created_at: number; external_id: string | null }, visitorId: string): VisitorMessage {
  const prefix = `${visitorId}:`;
  return {
    id: row.id, direction: row.direction, text: row.text, attachments: JSON.parse(row.attachments) as unknown[],
    at: row.platform_created_at ?? row.created_at,
    clientMessageId: row.direction === 'in' && row.external_id?.startsWith(prefix) ? row.external_id.slice(prefix.length) : null,
  };
}

async function visitorConversation(db: Db, channel: WebchatChannel, visitorId: string) {
  return db.selectFrom('conversations').select(['id']).where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('external_thread_id', '=', visitorThreadKey(visitorId)).executeTakeFirst();
}

/** How many of a thread's messages a widget shows: the latest ones. */
const HISTORY_LIMIT = 500;

/** What a returning visitor sees: the thread so far (its latest messages) and how far the team has read it. */
export async function visitorHistory(deps: Pick<InboxDeps, 'db'>, channel: WebchatChannel, visitorId: string, options: { messages?: boolean } = {}) {
  const [conversation, visitor] = await Promise.all([
    visitorConversation(deps.db, channel, visitorId),
    deps.db.selectFrom('webchat_visitors').select(['agent_read_at', 'identity_status', 'email']).where('workspace_id', '=', channel.workspaceId).where('id', '=', visitorId).executeTakeFirst(),
  ]);
  // `messages: false` answers the thread's id and marks alone (the live line needs no more).
  const rows = conversation && options.messages !== false
    ? await deps.db.selectFrom('messages').select(['id', 'direction', 'text', 'attachments', 'platform_created_at', 'created_at', 'external_id'])
      .where('workspace_id', '=', channel.workspaceId).where('conversation_id', '=', conversation.id).where('kind', '!=', 'note').where('status', '!=', 'deleted')
      .orderBy((eb) => eb.fn.coalesce('platform_created_at', 'created_at'), 'desc').orderBy('seq', 'desc').limit(HISTORY_LIMIT).execute()
    : [];
  return {
    conversationId: conversation?.id ?? null,
    // The latest messages, shown oldest first.
    messages: rows.reverse().map((row) => toVisitorMessage(row, visitorId)),
    agentReadAt: visitor?.agent_read_at ?? null,
    emailGiven: Boolean(visitor?.email),
  };
}

/**
 * One message for a visitor's open widget, when it belongs to their thread and is theirs to
 * see (a note never is). The gateway calls this for each `message.created` on the bus.
 */
export async function visitorMessage(db: Db, channel: WebchatChannel, visitorId: string, messageId: string): Promise<VisitorMessage | null> {
  const row = await db.selectFrom('messages as m').innerJoin('conversations as c', (join) => join.onRef('c.workspace_id', '=', 'm.workspace_id').onRef('c.id', '=', 'm.conversation_id'))
    .select(['m.id', 'm.direction', 'm.text', 'm.attachments', 'm.platform_created_at', 'm.created_at', 'm.external_id', 'm.kind', 'm.status'])
    .where('m.workspace_id', '=', channel.workspaceId).where('m.id', '=', messageId)
    .where('c.channel_id', '=', channel.channelId).where('c.external_thread_id', '=', visitorThreadKey(visitorId)).executeTakeFirst();
  if (!row || row.kind === 'note' || row.status === 'deleted') return null;
  return toVisitorMessage(row, visitorId);
}

/** The message an outbound row carried, for the gateway to push once it is sent. */
export async function outboundMessageId(db: Db, workspaceId: string, outboundId: string): Promise<string | null> {
  const row = await db.selectFrom('outbound').select('message_id').where('workspace_id', '=', workspaceId).where('id', '=', outboundId).executeTakeFirst();
  return row?.message_id ?? null;
}

/** Read marks, both ways: the visitor read the team's messages, or an agent opened the thread. */
export async function markWebchatRead(deps: Pick<InboxDeps, 'db' | 'clock'>, channel: WebchatChannel, visitorId: string, side: 'visitor' | 'agent'): Promise<{ at: number; conversationId: string | null }> {
  const at = deps.clock.now();
  await deps.db.updateTable('webchat_visitors').set(side === 'visitor' ? { visitor_read_at: at, updated_at: at } : { agent_read_at: at, updated_at: at })
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('id', '=', visitorId).execute();
  const conversation = await visitorConversation(deps.db, channel, visitorId);
  return { at, conversationId: conversation?.id ?? null };
}

/** Out of hours the widget takes an email so the answer can follow; it stays unverified. */
export async function leaveVisitorEmail(deps: Pick<InboxDeps, 'db' | 'clock'>, channel: WebchatChannel, visitorId: string, email: string): Promise<void> {
  const now = deps.clock.now();
  const visitor = await deps.db.selectFrom('webchat_visitors').select('identity_status').where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('id', '=', visitorId).executeTakeFirst();
  // A verified email (from the shop) is better than one typed in the widget.
  if (!visitor || visitor.identity_status === 'verified') return;
  await deps.db.updateTable('webchat_visitors').set({ email: email.toLowerCase(), identity_status: 'unverified', updated_at: now })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', visitorId).execute();
}
