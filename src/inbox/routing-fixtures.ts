/**
 * Test fixtures for routing and SLA suites: a workspace with agents, a channel and
 * conversations written straight to a real test database (no HTTP needed to prove routing).
 */
import { newId } from '../kernel/index.ts';
import type { Availability, Db, RoutingMode } from '../store/index.ts';

export interface RoutingWorld {
  workspaceId: string;
  channelId: string;
  /** Agent ids by name, in creation order. */
  agents: Record<string, string>;
}

let counter = 0;

/** A workspace, its members (all agents) with their availability, and one channel. */
export async function createWorld(db: Db, agents: Record<string, Availability>, now: number, channelKind = 'meta'): Promise<RoutingWorld> {
  const workspaceId = newId(now);
  await db.insertInto('workspaces').values({ id: workspaceId, name: `Boutique ${++counter}`, locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
  const ids: Record<string, string> = {};
  for (const [name, status] of Object.entries(agents)) {
    // Ids sort in creation order, so round-robin ties are broken predictably.
    const userId = `u${String(++counter).padStart(6, '0')}-${name}`;
    ids[name] = userId;
    await db.insertInto('users').values({ id: userId, email: `${userId}@example.com`, name, password_hash: 'x', locale: null, created_at: now, password_changed_at: now }).execute();
    await db.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role: 'agent', created_at: now }).execute();
    await db.insertInto('agent_availability').values({ workspace_id: workspaceId, user_id: userId, status, updated_at: now }).execute();
  }
  const channelId = await addTestChannel(db, workspaceId, channelKind, now);
  return { workspaceId, channelId, agents: ids };
}

export async function addTestChannel(db: Db, workspaceId: string, kind: string, now: number): Promise<string> {
  const id = newId(now) + String(++counter);
  await db.insertInto('channels').values({ workspace_id: workspaceId, id, kind, name: `${kind} ${counter}`, external_id: null, settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
  return id;
}

export async function addTeam(db: Db, world: RoutingWorld, input: { mode: RoutingMode; members: Record<string, number>; channelIds?: string[]; isDefault?: boolean }, now: number): Promise<string> {
  const teamId = newId(now) + String(++counter);
  await db.insertInto('teams').values({
    workspace_id: world.workspaceId, id: teamId, name: `Team ${counter}`, mode: input.mode, channel_ids: JSON.stringify(input.channelIds ?? [world.channelId]),
    is_default: input.isDefault ? 1 : 0, created_at: now, updated_at: now,
  }).execute();
  for (const [name, capacity] of Object.entries(input.members)) {
    await db.insertInto('team_members').values({ workspace_id: world.workspaceId, team_id: teamId, user_id: world.agents[name]!, capacity, last_assigned_seq: 0, created_at: now }).execute();
  }
  return teamId;
}

/** Unassigned open conversations on the channel, oldest first. */
export async function addConversations(db: Db, world: RoutingWorld, count: number, now: number, options: { channelId?: string; assigneeId?: string; kind?: 'public' | 'private'; threadPrefix?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `c${String(++counter).padStart(8, '0')}`;
    ids.push(id);
    await db.insertInto('conversations').values({
      workspace_id: world.workspaceId, id, channel_id: options.channelId ?? world.channelId, contact_id: null, kind: options.kind ?? 'private', status: 'open',
      external_thread_id: `${options.threadPrefix ?? 'messenger'}:${id}`, subject: null, assignee_id: options.assigneeId ?? null, priority: 0, snoozed_until: null,
      last_message_at: now + i, created_at: now + i, updated_at: now, post_id: null, last_inbound_at: now + i, linked_conversation_id: null, sentiment: null, worst_sentiment: null,
    }).execute();
  }
  return ids;
}

/** A message in a conversation at `at`: the customer's, an agent's reply, or a note. */
export async function addMessage(db: Db, world: RoutingWorld, conversationId: string, at: number, from: 'customer' | 'agent' | 'note'): Promise<void> {
  await db.insertInto('messages').values({
    workspace_id: world.workspaceId, id: newId(at) + String(++counter), conversation_id: conversationId, channel_id: world.channelId,
    direction: from === 'customer' ? 'in' : 'out', kind: from === 'note' ? 'note' : 'message', author_type: from === 'customer' ? 'contact' : 'user', author_id: null,
    text: from, external_id: null, attachments: '[]', meta: '{}', platform_created_at: at, created_at: at, edited_at: null, platform_updated_at: at,
    reply_to_external_id: null, language: null, sentiment: null, sentiment_score: null, intents: null, classified_by: null,
  }).execute();
}

/** How many open or pending conversations each agent holds. */
export async function loads(db: Db, workspaceId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('conversations').select(['assignee_id']).where('workspace_id', '=', workspaceId).where('status', 'in', ['open', 'pending']).execute();
  const result: Record<string, number> = {};
  for (const row of rows) if (row.assignee_id) result[row.assignee_id] = (result[row.assignee_id] ?? 0) + 1;
  return result;
}
