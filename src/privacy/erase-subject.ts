import { sql } from 'kysely';
import { REDACTED_SNAPSHOT, type Db, type DialectName } from '../store/index.ts';
import { sweepText } from './sweep-text.ts';
import { listTextColumns, quote } from './text-columns.ts';
import type { Subject } from './subject.ts';

/** Tables with a `contact_id` whose rows are kept, unlinked, for anonymised counts. */
const KEPT_UNLINKED = new Set(['conversations', 'orders', 'shop_customers', 'checkouts']);

export interface ErasureCounts {
  contacts: number;
  conversations: number;
  messages: number;
  orders: number;
  cellsSwept: number;
}

const some = (ids: string[]) => (ids.length > 0 ? ids : ['#none']);

/**
 * Erases one subject inside the caller's transaction (see docs/adr/0010). Conversations,
 * messages and orders stay as anonymous rows (channel, times, direction, sentiment, totals)
 * so reports still count them; their text, identifiers and links go. Contacts, identities,
 * shop customers, checkouts, notes, revisions, corrections, stored exports, the bell's
 * notifications about their conversations and their site-chat visitors and files are deleted;
 * moderation-log rows keep their facts but lose their snapshot; any table another module adds
 * with a `contact_id` loses the subject's rows; then a sweep blanks any text left naming them.
 */
export async function eraseSubject(trx: Db, dialect: DialectName, workspaceId: string, subject: Subject): Promise<ErasureCounts> {
  const ws = workspaceId;
  const conversations = some(subject.conversationIds);
  const messages = some(subject.messageIds);
  const contacts = some(subject.contactIds);

  await trx.updateTable('messages').set({ text: '', attachments: '[]', meta: '{}', external_id: null, reply_to_external_id: null })
    .where('workspace_id', '=', ws).where('conversation_id', 'in', conversations).execute();
  await trx.updateTable('messages').set({ author_id: null }).where('workspace_id', '=', ws).where('conversation_id', 'in', conversations).where('author_type', '=', 'contact').execute();
  await trx.deleteFrom('message_revisions').where('workspace_id', '=', ws).where('message_id', 'in', messages).execute();
  await trx.deleteFrom('classification_corrections').where('workspace_id', '=', ws).where('message_id', 'in', messages).execute();
  // The one update the append-only log allows (migration 0010): the snapshot blanked, the reason dropped.
  await trx.updateTable('moderation_log').set({ snapshot: REDACTED_SNAPSHOT, reason: null })
    .where('workspace_id', '=', ws).where((eb) => eb.or([eb('message_id', 'in', messages), eb('conversation_id', 'in', conversations)]))
    .where('snapshot', '!=', REDACTED_SNAPSHOT).execute();
  await trx.updateTable('outbound').set({ action: '{}', target_external_id: null, platform_id: null, failure_reason: null })
    .where('workspace_id', '=', ws).where('conversation_id', 'in', conversations).execute();
  await trx.updateTable('outbound').set({ state: 'failed', failure_kind: 'permanent', failure_reason: 'erased' })
    .where('workspace_id', '=', ws).where('conversation_id', 'in', conversations).where('state', 'in', ['queued', 'sending']).execute();
  // A bell notification quotes the message that rang it; a site-chat visitor holds an email, a name and files.
  await trx.deleteFrom('notifications').where('workspace_id', '=', ws)
    .where((eb) => eb.or([eb('conversation_id', 'in', conversations), eb('message_id', 'in', messages)])).execute();
  await trx.deleteFrom('webchat_uploads').where('workspace_id', '=', ws).where('visitor_id', 'in', some(subject.visitorIds)).execute();
  await trx.deleteFrom('webchat_visitors').where('workspace_id', '=', ws).where('id', 'in', some(subject.visitorIds)).execute();
  // An anonymous conversation has nobody to answer: it is closed, unassigned and off every clock.
  await trx.updateTable('conversations').set({ contact_id: null, subject: null, external_thread_id: null, status: 'resolved', priority: 0, snoozed_until: null, assignee_id: null })
    .where('workspace_id', '=', ws).where('id', 'in', conversations).execute();

  await trx.updateTable('orders').set({ contact_id: null, shop_customer_id: null, email: null, phone: null, tracking_url: null, landing_site: null, referring_site: null, checkout_token: null, cart_token: null })
    .where('workspace_id', '=', ws).where('id', 'in', some(subject.orderIds)).execute();
  await trx.deleteFrom('checkouts').where('workspace_id', '=', ws).where('id', 'in', some(subject.checkoutIds)).execute();
  await trx.deleteFrom('shop_customers').where('workspace_id', '=', ws).where('id', 'in', some(subject.shopCustomerIds)).execute();
  for (const contactId of subject.contactIds) {
    await trx.deleteFrom('privacy_exports').where('workspace_id', '=', ws).where('contact_ids', 'like', `%"${contactId}"%`).execute();
  }
  await trx.updateTable('audit_log').set({ data: '{}', ip: null }).where('workspace_id', '=', ws)
    .where('target_id', 'in', some([...subject.contactIds, ...subject.conversationIds, ...subject.orderIds, ...subject.shopCustomerIds])).execute();

  // Whatever else holds a contact_id (notes, identities, tables added later) loses the subject's rows.
  for (const table of await listTextColumns(trx, dialect)) {
    if (!table.columns.includes('contact_id') || !table.columns.includes('workspace_id') || KEPT_UNLINKED.has(table.name)) continue;
    await sql`DELETE FROM ${sql.raw(table.table)} WHERE workspace_id = ${ws} AND ${sql.raw(quote('contact_id'))} IN (${sql.join(contacts)})`.execute(trx);
  }
  const deleted = await trx.deleteFrom('contacts').where('workspace_id', '=', ws).where('id', 'in', contacts).executeTakeFirst();

  if (subject.needles.length > 0) {
    await trx.updateTable('moderation_log').set({ snapshot: REDACTED_SNAPSHOT, reason: null }).where('workspace_id', '=', ws).where('snapshot', '!=', REDACTED_SNAPSHOT)
      .where((eb) => eb.or(subject.needles.map((needle) => eb(eb.fn('lower', ['snapshot']), 'like', `%${needle.replace(/[%_]/g, '')}%`)))).execute();
  }
  const cellsSwept = await sweepText(trx, dialect, ws, subject.needles);
  return { contacts: Number(deleted.numDeletedRows), conversations: subject.conversationIds.length, messages: subject.messageIds.length, orders: subject.orderIds.length, cellsSwept };
}
