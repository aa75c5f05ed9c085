/**
 * A rule hiding a customer's comment: the same outbound 'hide' as an agent's, so the platform
 * confirms it and the moderation log records the rule as the actor, with "rule 'X' v3" as
 * the reason and the charter clause when the rule names one.
 */
import { newId } from '../../kernel/index.ts';
import { queueOutbound } from '../queue-outbound.ts';
import type { InboxDeps } from '../deps.ts';
import { currentCharter } from './charters.ts';
import type { Firing } from './carry-out.ts';

export function ruleReason(name: string, version: number): string {
  return `rule '${name}' v${version}`;
}

export async function hideByRule(deps: InboxDeps, firing: Firing, clauseId: string | undefined, key: string): Promise<{ status: 'done' | 'skipped'; detail?: string }> {
  const ws = firing.workspaceId;
  if (!firing.messageId) return { status: 'skipped', detail: 'no message to hide' };
  // A retry after the hide was queued (or even sent) finds it by its key.
  const mine = await deps.db.selectFrom('outbound').select('id').where('workspace_id', '=', ws).where('idempotency_key', '=', key).executeTakeFirst();
  if (mine) return { status: 'done' };
  const message = await deps.db.selectFrom('messages').select(['id', 'conversation_id', 'channel_id', 'kind', 'direction', 'external_id', 'meta', 'status'])
    .where('workspace_id', '=', ws).where('id', '=', firing.messageId).executeTakeFirstOrThrow();
  const commentExternalId = message.external_id;
  if (message.kind !== 'comment' || message.direction !== 'in' || !commentExternalId) return { status: 'skipped', detail: 'not a customer comment' };
  if (message.status !== 'visible') return { status: 'skipped', detail: `already ${message.status}` };
  // The charter may have queued a hide for the same comment a moment ago: one is enough.
  const pending = await deps.db.selectFrom('outbound').select('id').where('workspace_id', '=', ws).where('message_id', '=', message.id)
    .where('action_type', '=', 'hide').where('state', '!=', 'failed').executeTakeFirst();
  if (pending) return { status: 'skipped', detail: 'a hide is already on its way' };
  const clause = clauseId ? `${clauseId}@v${(await currentCharter(deps.db, ws)).version}` : null;
  const surface = String((JSON.parse(message.meta) as { surface?: string }).surface ?? '');
  const now = deps.clock.now();
  const outboundId = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    await queueOutbound(trx, deps.queue, {
      workspaceId: ws, id: outboundId, messageId: message.id, conversationId: message.conversation_id, channelId: message.channel_id, idempotencyKey: key,
      action: { type: 'hide', surface, commentExternalId }, actor: { type: 'rule', id: firing.ruleId }, reason: ruleReason(firing.ruleName, firing.version), clause, now,
    });
  });
  return { status: 'done' };
}
