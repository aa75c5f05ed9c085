import type { Db } from '../store/index.ts';

/** Everything that names one erasure's people, found from their contacts and shop records. */
export interface Subject {
  contactIds: string[];
  conversationIds: string[];
  messageIds: string[];
  shopCustomerIds: string[];
  orderIds: string[];
  checkoutIds: string[];
  /** Site-chat visitors: linked to a contact, or behind one of the subject's conversations. */
  visitorIds: string[];
  /** Strings that identify them in free text (raw bodies, job payloads, logs): lower-cased. */
  needles: string[];
}

export interface SubjectSeed {
  contactIds?: string[];
  shopCustomerIds?: string[];
  orderIds?: string[];
}

const MIN_NEEDLE = 6;
/** A site-chat conversation's thread key: `webchat:<visitor id>` (see inbox's visitorThreadKey). */
const WEBCHAT_THREAD = 'webchat:';
const chunk = <T>(items: T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** As a string appears inside JSON that escapes non-ASCII (`\u00e9`) and slashes (`\/`), as Meta sends it. */
function jsonEscaped(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/');
}

export function needlesOf(values: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const text = value?.trim().toLowerCase();
    if (!text || text.length < MIN_NEEDLE) continue;
    out.add(text);
    out.add(jsonEscaped(text));
    out.add(JSON.stringify(text).slice(1, -1));
  }
  return [...out];
}

async function inChunks<T>(ids: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const part of chunk(ids)) rows.push(...(await query(part)));
  return rows;
}

/** Follows contacts → conversations → messages, and shop customers ↔ contacts → orders and checkouts. */
export async function gatherSubject(db: Db, workspaceId: string, seed: SubjectSeed): Promise<Subject> {
  const contactIds = new Set(seed.contactIds ?? []);
  const customerIds = new Set(seed.shopCustomerIds ?? []);
  const orderIds = new Set(seed.orderIds ?? []);
  if (orderIds.size > 0) {
    for (const order of await inChunks([...orderIds], (ids) => db.selectFrom('orders').select(['contact_id', 'shop_customer_id']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute())) {
      if (order.contact_id) contactIds.add(order.contact_id);
      if (order.shop_customer_id) customerIds.add(order.shop_customer_id);
    }
  }
  const customersOf = async () => inChunks([...contactIds], (ids) => db.selectFrom('shop_customers').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).execute());
  const linked = await customersOf();
  for (const customer of linked) customerIds.add(customer.id);
  const customers = await inChunks([...customerIds], (ids) => db.selectFrom('shop_customers').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute());
  for (const customer of customers) if (customer.contact_id) contactIds.add(customer.contact_id);

  const contacts = await inChunks([...contactIds], (ids) => db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute());
  const identities = await inChunks([...contactIds], (ids) => db.selectFrom('identities').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).execute());
  const conversations = await inChunks([...contactIds], (ids) => db.selectFrom('conversations').select(['id', 'external_thread_id']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).execute());
  const conversationIds = conversations.map((c) => c.id);
  const messages = await inChunks(conversationIds, (ids) => db.selectFrom('messages').select(['id', 'external_id']).where('workspace_id', '=', workspaceId).where('conversation_id', 'in', ids).execute());
  const visitorsOfThreads = conversations.flatMap((c) => (c.external_thread_id?.startsWith(WEBCHAT_THREAD) ? [c.external_thread_id.slice(WEBCHAT_THREAD.length)] : []));
  const visitors = [
    ...(await inChunks([...contactIds], (ids) => db.selectFrom('webchat_visitors').select(['id', 'email', 'name']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).execute())),
    ...(await inChunks(visitorsOfThreads, (ids) => db.selectFrom('webchat_visitors').select(['id', 'email', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute())),
  ];
  const ordersBy = (column: 'contact_id' | 'shop_customer_id', ids: string[]) => inChunks(ids, (part) => db.selectFrom('orders').select(['id', 'external_id', 'email', 'phone', 'number']).where('workspace_id', '=', workspaceId).where(column, 'in', part).execute());
  const orders = [...(await ordersBy('contact_id', [...contactIds])), ...(await ordersBy('shop_customer_id', [...customerIds]))];
  for (const order of orders) orderIds.add(order.id);
  const checkoutsBy = (column: 'contact_id' | 'shop_customer_id', ids: string[]) => inChunks(ids, (part) => db.selectFrom('checkouts').select(['id', 'token', 'email', 'phone']).where('workspace_id', '=', workspaceId).where(column, 'in', part).execute());
  const checkouts = [...(await checkoutsBy('contact_id', [...contactIds])), ...(await checkoutsBy('shop_customer_id', [...customerIds]))];

  const needles = needlesOf([
    ...[...contactIds],
    ...contacts.flatMap((c) => [c.name, c.email, c.phone, c.avatar_url]),
    ...identities.flatMap((i) => [i.external_id, i.handle, i.display_name]),
    ...conversations.map((c) => c.external_thread_id),
    ...messages.map((m) => m.external_id),
    ...customers.flatMap((c) => [c.external_id, c.email, c.phone, [c.first_name, c.last_name].filter(Boolean).join(' ')]),
    ...orders.flatMap((o) => [o.email, o.phone]),
    ...checkouts.flatMap((c) => [c.token, c.email, c.phone]),
    ...visitors.flatMap((v) => [v.id, v.email, v.name]),
  ]);
  return {
    contactIds: [...contactIds], conversationIds, messageIds: messages.map((m) => m.id), shopCustomerIds: [...customerIds],
    orderIds: [...orderIds], checkoutIds: [...new Set(checkouts.map((c) => c.id))],
    visitorIds: [...new Set(visitors.map((v) => v.id))], needles,
  };
}
