import { AppError, newId } from '../kernel/index.ts';
import type { VisitorIdentity } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import { ensureContact } from './contacts.ts';
import { ensureConversation } from './conversations.ts';
import { publishAll, type InboxDeps, type PendingEvent } from './deps.ts';
import { visitorThreadKey, type WebchatChannel } from './webchat-visitors.ts';
import { enqueueJob, jobType } from '../jobs/index.ts';
import { z } from 'zod';
import { emitWebhookEvent } from '../webhooks/index.ts';

/** How the signature of an identify call checked out (the HTTP edge checks it). */
export type IdentifyVerdict = 'verified' | 'unverified' | 'refused';

export const REFUSED_IDENTITY_NOTE = 'Identité refusée : signature invalide';

/**
 * `contact.identified`: the shop vouched for this contact (a verified identify), by its
 * customer id and email. Queued in the identify transaction; commerce handles it by linking
 * the shop customer (the inbox never touches shop tables).
 */
export const contactIdentifiedJob = jobType('contact.identified', z.object({
  workspaceId: z.string().min(1), contactId: z.string().min(1), customerId: z.string().min(1).nullable(), email: z.string().min(1).nullable(),
}));

/**
 * `Relais.identify(...)` from the shop's page. Verified (the shop's server signed it): the
 * contact takes the email and name, and the shop customer (by id, else by email) is linked
 * to the contact. Unsigned: kept on the visitor as unverified, never linked and never set as
 * the contact's email. Bad signature: the identity is ignored and the team sees a note.
 */
export async function identifyVisitor(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus' | 'queue'>, channel: WebchatChannel, visitorId: string, identity: VisitorIdentity, verdict: IdentifyVerdict) {
  const now = deps.clock.now();
  const events = await deps.db.transaction().execute(async (trx) => {
    const visitor = await trx.selectFrom('webchat_visitors').select(['identity_status']).where('workspace_id', '=', channel.workspaceId)
      .where('channel_id', '=', channel.channelId).where('id', '=', visitorId).executeTakeFirst();
    if (!visitor) throw new AppError('contact.not_found', 'Unknown visitor');
    const contactId = await ensureContact(trx, channel, { externalId: visitorId, ...(verdict !== 'refused' && identity.name ? { name: identity.name } : {}) }, now);
    if (verdict === 'refused') return refusedNote(trx, channel, visitorId, contactId, now);
    // A signed identity is never overwritten by an unsigned one.
    if (verdict === 'unverified' && visitor.identity_status === 'verified') return [];
    await trx.updateTable('webchat_visitors').set({
      identity_status: verdict, contact_id: contactId, email: identity.email?.toLowerCase() ?? null, name: identity.name ?? null,
      customer_id: verdict === 'verified' ? identity.customerId ?? null : null, cart_token: identity.cartToken ?? null, updated_at: now,
    }).where('workspace_id', '=', channel.workspaceId).where('id', '=', visitorId).execute();
    if (verdict === 'verified') {
      await trx.updateTable('contacts').set((eb) => ({
        email: identity.email?.toLowerCase() ?? eb.ref('email'), name: identity.name ?? eb.ref('name'), updated_at: now,
      })).where('workspace_id', '=', channel.workspaceId).where('id', '=', contactId).execute();
      await enqueueJob(deps.queue, contactIdentifiedJob, {
        workspaceId: channel.workspaceId, contactId, customerId: identity.customerId ?? null, email: identity.email?.toLowerCase() ?? null,
      }, { db: trx });
      await emitWebhookEvent(deps, trx, channel.workspaceId, 'contact.identified', { contactId, channelId: channel.channelId, shopCustomerId: identity.customerId ?? null, identifiedAt: now }, { once: `${contactId}:${identity.customerId ?? identity.email ?? ''}` });
    }
    return [{ workspaceId: channel.workspaceId, type: 'contact.updated' as const, data: { contactId } }];
  });
  await publishAll(deps.bus, events);
}

async function refusedNote(db: Db, channel: WebchatChannel, visitorId: string, contactId: string, now: number): Promise<PendingEvent[]> {
  const conversation = await ensureConversation(db, channel, { kind: 'private', threadKey: visitorThreadKey(visitorId), contactId }, now);
  // The shop's page identifies on every page view: a wrong signature is noted once, and again
  // only after something else was said in the thread.
  const last = await db.selectFrom('messages').select(['kind', 'meta']).where('workspace_id', '=', channel.workspaceId).where('conversation_id', '=', conversation.id)
    .orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last?.kind === 'note' && (JSON.parse(last.meta) as { system?: string }).system === 'identify_refused') return [];
  const id = newId(now);
  await db.insertInto('messages').values({
    workspace_id: channel.workspaceId, id, conversation_id: conversation.id, channel_id: channel.channelId, direction: 'out', kind: 'note',
    author_type: 'bot', author_id: null, text: REFUSED_IDENTITY_NOTE, external_id: null, attachments: '[]', meta: JSON.stringify({ system: 'identify_refused' }),
    platform_created_at: null, created_at: now, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
  }).execute();
  return [{ workspaceId: channel.workspaceId, type: 'message.created', data: { conversationId: conversation.id, messageId: id, direction: 'out' } }];
}

/** The site-chat facts the console shows beside a conversation: who the visitor says they are, read marks. */
export async function webchatConversationInfo(deps: Pick<InboxDeps, 'db'>, workspaceId: string, conversationId: string) {
  const conversation = await deps.db.selectFrom('conversations').select(['channel_id', 'external_thread_id']).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  const visitorId = conversation.external_thread_id?.startsWith('webchat:') ? conversation.external_thread_id.slice('webchat:'.length) : null;
  const visitor = visitorId
    ? await deps.db.selectFrom('webchat_visitors').selectAll().where('workspace_id', '=', workspaceId).where('channel_id', '=', conversation.channel_id).where('id', '=', visitorId).executeTakeFirst()
    : undefined;
  if (!visitor) return { visitor: null };
  return {
    visitor: {
      id: visitor.id, identityStatus: visitor.identity_status, email: visitor.email, name: visitor.name, customerId: visitor.customer_id,
      visitorReadAt: visitor.visitor_read_at, agentReadAt: visitor.agent_read_at,
    },
  };
}

/**
 * The contact of a visitor the shop vouched for (a verified identify) by the shop's customer
 * id, else by email: for the shop sync to link a `shop_customers` row that arrives later.
 *
 * @example const contactId = await verifiedVisitorContact(db, workspaceId, { customerId: '4242', email: null });
 */
export async function verifiedVisitorContact(db: Db, workspaceId: string, customer: { customerId: string | null; email: string | null }): Promise<string | null> {
  const base = db.selectFrom('webchat_visitors').select('contact_id').where('workspace_id', '=', workspaceId)
    .where('identity_status', '=', 'verified').where('contact_id', 'is not', null).orderBy('updated_at', 'desc').limit(1);
  const byId = customer.customerId ? await base.where('customer_id', '=', customer.customerId).executeTakeFirst() : undefined;
  if (byId?.contact_id) return byId.contact_id;
  const byEmail = customer.email ? await base.where('email', '=', customer.email.toLowerCase()).executeTakeFirst() : undefined;
  return byEmail?.contact_id ?? null;
}
