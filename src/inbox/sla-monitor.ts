import { slaPolicyFor, type SlaMeasure, type SlaPolicy } from '../care/index.ts';
import type { Db } from '../store/index.ts';
import { careSettingsResolver } from './care-settings.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { loadTimelines, slaOf, surfacesOf, timelineOf, type SlaRow } from './sla-timeline.ts';

export const SLA_MONITOR_QUEUE = 'sla.monitor';

export type SlaEventName = 'sla_due_soon' | 'sla_breached';

type Target = 'first_response' | 'next_response' | 'resolution';

/** Which clock moved: `eventKey` names this transition alone (pass it on as the rules' event key). */
export interface SlaTransition {
  target: Target;
  dueAt: number;
  eventKey: string;
}

/**
 * Told of each SLA transition (the rules runtime turns these into escalations: notify,
 * reassign, raise priority): at least once, so it must be idempotent on `eventKey` (the rules
 * are). A throw leaves the transition unrecorded, so the next run tries again.
 * A first response and a resolution breached on the same customer message are two
 * transitions: run the rules with `transition.eventKey`, or the second is taken for a retry.
 *
 * @example const onSlaEvent: OnSlaEvent = (ws, id, event, t) => runRulesForEvent(deps, { workspaceId: ws, event, conversationId: id, eventKey: t.eventKey })
 */
export type OnSlaEvent = (workspaceId: string, conversationId: string, event: SlaEventName, transition: SlaTransition) => Promise<void>;

export interface SlaMonitorOptions {
  /** "Due soon" once at most this share of the target is left… */
  dueSoonShare?: number;
  /** …or this long, whichever is larger (the list's amber uses 20 % and 15 minutes too). */
  dueSoonFloorMs?: number;
  /** Conversations read per page; a run goes through every page. */
  limit?: number;
  /** Called between batches: the periodic job's rests there, so processing keeps up (`createPace`). */
  pace?: () => Promise<void>;
}

const BATCH = 200;

/**
 * The `sla.monitor` job, every minute: replays the clock of every conversation still owed
 * something, and for each target (first response, next response, resolution) that has
 * become due soon or breached records the transition once in `sla_escalations` (keyed by
 * target and due time, so a new next-response cycle can fire again) and calls `onSlaEvent`;
 * every tab hears a `conversation.sla` event. Answers how many transitions fired.
 */
export async function monitorSla(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus' | 'logger'>, onSlaEvent: OnSlaEvent, options: SlaMonitorOptions = {}): Promise<number> {
  const now = deps.clock.now();
  const pageSize = options.limit ?? 5000;
  let fired = 0;
  // Keyset pages on (workspace, id): past the first page the newest conversations are watched too.
  for (let after: { workspaceId: string; id: string } | null = null; ;) {
    const rows = await owedPage(deps.db, after, pageSize);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      for (const workspaceId of new Set(batch.map((row) => row.workspace_id))) {
        fired += await monitorWorkspace(deps, onSlaEvent, options, workspaceId, batch.filter((row) => row.workspace_id === workspaceId), now);
      }
      await options.pace?.();
    }
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return fired;
    after = { workspaceId: last.workspace_id, id: last.id };
  }
}

/** Conversations still owed something, in (workspace, id) order, after `after`. */
function owedPage(db: Db, after: { workspaceId: string; id: string } | null, size: number) {
  let query = db.selectFrom('conversations as c')
    .innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
    .select(['c.workspace_id', 'c.id', 'c.kind', 'c.status', 'c.linked_conversation_id', 'c.updated_at', 'c.external_thread_id', 'c.channel_id as channelId', 'ch.kind as channelKind'])
    .where('c.status', 'in', ['open', 'pending', 'snoozed']).where('c.last_inbound_at', 'is not', null);
  if (after) {
    query = query.where((eb) => eb.or([eb('c.workspace_id', '>', after.workspaceId), eb.and([eb('c.workspace_id', '=', after.workspaceId), eb('c.id', '>', after.id)])]));
  }
  return query.orderBy('c.workspace_id').orderBy('c.id').limit(size).execute();
}

async function monitorWorkspace(deps: Pick<InboxDeps, 'db' | 'bus' | 'logger'>, onSlaEvent: OnSlaEvent, options: SlaMonitorOptions, workspaceId: string,
  rows: (Omit<SlaRow, 'surface'> & { external_thread_id: string | null; channelKind: string })[], now: number): Promise<number> {
  const [settingsFor, timelines, surfaces] = await Promise.all([careSettingsResolver(deps.db, workspaceId), loadTimelines(deps.db, workspaceId, rows), surfacesOf(deps.db, workspaceId, rows)]);
  let fired = 0;
  for (const base of rows) {
    const row = { ...base, surface: surfaces.get(base.id)! };
    const settings = settingsFor(row.channelId);
    const sla = slaOf(settings, row, timelineOf(row, timelines), now);
    if (!sla) continue;
    const policy = slaPolicyFor(settings.policies, row.surface, row.kind);
    const targets: [Target, SlaMeasure | null, number][] = [
      ['first_response', sla.firstResponse, policy.firstResponseMs],
      ['next_response', sla.nextResponse, policy.nextResponseMs],
      ['resolution', sla.resolution, policy.resolutionMs],
    ];
    for (const [target, measure, targetMs] of targets) {
      const event = transition(measure, targetMs, options);
      if (!event || measure?.dueAt == null) continue;
      if (await fire(deps, onSlaEvent, { workspaceId, conversationId: row.id, target, dueAt: measure.dueAt, event, now })) fired++;
    }
  }
  return fired;
}

/** Where a pending clock stands: breached, due soon, or nothing to say. */
function transition(measure: SlaMeasure | null, targetMs: SlaPolicy['firstResponseMs'], options: SlaMonitorOptions): SlaEventName | null {
  if (!measure || measure.metAt !== null || measure.dueAt === null) return null;
  if (measure.breached) return 'sla_breached';
  const threshold = Math.max((options.dueSoonShare ?? 0.2) * targetMs, options.dueSoonFloorMs ?? 15 * 60_000);
  return measure.remainingMs <= threshold ? 'sla_due_soon' : null;
}

interface Transition {
  workspaceId: string;
  conversationId: string;
  target: Target;
  dueAt: number;
  event: SlaEventName;
  now: number;
}

/** Records the transition; only the run that recorded it tells anyone. */
async function fire(deps: Pick<InboxDeps, 'db' | 'bus' | 'logger'>, onSlaEvent: OnSlaEvent, t: Transition): Promise<boolean> {
  const key = { workspace_id: t.workspaceId, conversation_id: t.conversationId, target: t.target, due_at: t.dueAt, event: t.event };
  const recorded = await deps.db.selectFrom('sla_escalations').select('event').where('workspace_id', '=', key.workspace_id).where('conversation_id', '=', key.conversation_id)
    .where('target', '=', key.target).where('due_at', '=', key.due_at).where('event', '=', key.event).executeTakeFirst();
  if (recorded) return false;
  // Told first, recorded after: a crash in between tells it again on the next round, and the
  // rules take the same event key only once. Recording first would lose it instead.
  try {
    await onSlaEvent(t.workspaceId, t.conversationId, t.event, { target: t.target, dueAt: t.dueAt, eventKey: `${t.event}:${t.conversationId}:${t.target}:${t.dueAt}` });
  } catch (error) {
    deps.logger.error({ err: error, conversationId: t.conversationId, event: t.event }, 'SLA escalation failed; it will be tried again');
    return false;
  }
  const inserted = await deps.db.insertInto('sla_escalations').values({ ...key, fired_at: t.now })
    .onConflict((oc) => oc.columns(['workspace_id', 'conversation_id', 'target', 'due_at', 'event']).doNothing()).returning('event').executeTakeFirst();
  if (!inserted) return false;
  await publishAll(deps.bus, [{ workspaceId: t.workspaceId, type: 'conversation.sla', data: { conversationId: t.conversationId, event: t.event, target: t.target, dueAt: t.dueAt } }]);
  return true;
}
