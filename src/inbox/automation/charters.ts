/**
 * The workspace's moderation charter. A workspace starts on the default charter (version 1);
 * each save is a new version, and new comments are checked against the latest one.
 */
import { charterSchema, defaultCharter, type Charter, type Clause } from '../../care/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { Db } from '../../store/index.ts';
import type { InboxDeps } from '../deps.ts';
import { appendSetting, readSetting } from './workspace-settings.ts';

export interface CharterView extends Charter {
  savedAt: number | null;
  savedBy: string | null;
}

/** The charter in force; `db` may be a transaction (the ingestion reads it inside one). */
export async function currentCharter(db: Db, workspaceId: string): Promise<CharterView> {
  const stored = await readSetting(db, workspaceId, 'charter');
  if (!stored) return { ...defaultCharter, savedAt: null, savedBy: null };
  const parsed = charterSchema.safeParse(stored.value);
  // A stored charter that no longer validates must not switch moderation off: the default holds.
  if (!parsed.success) return { ...defaultCharter, version: stored.version, savedAt: stored.createdAt, savedBy: stored.createdBy };
  return { ...parsed.data, version: stored.version, savedAt: stored.createdAt, savedBy: stored.createdBy };
}

/**
 * Saves the clauses as the next version. The default charter is recorded as version 1 the
 * first time, so "donnees-personnelles@v1" in the register still points at real text.
 *
 * @example await saveCharter(deps, ws, userId, clauses) // { version: 2, clauses, … }
 */
export async function saveCharter(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, by: string | null, clauses: Clause[]): Promise<CharterView> {
  const now = deps.clock.now();
  const stored = await readSetting(deps.db, workspaceId, 'charter');
  if (!stored) await appendSetting(deps.db, workspaceId, 'charter', defaultCharter.version, defaultCharter, null, now);
  const version = (stored?.version ?? defaultCharter.version) + 1;
  const charter = parseInput(charterSchema, { version, clauses });
  await appendSetting(deps.db, workspaceId, 'charter', version, charter, by, now);
  return { ...charter, savedAt: now, savedBy: by };
}
