/**
 * The `rules.run` job and `runRulesForEvent`. The first run of an event evaluates the rules
 * and writes one firing row per fired rule (unique per event and rule version) before any
 * action; each firing is completed with its outcomes once its actions ran. A run that
 * crashed half-way is retried from those rows: the chain is not re-evaluated, completed
 * firings are skipped, and the actions of the others are safe to repeat.
 */
import { evaluateRules, type Action, type Facts, type RuleEvent } from '../../care/index.ts';
import { newId } from '../../kernel/index.ts';
import { enqueueJob, jobType, type Queue } from '../../jobs/index.ts';
import { z } from 'zod';
import type { Db, RuleFiringsTable } from '../../store/index.ts';
import { isUniqueViolation } from '../../store/index.ts';
import { publishAll, type PendingEvent } from '../deps.ts';
import { carryOut, type ActionOutcome, type RulesDeps } from './carry-out.ts';
import { gatherFacts, messagesForFacts, toMessageForFacts, type MessageForFacts } from './gather-facts.ts';
import { loadRules } from './rules-store.ts';

export const RULES_QUEUE = 'rules.run';
export const RULES_ATTEMPTS = 5;

/** `rules.run`: the rules for one new customer message. */
export const rulesJob = jobType(RULES_QUEUE, z.object({ workspaceId: z.string().min(1), messageId: z.string().min(1) }));
export type RulesJob = z.infer<typeof rulesJob.schema>;

/** Queues the rules for a new customer message, in the transaction that stored it. */
export function enqueueRules(queue: Queue, db: Db, job: RulesJob) {
  return enqueueJob(queue, rulesJob, job, { db, maxAttempts: RULES_ATTEMPTS, backoffMs: 2000 });
}

/**
 * Queues the rules for every new customer message among the events an ingestion produced,
 * in its transaction. A workspace without an enabled rule for new messages gets no job: the
 * job would find nothing to evaluate. `known` remembers that answer per workspace across the
 * deliveries of one transaction.
 */
export async function enqueueRulesForNew(queue: Queue, db: Db, events: readonly PendingEvent[], known = new Map<string, boolean>()): Promise<void> {
  for (const event of events) {
    const data = event.data as { messageId?: string; direction?: string };
    if (event.type !== 'message.created' || data.direction !== 'in' || !data.messageId) continue;
    if (!known.has(event.workspaceId)) known.set(event.workspaceId, await hasRulesForNewMessages(db, event.workspaceId));
    if (known.get(event.workspaceId)) await enqueueRules(queue, db, { workspaceId: event.workspaceId, messageId: data.messageId });
  }
}

/** Whether a new customer message can fire anything: an enabled rule on `conversation_created` or `message_received`. */
async function hasRulesForNewMessages(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('rules').select('id').where('workspace_id', '=', workspaceId).where('enabled', '=', 1)
    .where('event', 'in', ['conversation_created', 'message_received']).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The trail kept on a message: "hidden by rule 'Insultes' v3". */
export interface RuleTrailEntry {
  ruleId: string;
  ruleName: string;
  version: number;
  event: RuleEvent;
  at: number;
  outcomes: ActionOutcome[];
}

/** The job: `conversation_created` when this message opened its conversation, then `message_received`. */
export async function runRulesForMessage(deps: RulesDeps, job: RulesJob): Promise<void> {
  const row = await messagesForFacts(deps.db, job.workspaceId).where('m.id', '=', job.messageId)
    .where('m.direction', '=', 'in').where('m.author_type', '=', 'contact').executeTakeFirst();
  if (!row) return;
  const earlier = await deps.db.selectFrom('messages as m').select('m.id').where('m.workspace_id', '=', job.workspaceId).where('m.conversation_id', '=', row.conversationId)
    .where('m.seq', '<', deps.db.selectFrom('messages').select('seq').where('workspace_id', '=', job.workspaceId).where('id', '=', job.messageId)).limit(1).executeTakeFirst();
  const message = toMessageForFacts(row);
  if (!earlier) await runEvent(deps, job.workspaceId, 'conversation_created', `conversation_created:${job.messageId}`, message);
  await runEvent(deps, job.workspaceId, 'message_received', `message_received:${job.messageId}`, message);
}

/**
 * Runs one event's rules on a conversation, for callers outside ingestion (the SLA monitor,
 * cart recovery). Without `messageId` the facts are the latest customer message's. The event
 * runs once per `eventKey` (default: event and message, or event and conversation).
 *
 * @example await runRulesForEvent(deps, { workspaceId, event: 'sla_breached', conversationId })
 */
export async function runRulesForEvent(deps: RulesDeps, input: { workspaceId: string; event: RuleEvent; conversationId: string; messageId?: string | undefined; eventKey?: string | undefined }): Promise<void> {
  const base = messagesForFacts(deps.db, input.workspaceId).where('m.conversation_id', '=', input.conversationId);
  const row = input.messageId
    ? await base.where('m.id', '=', input.messageId).executeTakeFirst()
    : await base.where('m.direction', '=', 'in').orderBy('m.seq', 'desc').limit(1).executeTakeFirst();
  const message = row ? toMessageForFacts(row) : await emptyMessage(deps.db, input.workspaceId, input.conversationId);
  if (!message) return;
  const key = input.eventKey ?? `${input.event}:${message.messageId ?? input.conversationId}`;
  await runEvent(deps, input.workspaceId, input.event, key, message, deps.clock.now());
}

/** A conversation without a customer message yet (a cart follow-up): facts from the conversation alone. */
async function emptyMessage(db: Db, workspaceId: string, conversationId: string): Promise<MessageForFacts | undefined> {
  const row = await db.selectFrom('conversations as c').innerJoin('channels as ch', (join) => join.onRef('ch.id', '=', 'c.channel_id').onRef('ch.workspace_id', '=', 'c.workspace_id'))
    .select(['c.id', 'c.channel_id', 'ch.kind', 'c.kind as conversationKind', 'c.contact_id', 'c.created_at'])
    .where('c.workspace_id', '=', workspaceId).where('c.id', '=', conversationId).executeTakeFirst();
  return row && {
    messageId: null, conversationId: row.id, channelId: row.channel_id, channelKind: row.kind, conversationKind: row.conversationKind, contactId: row.contact_id,
    text: '', meta: '{}', language: null, sentiment: null, intents: null, at: row.created_at,
  };
}

async function runEvent(deps: RulesDeps, workspaceId: string, event: RuleEvent, eventKey: string, message: MessageForFacts, at?: number): Promise<void> {
  let facts: Facts | undefined;
  // Facts cost a few queries (and maybe a classification): gathered only when a rule may need them.
  const factsNow = async () => {
    const classifier = message.sentiment === null ? await deps.classifiers.forWorkspace(workspaceId) : undefined;
    facts ??= (await gatherFacts(deps.db, workspaceId, [message], { classifier, ...(at !== undefined ? { at } : {}) }))[0]!;
    return facts;
  };
  const firings = await planFirings(deps, workspaceId, event, eventKey, message, factsNow);
  for (const firing of firings) {
    if (firing.completed_at !== null) continue;
    const outcomes = await carryOut(deps, {
      id: firing.id, workspaceId, conversationId: firing.conversation_id, messageId: firing.message_id,
      ruleId: firing.rule_id, ruleName: firing.rule_name, version: firing.rule_version, facts: await factsNow(),
    }, JSON.parse(firing.actions) as Action[]);
    await complete(deps, firing, outcomes);
  }
}

/** The firings of this event: read back on a retry, else evaluated and written now. */
async function planFirings(deps: RulesDeps, workspaceId: string, event: RuleEvent, eventKey: string, message: MessageForFacts, factsNow: () => Promise<Facts>): Promise<RuleFiringsTable[]> {
  const stored = () => deps.db.selectFrom('rule_firings').selectAll().where('workspace_id', '=', workspaceId).where('event_key', '=', eventKey).orderBy('position').execute();
  const existing = await stored();
  if (existing.length > 0) return existing;
  const rules = (await loadRules(deps.db, workspaceId, event)).filter((rule) => rule.enabled);
  if (rules.length === 0) return [];
  const evaluation = evaluateRules(rules, event, await factsNow());
  if (evaluation.fired.length === 0) return [];
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      for (const [position, fired] of evaluation.fired.entries()) {
        await trx.insertInto('rule_firings').values({
          workspace_id: workspaceId, id: newId(now), event_key: eventKey, position, rule_id: fired.ruleId, rule_version: fired.version, rule_name: fired.ruleName,
          event, conversation_id: message.conversationId, message_id: message.messageId, actions: JSON.stringify(fired.actions), outcomes: null, created_at: now, completed_at: null,
        }).execute();
      }
    });
  } catch (error) {
    // Another worker planned the same event first: follow its plan.
    if (!isUniqueViolation(error)) throw error;
  }
  return stored();
}

async function complete(deps: RulesDeps, firing: RuleFiringsTable, outcomes: ActionOutcome[]): Promise<void> {
  const now = deps.clock.now();
  const ws = firing.workspace_id;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('rule_firings').set({ outcomes: JSON.stringify(outcomes), completed_at: now }).where('workspace_id', '=', ws).where('id', '=', firing.id).execute();
    if (!firing.message_id) return;
    const message = await trx.selectFrom('messages').select('meta').where('workspace_id', '=', ws).where('id', '=', firing.message_id).executeTakeFirstOrThrow();
    const meta = JSON.parse(message.meta) as { rules?: RuleTrailEntry[] };
    const entry: RuleTrailEntry = { ruleId: firing.rule_id, ruleName: firing.rule_name, version: firing.rule_version, event: firing.event as RuleEvent, at: now, outcomes };
    const trail = (meta.rules ?? []).filter((e) => !(e.ruleId === entry.ruleId && e.version === entry.version && e.event === entry.event));
    await trx.updateTable('messages').set({ meta: JSON.stringify({ ...meta, rules: [...trail, entry] }) }).where('workspace_id', '=', ws).where('id', '=', firing.message_id).execute();
  });
  if (firing.message_id) await publishAll(deps.bus, [{ workspaceId: ws, type: 'message.updated', data: { conversationId: firing.conversation_id, messageId: firing.message_id } }]);
}
