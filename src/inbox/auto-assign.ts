import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, RoutingMode, TeamMembersTable, Transaction, Database } from '../store/index.ts';
import { publishAll, type InboxDeps, type PendingEvent } from './deps.ts';
import { jobType } from '../jobs/index.ts';
import { z } from 'zod';

/** One job per conversation created by ingestion: `{ workspaceId, conversationId }`. */
export const ROUTING_QUEUE = 'routing.assign';
/** Waiting conversations offered again when an agent comes online: `{ workspaceId }`. */
export const PICKUP_QUEUE = 'routing.pickup';

const id = z.string().min(1).max(64);
export const assignJob = jobType(ROUTING_QUEUE, z.object({ workspaceId: id, conversationId: id }));
export const pickupJob = jobType(PICKUP_QUEUE, z.object({ workspaceId: id }));

/** A team member's load: the open and pending conversations assigned to them. */
const openLoad = (eb: ExpressionBuilder<Database & { tm: TeamMembersTable }, 'tm'>) => eb.selectFrom('conversations as c').select((c) => c.fn.countAll<number>().as('n'))
  .whereRef('c.workspace_id', '=', 'tm.workspace_id').whereRef('c.assignee_id', '=', 'tm.user_id').where('c.status', 'in', ['open', 'pending']);

interface Candidate {
  userId: string;
  capacity: number;
  load: number;
  lastAssignedSeq: number;
}

/** The team that serves a channel: the one naming it (oldest first), else the default team. */
export async function teamForChannel(db: Db, workspaceId: string, channelId: string): Promise<{ id: string; mode: RoutingMode } | null> {
  const teams = await db.selectFrom('teams').select(['id', 'mode', 'channel_ids', 'is_default']).where('workspace_id', '=', workspaceId)
    .orderBy('created_at').orderBy('id').execute();
  const team = teams.find((t) => (JSON.parse(t.channel_ids) as string[]).includes(channelId)) ?? teams.find((t) => t.is_default === 1);
  return team ? { id: team.id, mode: team.mode } : null;
}

/** Round-robin: whoever was served longest ago. Least-loaded: the fewest open conversations, then the same. */
function pick(mode: RoutingMode, candidates: Candidate[]): Candidate | undefined {
  const byTurn = (a: Candidate, b: Candidate) => a.lastAssignedSeq - b.lastAssignedSeq || a.userId.localeCompare(b.userId);
  const order = mode === 'least_loaded' ? (a: Candidate, b: Candidate) => a.load - b.load || byTurn(a, b) : byTurn;
  return candidates.filter((c) => c.load < c.capacity).sort(order)[0];
}

async function candidatesOf(trx: Transaction<Database>, workspaceId: string, teamId: string): Promise<Candidate[]> {
  const rows = await trx.selectFrom('team_members as tm')
    .innerJoin('agent_availability as a', (join) => join.onRef('a.workspace_id', '=', 'tm.workspace_id').onRef('a.user_id', '=', 'tm.user_id'))
    .innerJoin('memberships as m', (join) => join.onRef('m.workspace_id', '=', 'tm.workspace_id').onRef('m.user_id', '=', 'tm.user_id'))
    .select((eb) => ['tm.user_id', 'tm.capacity', 'tm.last_assigned_seq',
      openLoad(eb).as('load')])
    .where('tm.workspace_id', '=', workspaceId).where('tm.team_id', '=', teamId).where('a.status', '=', 'online')
    .execute();
  return rows.map((row) => ({ userId: row.user_id, capacity: Number(row.capacity), load: Number(row.load ?? 0), lastAssignedSeq: Number(row.last_assigned_seq) }));
}

/**
 * Gives an unassigned conversation to an agent of the team serving its channel who is online
 * and under capacity (open and pending conversations), round-robin or least-loaded as the team
 * says. Every assignment of a workspace first takes its `routing_locks` row (an upsert: the
 * row lock on PostgreSQL, the write lock on SQLite), so concurrent arrivals are decided one
 * after the other and no agent ever goes over capacity; the update itself only applies while
 * the conversation is still unassigned, so it is assigned at most once.
 *
 * Returns the agent it assigned, or null when it assigned nobody (already assigned or closed,
 * no team for the channel, nobody online with room): the conversation stays in Unassigned.
 *
 * @example const agentId = await autoAssign(deps, workspaceId, conversationId);
 */
export async function autoAssign(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus'>, workspaceId: string, conversationId: string): Promise<string | null> {
  const conversation = await deps.db.selectFrom('conversations').select(['channel_id', 'assignee_id', 'status'])
    .where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  if (!conversation || conversation.assignee_id !== null || conversation.status === 'resolved') return null;
  const team = await teamForChannel(deps.db, workspaceId, conversation.channel_id);
  if (!team) return null;
  const now = deps.clock.now();
  const assigned = await deps.db.transaction().execute((trx) => assignWithin(trx, workspaceId, conversationId, team, now));
  if (assigned) await publishAll(deps.bus, assignedEvents(workspaceId, conversationId, assigned));
  return assigned;
}

/**
 * The assignment itself, in the caller's transaction: ingestion routes a conversation it just
 * opened in the transaction that opens it, so it is never seen unrouted. Publish
 * `assignedEvents` once that transaction commits.
 */
export async function assignWithin(trx: Transaction<Database>, workspaceId: string, conversationId: string, team: { id: string; mode: RoutingMode }, now: number): Promise<string | null> {
  // First write of the assignment: it queues this transaction behind any other assignment.
  const lock = await trx.insertInto('routing_locks').values({ workspace_id: workspaceId, seq: 1 })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet((eb) => ({ seq: eb('routing_locks.seq', '+', 1) })))
    .returning('seq').executeTakeFirstOrThrow();
  const chosen = pick(team.mode, await candidatesOf(trx, workspaceId, team.id));
  if (!chosen) return null;
  const result = await trx.updateTable('conversations').set({ assignee_id: chosen.userId, updated_at: now })
    .where('workspace_id', '=', workspaceId).where('id', '=', conversationId).where('assignee_id', 'is', null).where('status', '!=', 'resolved')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  await trx.updateTable('team_members').set({ last_assigned_seq: Number(lock.seq) })
    .where('workspace_id', '=', workspaceId).where('team_id', '=', team.id).where('user_id', '=', chosen.userId).execute();
  return chosen.userId;
}

/** What the inbox hears when routing gave a conversation to an agent. */
export function assignedEvents(workspaceId: string, conversationId: string, assigneeId: string): PendingEvent[] {
  return [
    { workspaceId, type: 'conversation.updated', data: { conversationId } },
    { workspaceId, type: 'conversation.assigned', data: { conversationId, assigneeId, by: 'routing' } },
  ];
}

/**
 * Offers the workspace's conversations that wait for a reply to routing again, the longest
 * waiting first; run when an agent comes online. A conversation waits when a visible customer
 * message came after the shop's last reply: an answered thread, or one whose only news is a
 * hidden (spam, charter) comment, is not picked up. Answers how many were assigned.
 */
export async function assignWaiting(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus'>, workspaceId: string, limit = 200): Promise<number> {
  if (!(await anyoneHasRoom(deps.db, workspaceId))) return 0;
  const waiting = await waitingForReply(deps.db, workspaceId, limit);
  let assigned = 0;
  for (const id of waiting) {
    if (!(await autoAssign(deps, workspaceId, id))) continue;
    assigned++;
    // Room only shrinks as we assign: once it is gone, the rest of the backlog waits.
    if (!(await anyoneHasRoom(deps.db, workspaceId))) break;
  }
  return assigned;
}

/** Unassigned open conversations with an unanswered visible customer message, oldest wait first. */
async function waitingForReply(db: Db, workspaceId: string, limit: number): Promise<string[]> {
  const at = (alias: string) => sql<number>`coalesce(${sql.ref(`${alias}.platform_created_at`)}, ${sql.ref(`${alias}.created_at`)})`;
  const rows = await db.selectFrom((outer) => outer.selectFrom('conversations as c').select((eb) => {
    const lastReply = eb.selectFrom('messages as o').select(sql<number>`max(${at('o')})`.as('t'))
      .whereRef('o.workspace_id', '=', 'c.workspace_id').whereRef('o.conversation_id', '=', 'c.id')
      .where('o.direction', '=', 'out').where('o.kind', '!=', 'note');
    const waitingSince = eb.selectFrom('messages as m').select(sql<number>`min(${at('m')})`.as('t'))
      .whereRef('m.workspace_id', '=', 'c.workspace_id').whereRef('m.conversation_id', '=', 'c.id')
      .where('m.direction', '=', 'in').where('m.status', '=', 'visible').where('m.kind', '!=', 'note')
      .where(sql<boolean>`${at('m')} > coalesce((${lastReply}), -1)`);
    return ['c.id', waitingSince.as('waiting_since')];
  }).where('c.workspace_id', '=', workspaceId).where('c.assignee_id', 'is', null).where('c.status', 'in', ['open', 'pending']).as('w'))
    .select('w.id').where('w.waiting_since', 'is not', null)
    .orderBy('w.waiting_since').orderBy('w.id').limit(limit).execute();
  return rows.map((row) => row.id);
}

/** Whether any online team member has room: cheap, so a full team costs no walk through the backlog. */
async function anyoneHasRoom(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await db.selectFrom('team_members as tm')
    .innerJoin('agent_availability as a', (join) => join.onRef('a.workspace_id', '=', 'tm.workspace_id').onRef('a.user_id', '=', 'tm.user_id'))
    .select((eb) => ['tm.capacity',
      openLoad(eb).as('load')])
    .where('tm.workspace_id', '=', workspaceId).where('a.status', '=', 'online').execute();
  return rows.some((row) => Number(row.load ?? 0) < Number(row.capacity));
}
