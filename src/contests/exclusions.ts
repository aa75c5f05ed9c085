import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';

/** Keeps a contact out of every contest: someone the shop blocked, or one of its team's own accounts. */
export async function setExclusion(db: Db, workspaceId: string, contactId: string, kind: 'blocked' | 'team' | null, now: number): Promise<void> {
  const contact = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
  if (!contact) throw new AppError('contact.not_found', 'Contact not found');
  await db.deleteFrom('contest_exclusions').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).execute();
  if (kind) await db.insertInto('contest_exclusions').values({ workspace_id: workspaceId, contact_id: contactId, kind, created_at: now }).execute();
}

export async function listExclusions(db: Db, workspaceId: string) {
  const rows = await db.selectFrom('contest_exclusions as x').leftJoin('contacts as c', (j) => j.onRef('c.workspace_id', '=', 'x.workspace_id').onRef('c.id', '=', 'x.contact_id'))
    .select(['x.contact_id', 'x.kind', 'c.name', 'x.created_at']).where('x.workspace_id', '=', workspaceId).orderBy('x.created_at', 'desc').execute();
  return rows.map((r) => ({ contactId: r.contact_id, kind: r.kind, name: r.name, createdAt: r.created_at }));
}
