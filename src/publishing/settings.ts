import { z } from 'zod';
import type { Db } from '../store/index.ts';
import { NETWORKS, type PublishNetwork } from './networks.ts';

export const settingsInput = z.object({
  approvalRequired: z.boolean(),
  /** Unique posts a day per network the coach aims for (1–2 is a sane start). */
  rhythm: z.object(Object.fromEntries(NETWORKS.map((n) => [n, z.number().int().min(1).max(20)])) as Record<PublishNetwork, z.ZodNumber>).partial(),
}).strict();

export interface PublishingSettings {
  approvalRequired: boolean;
  rhythm: Record<PublishNetwork, number>;
}

export const DEFAULT_RHYTHM: Record<PublishNetwork, number> = { facebook: 2, instagram: 2, x: 2, pinterest: 2 };

export async function getPublishingSettings(db: Db, workspaceId: string): Promise<PublishingSettings> {
  const row = await db.selectFrom('pub_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  return { approvalRequired: row?.approval_required === 1, rhythm: { ...DEFAULT_RHYTHM, ...(row ? JSON.parse(row.rhythm) as Partial<Record<PublishNetwork, number>> : {}) } };
}

export async function savePublishingSettings(deps: { db: Db; clock: { now(): number } }, workspaceId: string, input: z.infer<typeof settingsInput>): Promise<PublishingSettings> {
  const rhythm = JSON.stringify({ ...DEFAULT_RHYTHM, ...input.rhythm });
  const values = { workspace_id: workspaceId, approval_required: input.approvalRequired ? 1 : 0, rhythm, updated_at: deps.clock.now() };
  await deps.db.insertInto('pub_settings').values(values)
    .onConflict((c) => c.column('workspace_id').doUpdateSet({ approval_required: values.approval_required, rhythm, updated_at: values.updated_at })).execute();
  return getPublishingSettings(deps.db, workspaceId);
}
