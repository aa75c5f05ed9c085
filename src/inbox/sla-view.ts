import type { SlaEvent, SlaState } from '../care/index.ts';
import type { Db } from '../store/index.ts';
import { careSettingsResolver } from './care-settings.ts';
import { loadTimelines, slaOf, timelineOf, type SlaRow } from './sla-timeline.ts';

export interface SlaView {
  dueAt: number | null;
  state: SlaState;
}

/**
 * Each conversation's response promise, from its timeline (and its linked conversation's:
 * a public thread moved to private messages keeps one clock), under the business hours and
 * SLA policies stored for its channel or workspace (`careSettingsFor`). `loaded`: the
 * timelines when the caller has read them already.
 */
export async function slaViews(db: Db, workspaceId: string, rows: SlaRow[], now: number, loaded?: Map<string, SlaEvent[]>): Promise<Map<string, SlaView>> {
  const result = new Map<string, SlaView>();
  if (rows.length === 0) return result;
  const [settingsFor, timelines] = await Promise.all([careSettingsResolver(db, workspaceId), loaded ?? loadTimelines(db, workspaceId, rows)]);
  for (const row of rows) {
    const sla = slaOf(settingsFor(row.channelId), row, timelineOf(row, timelines), now);
    if (!sla) {
      result.set(row.id, { dueAt: null, state: 'met' });
      continue;
    }
    const running = [sla.firstResponse, sla.nextResponse].filter((m) => m && m.metAt === null && m.dueAt !== null).map((m) => m!.dueAt!);
    result.set(row.id, { dueAt: running.length > 0 ? Math.min(...running) : null, state: sla.state });
  }
  return result;
}
