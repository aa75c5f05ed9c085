/**
 * Carries out a fired rule's actions through the inbox's own use-cases. Every action is safe
 * to repeat: a retried job finds the label already there, the reply already queued under its
 * idempotency key, the notification already written. A refused action (a closed Messenger
 * window, a deleted canned reply) is recorded as failed and the next action still runs.
 */
import { nextOpening, type Action, type Facts } from '../../care/index.ts';
import { isAppError, newId } from '../../kernel/index.ts';
import { publishAll, type InboxDeps } from '../deps.ts';
import { sendReply } from '../send-reply.ts';
import { updateConversation } from '../update-conversation.ts';
import { hideByRule } from './hide-by-rule.ts';

export interface RulesDeps extends InboxDeps {
  /** Round-robin assignment, supplied by routing; returns who got the conversation. */
  autoAssign?: ((workspaceId: string, conversationId: string) => Promise<string | null>) | undefined;
}

export interface ActionOutcome {
  type: Action['type'];
  status: 'done' | 'skipped' | 'failed';
  detail?: string;
}

export interface Firing {
  id: string;
  workspaceId: string;
  conversationId: string;
  messageId: string | null;
  ruleId: string;
  ruleName: string;
  version: number;
  facts: Facts;
}

type Result = Omit<ActionOutcome, 'type'>;

export async function carryOut(deps: RulesDeps, firing: Firing, actions: Action[]): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  for (const [index, action] of actions.entries()) {
    try {
      outcomes.push({ type: action.type, ...(await carryOutOne(deps, firing, action, `rule:${firing.id}:${index}`)) });
    } catch (error) {
      // Refusals are the business's answer; anything else (the database) fails the job for a retry.
      if (!isAppError(error)) throw error;
      outcomes.push({ type: action.type, status: 'failed', detail: error.message });
    }
  }
  return outcomes;
}

async function carryOutOne(deps: RulesDeps, firing: Firing, action: Action, key: string): Promise<Result> {
  const { workspaceId, conversationId } = firing;
  switch (action.type) {
    case 'add_label':
      return addLabel(deps, firing, action.label);
    case 'assign':
      return action.to.kind === 'user'
        ? (await updateConversation(deps, workspaceId, conversationId, { assigneeId: action.to.userId }), { status: 'done', detail: action.to.userId })
        : roundRobin(deps, firing);
    case 'set_priority': {
      // A rule raises the priority; it never lowers one a person (or an earlier rule) set higher.
      const current = await deps.db.selectFrom('conversations').select('priority')
        .where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
      if (current && current.priority >= action.priority) return { status: 'skipped', detail: `already at ${current.priority}` };
      await updateConversation(deps, workspaceId, conversationId, { priority: action.priority });
      return { status: 'done' };
    }
    case 'hide_comment':
      return hideByRule(deps, firing, action.charterClauseId, key);
    case 'reply':
      return replyWithCanned(deps, firing, action.cannedReplyId, action.visibility, key);
    case 'auto_acknowledge': {
      // One acknowledgement per closed spell: the key is the time the shop reopens.
      const reopens = nextOpening(firing.facts.hours, firing.facts.at);
      const visibility = firing.facts.visibility === 'public' ? 'public' : 'private';
      return replyWithCanned(deps, firing, action.cannedReplyId, visibility, `ack:${conversationId}:${reopens ?? 'never'}`);
    }
    case 'notify':
      return notify(deps, firing, action.to, key);
    case 'snooze':
      await updateConversation(deps, workspaceId, conversationId, { snoozedUntil: deps.clock.now() + action.durationMs });
      return { status: 'done' };
  }
}

async function addLabel(deps: RulesDeps, firing: Firing, labelId: string): Promise<Result> {
  const label = await deps.db.selectFrom('labels').select('name').where('workspace_id', '=', firing.workspaceId).where('id', '=', labelId).executeTakeFirst();
  if (!label) return { status: 'failed', detail: 'the label no longer exists' };
  await deps.db.insertInto('conversation_labels').values({ workspace_id: firing.workspaceId, conversation_id: firing.conversationId, label_id: labelId, created_at: deps.clock.now() })
    .onConflict((conflict) => conflict.columns(['workspace_id', 'conversation_id', 'label_id']).doNothing()).execute();
  await publishAll(deps.bus, [{ workspaceId: firing.workspaceId, type: 'conversation.updated', data: { conversationId: firing.conversationId } }]);
  return { status: 'done', detail: label.name };
}

async function roundRobin(deps: RulesDeps, firing: Firing): Promise<Result> {
  const conversation = await deps.db.selectFrom('conversations').select('assignee_id').where('workspace_id', '=', firing.workspaceId).where('id', '=', firing.conversationId).executeTakeFirstOrThrow();
  if (conversation.assignee_id) return { status: 'skipped', detail: 'already assigned' };
  if (!deps.autoAssign) return { status: 'skipped', detail: 'routing unavailable' };
  const userId = await deps.autoAssign(firing.workspaceId, firing.conversationId);
  if (!userId) return { status: 'skipped', detail: 'nobody available' };
  const after = await deps.db.selectFrom('conversations').select('assignee_id').where('workspace_id', '=', firing.workspaceId).where('id', '=', firing.conversationId).executeTakeFirstOrThrow();
  if (after.assignee_id !== userId) await updateConversation(deps, firing.workspaceId, firing.conversationId, { assigneeId: userId });
  return { status: 'done', detail: userId };
}

async function replyWithCanned(deps: RulesDeps, firing: Firing, cannedReplyId: string, visibility: 'public' | 'private', key: string): Promise<Result> {
  const sent = await deps.db.selectFrom('outbound').select('id').where('workspace_id', '=', firing.workspaceId).where('idempotency_key', '=', key).executeTakeFirst();
  if (sent) return { status: 'skipped', detail: 'already sent' };
  const canned = await deps.db.selectFrom('canned_replies').select('body').where('workspace_id', '=', firing.workspaceId).where('id', '=', cannedReplyId).executeTakeFirst();
  if (!canned) return { status: 'failed', detail: 'the canned reply no longer exists' };
  const text = await fillCanned(deps, firing, canned.body);
  const { messageId } = await sendReply(deps, firing.workspaceId, { type: 'rule', id: firing.ruleId }, firing.conversationId, { text, visibility, idempotencyKey: key });
  return { status: 'done', detail: messageId };
}

/** The template variables a rule can fill (no agent writes a rule's reply). */
async function fillCanned(deps: RulesDeps, firing: Firing, body: string): Promise<string> {
  const row = await deps.db.selectFrom('conversations').leftJoin('contacts', (join) => join.onRef('contacts.id', '=', 'conversations.contact_id').onRef('contacts.workspace_id', '=', 'conversations.workspace_id'))
    .innerJoin('workspaces', 'workspaces.id', 'conversations.workspace_id')
    .select(['contacts.name as contactName', 'workspaces.name as workspaceName'])
    .where('conversations.workspace_id', '=', firing.workspaceId).where('conversations.id', '=', firing.conversationId).executeTakeFirstOrThrow();
  const name = row.contactName?.trim() ?? '';
  const values: Record<string, string> = { 'contact.first_name': name.split(/\s+/)[0] ?? '', 'contact.name': name, 'workspace.name': row.workspaceName, 'agent.first_name': '', 'agent.name': '' };
  const text = body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, variable: string) => values[variable] ?? match);
  // "Bonjour {{contact.first_name}}," without a name reads "Bonjour ,": close the gap.
  return text.replace(/ +([,.])/g, '$1').replace(/ {2,}/g, ' ');
}

async function notify(deps: RulesDeps, firing: Firing, to: Extract<Action, { type: 'notify' }>['to'], key: string): Promise<Result> {
  const members = await deps.db.selectFrom('memberships').select(['user_id', 'role']).where('workspace_id', '=', firing.workspaceId).execute();
  const userIds = to.kind === 'admins'
    ? members.filter((m) => m.role === 'owner' || m.role === 'admin').map((m) => m.user_id)
    : to.userIds.filter((id) => members.some((m) => m.user_id === id));
  const now = deps.clock.now();
  const data = JSON.stringify({ ruleId: firing.ruleId, ruleName: firing.ruleName, version: firing.version, excerpt: firing.facts.text.slice(0, 160) });
  const created: { userId: string; id: string }[] = [];
  for (const userId of userIds) {
    const id = newId(now);
    const result = await deps.db.insertInto('notifications').values({
      workspace_id: firing.workspaceId, id, user_id: userId, kind: 'rule', source_key: key, conversation_id: firing.conversationId, message_id: firing.messageId, data, created_at: now, read_at: null,
    }).onConflict((conflict) => conflict.columns(['workspace_id', 'user_id', 'source_key']).doNothing()).returning('id').executeTakeFirst();
    if (result) created.push({ userId, id });
  }
  await publishAll(deps.bus, created.map((n) => ({ workspaceId: firing.workspaceId, type: 'notification.created', data: { userId: n.userId, notificationId: n.id, conversationId: firing.conversationId } })));
  return userIds.length > 0 ? { status: 'done', detail: `${userIds.length}` } : { status: 'skipped', detail: 'nobody to notify' };
}
