import type { ContestsDeps } from './deps.ts';

export const CONTESTS_PURGE_QUEUE = 'contests.purge';
export const CONTESTS_REFRESH_QUEUE = 'contests.refresh';

/** Adds whole calendar months in UTC (the 31st of a shorter month lands on its last day). */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.getTime();
}

/**
 * Entries are personal data kept for a set time after the contest (6 months by default,
 * per contest): then its entries, winners and frozen entries.csv are deleted. The contest
 * row keeps its name, dates, commitment and entries_hash, which name nobody.
 */
export async function purgeExpiredContests(deps: Pick<ContestsDeps, 'db' | 'clock' | 'logger'>): Promise<number> {
  const now = deps.clock.now();
  const candidates = await deps.db.selectFrom('contests').select(['workspace_id', 'id', 'ends_at', 'retention_months']).where('purged_at', 'is', null).where('ends_at', '<', now).execute();
  let purged = 0;
  for (const contest of candidates) {
    if (addMonths(contest.ends_at, contest.retention_months) > now) continue;
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('contest_entries').where('workspace_id', '=', contest.workspace_id).where('contest_id', '=', contest.id).execute();
      await trx.deleteFrom('contest_winners').where('workspace_id', '=', contest.workspace_id).where('contest_id', '=', contest.id).execute();
      await trx.updateTable('contest_draws').set({ entries_csv: '', picks: '[]', announcement: '' }).where('workspace_id', '=', contest.workspace_id).where('contest_id', '=', contest.id).execute();
      await trx.updateTable('contests').set({ purged_at: now, updated_at: now }).where('workspace_id', '=', contest.workspace_id).where('id', '=', contest.id).execute();
    });
    purged += 1;
  }
  if (purged > 0) deps.logger.info({ purged }, 'contest entries past their retention deleted');
  return purged;
}
