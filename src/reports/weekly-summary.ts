import { localDateOf, localTimeToUtc, zoneOffsetMs } from '../care/index.ts';
import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { careReport } from './care-report.ts';
import { refreshDirty } from './refresh-reports.ts';
import { sentimentReport } from './sentiment-report.ts';

export const WEEKLY_QUEUE = 'reports.weekly';
const DAY = 86_400_000;

export interface WeeklySummaryDeps {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  clock: { now(): number };
  /** Tells the owners' open consoles (the bell); optional in tests. */
  publish?: (workspaceId: string, type: string, data: unknown) => Promise<unknown>;
}

/**
 * The owner's weekly summary (the `reports.weekly` job, offered hourly): on Monday from 8:00
 * in the workspace's time zone, last week's figures (Monday to Monday, local) become one
 * notification per owner and admin, once per week (the notification's source key).
 * Answers how many notifications were created.
 */
export async function sendWeeklySummaries(deps: WeeklySummaryDeps): Promise<number> {
  const now = deps.clock.now();
  const workspaces = await deps.db.selectFrom('workspaces').select(['id', 'timezone']).execute();
  let created = 0;
  for (const workspace of workspaces) {
    const local = new Date(now + zoneOffsetMs(now, workspace.timezone));
    if (local.getUTCDay() !== 1 || local.getUTCHours() < 8) continue;
    const monday = localDateOf(now, workspace.timezone);
    const previous = localDateOf(now - 7 * DAY, workspace.timezone);
    const key = `weekly:${monday}`;
    const recipients = await deps.db.selectFrom('memberships as m')
      .leftJoin('notifications as n', (join) => join.onRef('n.workspace_id', '=', 'm.workspace_id').onRef('n.user_id', '=', 'm.user_id').on('n.source_key', '=', key))
      .select('m.user_id').where('m.workspace_id', '=', workspace.id).where('m.role', 'in', ['owner', 'admin']).where('n.id', 'is', null).execute();
    if (recipients.length === 0) continue;
    await refreshDirty(deps, { workspaceId: workspace.id });
    const query = { workspaceId: workspace.id, from: localTimeToUtc(previous, '00:00', workspace.timezone), to: localTimeToUtc(monday, '00:00', workspace.timezone) };
    const [care, sentiment] = await Promise.all([careReport(deps.db, deps.dialect, query), sentimentReport(deps.db, query)]);
    const data = JSON.stringify({
      from: previous, to: monday, conversations: care.conversations, firstResponseMedianMs: care.firstResponse.business.medianMs,
      withinSlaShare: care.withinSla.share, waiting: care.backlog.waiting, score: sentiment.score, adjustedScore: sentiment.adjustedScore,
    });
    for (const { user_id } of recipients) {
      const id = newId(now);
      const row = await deps.db.insertInto('notifications').values({ workspace_id: workspace.id, id, user_id, kind: 'weekly_report', source_key: key, conversation_id: null, message_id: null, data, created_at: now, read_at: null })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'user_id', 'source_key']).doNothing()).returning('id').executeTakeFirst();
      if (!row) continue;
      created += 1;
      await deps.publish?.(workspace.id, 'notification.created', { userId: user_id, notificationId: id, conversationId: null });
    }
  }
  return created;
}
