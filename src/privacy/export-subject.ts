import type { Db } from '../store/index.ts';
import type { Subject } from './subject.ts';

const json = (text: string | null) => (text ? (JSON.parse(text) as unknown) : null);

/**
 * Everything Relais holds on a subject, as one JSON document: contacts and identities,
 * notes, conversations with every message (and earlier versions), moderation entries,
 * recovery decisions, shop customers, orders and checkouts, site-chat visitors and their files,
 * contest entries (with whether each was eligible and why) and contests won.
 */
export async function exportSubject(db: Db, workspaceId: string, subject: Subject, at: number) {
  const ws = workspaceId;
  // An id no row has ('#' is never in one): SQL's `in ()` needs at least one value.
  const none = ['#none'];
  const ids = (list: string[]) => (list.length > 0 ? list : none);
  const [contestEntries, contestWins] = await Promise.all([
    db.selectFrom('contest_entries as e').innerJoin('contests as c', (j) => j.onRef('c.workspace_id', '=', 'e.workspace_id').onRef('c.id', '=', 'e.contest_id'))
      .select(['e.contest_id', 'c.name as contest', 'e.id', 'e.network', 'e.author_name', 'e.text', 'e.entered_at', 'e.eligible', 'e.reason'])
      .where('e.workspace_id', '=', ws).where('e.contact_id', 'in', ids(subject.contactIds)).orderBy('e.entered_at').execute(),
    db.selectFrom('contest_winners').select(['contest_id', 'entry_id', 'role', 'rank', 'notice']).where('workspace_id', '=', ws).where('contact_id', 'in', ids(subject.contactIds)).execute(),
  ]);
  const [contacts, identities, notes, conversations, messages, revisions, moderation, customers, orders, checkouts, decisions, visitors, uploads] = await Promise.all([
    db.selectFrom('contacts').select(['id', 'name', 'email', 'phone', 'avatar_url', 'created_at', 'opted_out_at']).where('workspace_id', '=', ws).where('id', 'in', ids(subject.contactIds)).execute(),
    db.selectFrom('identities as i').innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'i.workspace_id').onRef('c.id', '=', 'i.channel_id'))
      .select(['i.contact_id', 'c.kind as channel', 'c.name as channelName', 'i.external_id', 'i.handle', 'i.display_name', 'i.created_at']).where('i.workspace_id', '=', ws).where('i.contact_id', 'in', ids(subject.contactIds)).execute(),
    db.selectFrom('contact_notes').select(['contact_id', 'text', 'created_at']).where('workspace_id', '=', ws).where('contact_id', 'in', ids(subject.contactIds)).execute(),
    db.selectFrom('conversations as v').innerJoin('channels as c', (j) => j.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.channel_id'))
      .select(['v.id', 'v.contact_id', 'c.kind as channel', 'c.name as channelName', 'v.kind', 'v.status', 'v.created_at', 'v.last_message_at']).where('v.workspace_id', '=', ws).where('v.id', 'in', ids(subject.conversationIds)).orderBy('v.created_at').orderBy('v.id').execute(),
    db.selectFrom('messages').select(['id', 'conversation_id', 'direction', 'kind', 'author_type', 'text', 'attachments', 'status', 'language', 'sentiment', 'intents', 'platform_created_at', 'created_at'])
      .where('workspace_id', '=', ws).where('conversation_id', 'in', ids(subject.conversationIds)).orderBy('seq').execute(),
    db.selectFrom('message_revisions').select(['message_id', 'text', 'status', 'created_at']).where('workspace_id', '=', ws).where('message_id', 'in', ids(subject.messageIds)).execute(),
    db.selectFrom('moderation_log').select(['message_id', 'action', 'actor_type', 'reason', 'clause', 'snapshot', 'created_at']).where('workspace_id', '=', ws).where('conversation_id', 'in', ids(subject.conversationIds)).orderBy('id').execute(),
    db.selectFrom('shop_customers').select(['id', 'external_id', 'email', 'phone', 'first_name', 'last_name', 'accepts_marketing', 'created_at']).where('workspace_id', '=', ws).where('id', 'in', ids(subject.shopCustomerIds)).execute(),
    db.selectFrom('orders').select(['id', 'number', 'email', 'phone', 'currency', 'total_cents', 'status', 'items', 'tracking_url', 'discount_codes', 'placed_at']).where('workspace_id', '=', ws).where('id', 'in', ids(subject.orderIds)).execute(),
    db.selectFrom('checkouts').select(['id', 'email', 'phone', 'currency', 'total_cents', 'items', 'recovery_url', 'completed_at', 'platform_created_at']).where('workspace_id', '=', ws).where('id', 'in', ids(subject.checkoutIds)).execute(),
    db.selectFrom('recovery_decisions').select(['checkout_id', 'outcome', 'reason', 'created_at']).where('workspace_id', '=', ws).where('checkout_id', 'in', ids(subject.checkoutIds)).execute(),
    db.selectFrom('webchat_visitors').select(['id', 'identity_status', 'email', 'name', 'customer_id', 'created_at']).where('workspace_id', '=', ws).where('id', 'in', ids(subject.visitorIds)).execute(),
    db.selectFrom('webchat_uploads').select(['visitor_id', 'name', 'content_type', 'size', 'created_at']).where('workspace_id', '=', ws).where('visitor_id', 'in', ids(subject.visitorIds)).execute(),
  ]);
  return {
    format: 'relais.privacy-export/1',
    generatedAt: new Date(at).toISOString(),
    contacts: contacts.map((c) => ({
      ...c,
      identities: identities.filter((i) => i.contact_id === c.id).map(({ contact_id: _c, ...rest }) => rest),
      notes: notes.filter((n) => n.contact_id === c.id).map(({ contact_id: _c, ...rest }) => rest),
    })),
    conversations: conversations.map((v) => ({
      ...v,
      messages: messages.filter((m) => m.conversation_id === v.id).map(({ conversation_id: _v, ...m }) => ({
        ...m, attachments: json(m.attachments), intents: json(m.intents),
        revisions: revisions.filter((r) => r.message_id === m.id).map(({ message_id: _m, ...r }) => r),
      })),
      moderation: moderation.filter((e) => messages.some((m) => m.id === e.message_id && m.conversation_id === v.id)).map((e) => ({ ...e, snapshot: json(e.snapshot) })),
    })),
    shopCustomers: customers,
    orders: orders.map((o) => ({ ...o, items: json(o.items), discount_codes: json(o.discount_codes) })),
    checkouts: checkouts.map((c) => ({ ...c, items: json(c.items), recovery: decisions.filter((d) => d.checkout_id === c.id) })),
    webchatVisitors: visitors.map((v) => ({ ...v, files: uploads.filter((u) => u.visitor_id === v.id).map(({ visitor_id: _v, ...u }) => u) })),
    contestEntries: contestEntries.map((e) => ({ ...e, eligible: e.eligible === 1, drawn: contestWins.find((w) => w.contest_id === e.contest_id && w.entry_id === e.id) ?? null })),
  };
}

export type PrivacyExport = Awaited<ReturnType<typeof exportSubject>>;
