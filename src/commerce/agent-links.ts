import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { linkSameEmail, propagateLink, type LinkMethod } from './link-identities.ts';

/**
 * Order numbers as customers write them: "#1001", "commande 1001", "commande n°1001",
 * "order #1001", "numéro de commande : 1001". Three digits at least, so prices and
 * quantities do not look like orders.
 */
const ORDER_NUMBER = /(?:#|\bn[°o]\s*|\bcommande\s*(?:n[°o]\.?\s*|#|num[ée]ro\s*|:\s*)?|\border\s*(?:#|no\.?\s*|number\s*)?|num[ée]ro\s+de\s+commande\s*:?\s*)(\d{3,12})\b/giu;

export function findOrderNumbers(text: string): string[] {
  return [...new Set([...text.matchAll(ORDER_NUMBER)].map((match) => match[1]!))];
}

export interface LinkSuggestion {
  orderId: string;
  number: string;
  shopCustomerId: string | null;
  customerName: string | null;
  email: string | null;
  totalCents: number;
  currency: string;
  placedAt: number;
  /** The message that names the order. */
  messageId: string;
}

const MESSAGES_SCANNED = 100;

/**
 * Orders named in the contact's own messages that are not linked to them yet: an agent
 * confirms (or ignores) each. Only this workspace's orders are looked at.
 */
export async function suggestOrderLinks(db: Db, workspaceId: string, contactId: string): Promise<LinkSuggestion[]> {
  const messages = await db.selectFrom('messages as m').innerJoin('conversations as v', (join) => join.onRef('v.workspace_id', '=', 'm.workspace_id').onRef('v.id', '=', 'm.conversation_id'))
    .select(['m.id', 'm.text']).where('m.workspace_id', '=', workspaceId).where('v.contact_id', '=', contactId).where('m.direction', '=', 'in')
    .orderBy('m.seq', 'desc').limit(MESSAGES_SCANNED).execute();
  const named = new Map<string, string>();
  for (const message of messages) for (const number of findOrderNumbers(message.text)) if (!named.has(number)) named.set(number, message.id);
  if (named.size === 0) return [];
  const candidates = [...named.keys()].flatMap((number) => [number, `#${number}`]);
  const orders = await db.selectFrom('orders as o').leftJoin('shop_customers as c', (join) => join.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.id', '=', 'o.shop_customer_id'))
    .select(['o.id', 'o.number', 'o.shop_customer_id', 'o.email', 'o.total_cents', 'o.currency', 'o.placed_at', 'o.contact_id', 'c.contact_id as customerContactId', 'c.first_name', 'c.last_name'])
    .where('o.workspace_id', '=', workspaceId).where('o.number', 'in', candidates).orderBy('o.placed_at', 'desc').limit(20).execute();
  return orders
    .filter((order) => order.contact_id !== contactId && order.customerContactId !== contactId)
    .map((order) => ({
      orderId: order.id, number: order.number, shopCustomerId: order.shop_customer_id, customerName: [order.first_name, order.last_name].filter(Boolean).join(' ') || null,
      email: order.email, totalCents: Number(order.total_cents), currency: order.currency, placedAt: Number(order.placed_at),
      messageId: named.get(order.number.replace(/^#/, ''))!,
    }));
}

async function requireContact(db: Db, workspaceId: string, contactId: string): Promise<void> {
  const contact = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
}

/**
 * An agent's link: a shop customer (by hand, `agent`) or the customer of a suggested order
 * (`order_number`). An agent may move a link another method made; that is the point.
 */
export async function linkShopCustomer(db: Db, workspaceId: string, contactId: string, target: { shopCustomerId: string } | { orderId: string }, now: number): Promise<{ shopCustomerId: string | null; method: LinkMethod }> {
  return db.transaction().execute(async (trx) => {
    await requireContact(trx, workspaceId, contactId);
    let shopCustomerId: string | null;
    let method: LinkMethod;
    if ('orderId' in target) {
      const order = await trx.selectFrom('orders').select(['id', 'shop_customer_id']).where('workspace_id', '=', workspaceId).where('id', '=', target.orderId).executeTakeFirst();
      if (!order) throw new AppError('request.not_found', 'Order not found');
      shopCustomerId = order.shop_customer_id;
      method = 'order_number';
      // An order without any customer (no account, no email) is linked on its own.
      if (!shopCustomerId) await trx.updateTable('orders').set({ contact_id: contactId, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', order.id).execute();
    } else {
      shopCustomerId = target.shopCustomerId;
      method = 'agent';
    }
    if (shopCustomerId) {
      const result = await trx.updateTable('shop_customers').set({ contact_id: contactId, link_method: method, updated_at: now })
        .where('workspace_id', '=', workspaceId).where('id', '=', shopCustomerId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('request.not_found', 'Shop customer not found');
      await propagateLink(trx, workspaceId, shopCustomerId, contactId);
      await linkSameEmail(trx, workspaceId, shopCustomerId, contactId, now);
    }
    return { shopCustomerId, method };
  });
}

/**
 * Undoes a link. The row keeps `link_method = 'agent'` with no contact: an agent decided,
 * so email and phone matching leave it alone from then on (only an agent links it again).
 */
export async function unlinkShopCustomer(db: Db, workspaceId: string, contactId: string, shopCustomerId: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('shop_customers').set({ contact_id: null, link_method: 'agent', updated_at: now })
      .where('workspace_id', '=', workspaceId).where('id', '=', shopCustomerId).where('contact_id', '=', contactId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('request.not_found', 'No such link for this contact');
    await propagateLink(trx, workspaceId, shopCustomerId, null);
  });
}
