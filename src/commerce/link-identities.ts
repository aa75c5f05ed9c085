import { sql } from 'kysely';
import { verifiedVisitorContact } from '../inbox/index.ts';
import type { Db, ShopCustomersTable } from '../store/index.ts';
import { normalizeEmail, normalizePhone } from './normalize.ts';

export type LinkMethod = NonNullable<ShopCustomersTable['link_method']>;

/** Orders and checkouts carry the contact of their shop customer: kept in step on every link change. */
export async function propagateLink(db: Db, workspaceId: string, shopCustomerId: string, contactId: string | null): Promise<void> {
  await db.updateTable('orders').set({ contact_id: contactId }).where('workspace_id', '=', workspaceId).where('shop_customer_id', '=', shopCustomerId).execute();
  await db.updateTable('checkouts').set({ contact_id: contactId }).where('workspace_id', '=', workspaceId).where('shop_customer_id', '=', shopCustomerId).execute();
}

/** The one contact with this email (or phone); none when there are several, since guessing would mix two people. */
async function soleContact(db: Db, workspaceId: string, column: 'email' | 'phone', value: string): Promise<string | null> {
  const rows = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId)
    .where(column === 'email' ? sql<string>`lower(email)` : sql<string>`phone`, '=', value).limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

/**
 * The contact of another shop customer with the same email (a guest checkout beside an
 * account, a second shop): the same person, whose link an agent or identify may have made.
 */
async function siblingContact(db: Db, workspaceId: string, shopCustomerId: string, email: string): Promise<string | null> {
  const rows = await db.selectFrom('shop_customers').select('contact_id').distinct().where('workspace_id', '=', workspaceId).where('email', '=', email)
    .where('id', '!=', shopCustomerId).where('contact_id', 'is not', null).limit(2).execute();
  return rows.length === 1 ? rows[0]!.contact_id : null;
}

/** After a link by hand or by identify: the unlinked shop customers with the same email follow. */
export async function linkSameEmail(db: Db, workspaceId: string, shopCustomerId: string, contactId: string, now: number): Promise<void> {
  const linked = await db.selectFrom('shop_customers').select('email').where('workspace_id', '=', workspaceId).where('id', '=', shopCustomerId).executeTakeFirst();
  if (!linked?.email) return;
  const others = await db.selectFrom('shop_customers').select('id').where('workspace_id', '=', workspaceId).where('email', '=', linked.email)
    .where('contact_id', 'is', null).where('link_method', 'is', null).execute();
  for (const other of others) {
    await db.updateTable('shop_customers').set({ contact_id: contactId, link_method: 'email', updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', other.id).execute();
    await propagateLink(db, workspaceId, other.id, contactId);
  }
}

/**
 * Links an unlinked shop customer to the contact with the same email, else the same phone.
 * A link already made (by identify, an agent or an earlier match), or undone by an agent, is never replaced.
 */
export async function autoLinkShopCustomer(db: Db, workspaceId: string, customer: { id: string; externalId: string; email: string | null; phone: string | null }, now: number): Promise<string | null> {
  // A visitor the shop vouched for on the site chat (signed identify) came first: theirs.
  const vouched = await verifiedVisitorContact(db, workspaceId, { customerId: customer.externalId, email: customer.email });
  const match = vouched ?? (customer.email ? (await soleContact(db, workspaceId, 'email', customer.email)) ?? (await siblingContact(db, workspaceId, customer.id, customer.email)) : null);
  const method: LinkMethod = vouched ? 'identify' : match ? 'email' : 'phone';
  const contactId = match ?? (customer.phone ? await soleContact(db, workspaceId, 'phone', customer.phone) : null);
  if (!contactId) return null;
  const result = await db.updateTable('shop_customers').set({ contact_id: contactId, link_method: method, updated_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', customer.id).where('contact_id', 'is', null).where('link_method', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  await propagateLink(db, workspaceId, customer.id, contactId);
  return contactId;
}

/**
 * The other direction: a contact whose email or phone is now known gets the unlinked shop
 * customers that carry it. Call it wherever a contact's email or phone is set.
 *
 * @example await linkContactToShopCustomers(db, workspaceId, contactId, clock.now())
 */
export async function linkContactToShopCustomers(db: Db, workspaceId: string, contactId: string, now: number): Promise<number> {
  const contact = await db.selectFrom('contacts').select(['email', 'phone']).where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) return 0;
  // Shop customers are stored normalised (lower-case email, E.164 phone); contacts may not be.
  const email = normalizeEmail(contact.email);
  let linked = 0;
  for (const [column, value, method] of [['email', email, 'email'], ['phone', normalizePhone(contact.phone), 'phone']] as const) {
    if (!value) continue;
    const customers = await db.selectFrom('shop_customers').select('id').where('workspace_id', '=', workspaceId)
      .where(column, '=', value).where('contact_id', 'is', null).where('link_method', 'is', null).execute();
    for (const customer of customers) {
      const result = await db.updateTable('shop_customers').set({ contact_id: contactId, link_method: method, updated_at: now })
        .where('workspace_id', '=', workspaceId).where('id', '=', customer.id).where('contact_id', 'is', null).where('link_method', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) continue;
      await propagateLink(db, workspaceId, customer.id, contactId);
      linked++;
    }
  }
  return linked;
}

/**
 * The `contact.identified` job (a verified identify on the site chat): the shop customer with
 * the shop's id, else the ones with the email, are linked to the contact; their orders and
 * open carts follow, and so do the same person's other shop accounts. A `shop_customers` row
 * that arrives later is linked by `autoLinkShopCustomer` through `verifiedVisitorContact`.
 */
export async function linkIdentifiedContact(deps: { db: Db; clock: { now(): number } }, identified: { workspaceId: string; contactId: string; customerId: string | null; email: string | null }): Promise<void> {
  const { workspaceId, contactId } = identified;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const customers = trx.selectFrom('shop_customers').select('id').where('workspace_id', '=', workspaceId);
    let matched = identified.customerId ? await customers.where('external_id', '=', identified.customerId).execute() : [];
    if (matched.length === 0 && identified.email) matched = await customers.where('email', '=', identified.email.toLowerCase()).execute();
    for (const { id } of matched) {
      await trx.updateTable('shop_customers').set({ contact_id: contactId, link_method: 'identify', updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
      await propagateLink(trx, workspaceId, id, contactId);
      await linkSameEmail(trx, workspaceId, id, contactId, now);
    }
  });
}
