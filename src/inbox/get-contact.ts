import { AppError, newId } from '../kernel/index.ts';
import type { InboxDeps } from './deps.ts';

/** The customer panel: who this is across channels, their other conversations, notes about them. */
export async function getContact(deps: Pick<InboxDeps, 'db'>, workspaceId: string, contactId: string) {
  const contact = await deps.db.selectFrom('contacts').select(['id', 'name', 'email', 'phone']).where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
  const [identities, conversations, notes] = await Promise.all([
    deps.db.selectFrom('identities as i').innerJoin('channels as c', (join) => join.onRef('c.workspace_id', '=', 'i.workspace_id').onRef('c.id', '=', 'i.channel_id'))
      .select(['c.id as channelId', 'c.kind', 'c.name', 'i.external_id', 'i.handle', 'i.display_name']).where('i.workspace_id', '=', workspaceId).where('i.contact_id', '=', contactId).execute(),
    deps.db.selectFrom('conversations as v').innerJoin('channels as c', (join) => join.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.channel_id'))
      .select(['v.id', 'v.kind', 'v.status', 'c.name as channelName', 'v.last_message_at']).where('v.workspace_id', '=', workspaceId).where('v.contact_id', '=', contactId)
      .orderBy('v.last_message_at', 'desc').limit(50).execute(),
    deps.db.selectFrom('contact_notes as n').leftJoin('users as u', 'u.id', 'n.author_id')
      .select(['n.id', 'n.text', 'n.author_id', 'u.name as authorName', 'n.created_at']).where('n.workspace_id', '=', workspaceId).where('n.contact_id', '=', contactId)
      .orderBy('n.id', 'desc').execute(),
  ]);
  return {
    contact,
    identities: identities.map((i) => ({ channel: { id: i.channelId, kind: i.kind, name: i.name }, externalId: i.external_id, handle: i.handle, displayName: i.display_name })),
    conversations: conversations.map((c) => ({ id: c.id, kind: c.kind, status: c.status, channelName: c.channelName, lastMessageAt: c.last_message_at })),
    notes: notes.map((n) => ({ id: n.id, text: n.text, authorId: n.author_id, authorName: n.authorName, createdAt: n.created_at })),
  };
}

export async function addContactNote(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, contactId: string, authorId: string | null, text: string): Promise<string> {
  const contact = await deps.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
  const id = newId(deps.clock.now());
  await deps.db.insertInto('contact_notes').values({ workspace_id: workspaceId, id, contact_id: contactId, author_id: authorId, text, created_at: deps.clock.now() }).execute();
  return id;
}
