/**
 * Builds the `Facts` rules see from stored data: the channel, the message and its stored
 * classification, the conversation's labels, business hours, and whether the customer has
 * an order or an open cart. One batch of queries for many messages, so a dry-run over a
 * month of comments costs a handful of queries.
 */
import type { BusinessHours, Facts } from '../../care/index.ts';
import { careSettingsFor } from '../care-settings.ts';
import { parseIntentKey, type Classifier, type Intent, type Language, type Sentiment } from '../../insight/index.ts';
import type { Db } from '../../store/index.ts';

export interface MessageForFacts {
  messageId: string | null;
  conversationId: string;
  channelId: string;
  channelKind: string;
  conversationKind: 'public' | 'private';
  contactId: string | null;
  text: string;
  meta: string;
  language: string | null;
  sentiment: Sentiment | null;
  intents: string | null;
  at: number;
}

/** The business hours that apply to a channel: its own, else the workspace's, else the defaults. */
export async function hoursFor(deps: { db: Db }, workspaceId: string, channelId: string): Promise<BusinessHours> {
  return (await careSettingsFor(deps, workspaceId, channelId)).hours;
}

/** The columns `MessageForFacts` reads, from messages joined to conversations and channels. */
export function messagesForFacts(db: Db, workspaceId: string) {
  return db.selectFrom('messages as m')
    .innerJoin('conversations as c', (join) => join.onRef('c.id', '=', 'm.conversation_id').onRef('c.workspace_id', '=', 'm.workspace_id'))
    .innerJoin('channels as ch', (join) => join.onRef('ch.id', '=', 'm.channel_id').onRef('ch.workspace_id', '=', 'm.workspace_id'))
    .select(['m.id as messageId', 'm.conversation_id as conversationId', 'm.channel_id as channelId', 'ch.kind as channelKind', 'c.kind as conversationKind',
      'c.contact_id as contactId', 'm.text', 'm.meta', 'm.language', 'm.sentiment', 'm.intents', 'm.created_at', 'm.platform_created_at'])
    .where('m.workspace_id', '=', workspaceId);
}

export function toMessageForFacts(row: { platform_created_at: number | null; created_at: number } & Omit<MessageForFacts, 'at'>): MessageForFacts {
  const { platform_created_at, created_at, ...rest } = row;
  return { ...rest, at: platform_created_at ?? created_at };
}

function storedIntents(json: string | null): Intent[] {
  if (!json) return [];
  return (JSON.parse(json) as string[]).flatMap((key) => {
    const intent = parseIntentKey(key);
    return intent ? [intent] : [];
  });
}

/**
 * @example const [facts] = await gatherFacts(db, ws, [row], now) // { channelKind: 'meta', sentiment: 'negative', … }
 */
export async function gatherFacts(db: Db, workspaceId: string, rows: MessageForFacts[], options: { classifier?: Classifier | undefined; at?: number } = {}): Promise<Facts[]> {
  if (rows.length === 0) return [];
  const conversationIds = [...new Set(rows.map((r) => r.conversationId))];
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const labels = new Map<string, string[]>();
  for (const chunk of chunks(conversationIds)) {
    const found = await db.selectFrom('conversation_labels').select(['conversation_id', 'label_id']).where('workspace_id', '=', workspaceId).where('conversation_id', 'in', chunk).execute();
    for (const row of found) labels.set(row.conversation_id, [...(labels.get(row.conversation_id) ?? []), row.label_id]);
  }
  const withOrder = new Set<string>();
  const withCart = new Set<string>();
  for (const chunk of chunks(contactIds)) {
    const orders = await db.selectFrom('orders').select('contact_id').distinct().where('workspace_id', '=', workspaceId).where('contact_id', 'in', chunk).execute();
    for (const row of orders) if (row.contact_id) withOrder.add(row.contact_id);
    const carts = await db.selectFrom('checkouts').select('contact_id').distinct().where('workspace_id', '=', workspaceId).where('contact_id', 'in', chunk)
      .where('completed_at', 'is', null).where('order_id', 'is', null).execute();
    for (const row of carts) if (row.contact_id) withCart.add(row.contact_id);
  }
  const hours = new Map<string, BusinessHours>();
  for (const channelId of new Set(rows.map((r) => r.channelId))) hours.set(channelId, await hoursFor({ db }, workspaceId, channelId));

  return rows.map((row) => {
    // Stored classification first; a message stored without one is classified now, never guessed.
    const live = row.sentiment === null && row.text.trim() !== '' ? options.classifier?.classify(row.text) : undefined;
    return {
      channelKind: row.channelKind,
      surface: String((JSON.parse(row.meta) as { surface?: unknown }).surface ?? ''),
      visibility: row.conversationKind === 'public' ? 'public' : 'private',
      text: row.text,
      language: (live?.language ?? row.language ?? 'other') as Language,
      sentiment: live?.sentiment ?? row.sentiment ?? 'neutral',
      intents: live ? live.intents : storedIntents(row.intents),
      labels: labels.get(row.conversationId) ?? [],
      at: options.at ?? row.at,
      hours: hours.get(row.channelId)!,
      contact: { hasOrder: row.contactId !== null && withOrder.has(row.contactId), hasOpenCart: row.contactId !== null && withCart.has(row.contactId) },
    };
  });
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
