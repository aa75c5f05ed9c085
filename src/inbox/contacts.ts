import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Party } from '../channels/index.ts';

export interface ChannelRef {
  workspaceId: string;
  channelId: string;
}

/**
 * The contact behind a platform id on a channel, created on first sight. A name learnt
 * later (a payload that carries it) fills a contact that had none.
 */
export async function ensureContact(db: Db, channel: ChannelRef, party: Party, now: number): Promise<string> {
  const identity = await db.selectFrom('identities').select(['contact_id', 'display_name', 'handle'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', party.externalId)
    .executeTakeFirst();
  if (identity) {
    if ((party.name && !identity.display_name) || (party.handle && !identity.handle)) {
      await db.updateTable('identities').set({ display_name: identity.display_name ?? party.name ?? null, handle: identity.handle ?? party.handle ?? null })
        .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', party.externalId).execute();
      await db.updateTable('contacts').set({ name: party.name ?? party.handle ?? null, updated_at: now })
        .where('workspace_id', '=', channel.workspaceId).where('id', '=', identity.contact_id).where('name', 'is', null).execute();
    }
    return identity.contact_id;
  }
  const contactId = newId(now);
  await db.insertInto('contacts').values({
    workspace_id: channel.workspaceId, id: contactId, name: party.name ?? party.handle ?? null, email: null, phone: null, avatar_url: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('identities').values({
    workspace_id: channel.workspaceId, id: newId(now), contact_id: contactId, channel_id: channel.channelId, external_id: party.externalId,
    handle: party.handle ?? null, display_name: party.name ?? null, created_at: now,
  }).execute();
  return contactId;
}
