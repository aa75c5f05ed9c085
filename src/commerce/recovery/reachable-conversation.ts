import type { RecoveryDeps } from './recovery-deps.ts';

export interface Reachability {
  /** The most recent private conversation, whatever its window (for the timeline note). */
  latestId: string | null;
  /** The most recent private conversation whose channel policy allows a message now. */
  open: { id: string; channelId: string } | null;
}

/**
 * Where a contact can be written to right now: their private conversations (Messenger,
 * Instagram DM, X DM, site chat), newest first, asking each channel's policy (the 24-hour
 * window, a live session, an open DM) at this moment.
 */
export async function reachableConversation(deps: RecoveryDeps, workspaceId: string, contactId: string): Promise<Reachability> {
  const rows = await deps.db.selectFrom('conversations as c')
    .innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
    .select(['c.id', 'c.channel_id']).where('c.workspace_id', '=', workspaceId).where('c.contact_id', '=', contactId)
    .where('c.kind', '=', 'private').where('ch.status', '=', 'active')
    .orderBy((eb) => eb.fn.coalesce('c.last_inbound_at', 'c.created_at'), 'desc').limit(5).execute();
  for (const row of rows) {
    // A tag reserved for a person's reply (Meta HUMAN_AGENT) does not cover an automated message.
    if (await deps.mayMessage(workspaceId, row.id)) return { latestId: rows[0]!.id, open: { id: row.id, channelId: row.channel_id } };
  }
  return { latestId: rows[0]?.id ?? null, open: null };
}
