import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Party } from '../channels/index.ts';
import { miss, type KnownRows } from './known-rows.ts';

export interface ChannelRef {
  workspaceId: string;
  channelId: string;
}

/**
 * The contact behind a platform id on a channel, created on first sight. A name learnt
 * later (a payload that carries it) fills a contact that had none.
 */
export async function ensureContact(db: Db, channel: ChannelRef, party: Party, now: number, onNameless?: (externalId: string) => Promise<void>, known?: KnownRows): Promise<string> {
  const noted = known ? known.get('identities', channel, party.externalId) : miss;
  const identity = noted !== miss ? noted : await db.selectFrom('identities').select(['contact_id', 'display_name', 'handle'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', party.externalId)
    .executeTakeFirst();
  if (identity) {
    if ((party.name && !identity.display_name) || (party.handle && !identity.handle)) {
      const names = { display_name: identity.display_name ?? party.name ?? null, handle: identity.handle ?? party.handle ?? null };
      await db.updateTable('identities').set(names)
        .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', party.externalId).execute();
      known?.note('identities', channel, party.externalId, { contact_id: identity.contact_id, ...names });
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
  known?.note('identities', channel, party.externalId, { contact_id: contactId, display_name: party.name ?? null, handle: party.handle ?? null });
  if (!party.name && onNameless) await onNameless(party.externalId);
  return contactId;
}

/** Fills a contact's name from the platform profile (the `contact.profile` job). */
export async function applyProfile(db: Db, channel: ChannelRef, externalId: string, profile: { name?: string | undefined; handle?: string | undefined }, now: number): Promise<string | null> {
  const identity = await db.selectFrom('identities').select(['contact_id']).where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('external_id', '=', externalId).executeTakeFirst();
  if (!identity) return null;
  await db.updateTable('identities').set((eb) => ({ display_name: eb.fn.coalesce('display_name', eb.val(profile.name ?? null)), handle: eb.fn.coalesce('handle', eb.val(profile.handle ?? null)) }))
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', externalId).execute();
  await db.updateTable('contacts').set({ name: profile.name ?? profile.handle ?? null, updated_at: now })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', identity.contact_id).where('name', 'is', null).execute();
  return identity.contact_id;
}

/**
 * Attaches a platform id to a contact. When the id already has a contact of its own (the
 * person wrote in Messenger before being linked), that contact is merged into this one.
 */
export async function linkIdentity(db: Db, channel: ChannelRef, externalId: string, contactId: string, now: number): Promise<void> {
  const existing = await db.selectFrom('identities').select('contact_id').where('workspace_id', '=', channel.workspaceId)
    .where('channel_id', '=', channel.channelId).where('external_id', '=', externalId).executeTakeFirst();
  if (!existing) {
    await db.insertInto('identities').values({ workspace_id: channel.workspaceId, id: newId(now), contact_id: contactId, channel_id: channel.channelId, external_id: externalId, handle: null, display_name: null, created_at: now }).execute();
    return;
  }
  if (existing.contact_id !== contactId) await mergeContacts(db, channel.workspaceId, existing.contact_id, contactId, now);
}

/** Moves everything of `fromId` to `intoId` and removes `fromId`. */
export async function mergeContacts(db: Db, workspaceId: string, fromId: string, intoId: string, now: number): Promise<void> {
  await db.updateTable('identities').set({ contact_id: intoId }).where('workspace_id', '=', workspaceId).where('contact_id', '=', fromId).execute();
  await db.updateTable('conversations').set({ contact_id: intoId, updated_at: now }).where('workspace_id', '=', workspaceId).where('contact_id', '=', fromId).execute();
  await db.updateTable('messages').set({ author_id: intoId }).where('workspace_id', '=', workspaceId).where('author_type', '=', 'contact').where('author_id', '=', fromId).execute();
  const [from, into] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', fromId).executeTakeFirst(),
    db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', intoId).executeTakeFirst(),
  ]);
  if (from && into) {
    await db.updateTable('contacts').set({ name: into.name ?? from.name, email: into.email ?? from.email, phone: into.phone ?? from.phone, updated_at: now })
      .where('workspace_id', '=', workspaceId).where('id', '=', intoId).execute();
  }
  await db.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', fromId).execute();
}
