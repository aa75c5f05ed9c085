/**
 * Versioned workspace settings (the charter, the brand voice). Each save appends a version,
 * so what was in force when a comment was hidden can always be read back.
 */
import type { Db } from '../../store/index.ts';
import { isUniqueViolation } from '../../store/index.ts';
import { AppError } from '../../kernel/index.ts';

export type SettingKey = 'charter' | 'voice' | 'retention';

export interface StoredSetting {
  version: number;
  value: unknown;
  createdAt: number;
  createdBy: string | null;
}

/** The highest version of a key, or undefined when the workspace never saved one. */
export async function readSetting(db: Db, workspaceId: string, key: SettingKey): Promise<StoredSetting | undefined> {
  const row = await db.selectFrom('workspace_settings').select(['version', 'value', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId).where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && { version: row.version, value: JSON.parse(row.value), createdAt: row.created_at, createdBy: row.created_by };
}

/** Appends `version`; two saves racing for the same version: the second is told to reload. */
export async function appendSetting(db: Db, workspaceId: string, key: SettingKey, version: number, value: unknown, by: string | null, now: number): Promise<void> {
  try {
    await db.insertInto('workspace_settings').values({ workspace_id: workspaceId, key, version, value: JSON.stringify(value), created_at: now, created_by: by }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('settings.conflict', 'Someone saved these settings at the same time; reload and try again');
    throw error;
  }
}
