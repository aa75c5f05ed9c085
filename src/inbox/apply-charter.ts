import { evaluateCharter, protectiveReplyTemplate, type Charter, type CharterVerdict, type PersonalDataKind } from '../care/index.ts';
import { newId, newSecret } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { ChannelRef } from './contacts.ts';
import { queueOutbound } from './queue-outbound.ts';
import { currentCharter } from './automation/charters.ts';

export interface CommentForCharter {
  messageId: string;
  conversationId: string;
  externalId: string;
  surface: string;
  text: string;
}

/**
 * Checks a new customer comment against the charter. A clause that hides sends a hide to
 * the platform as a rule (the moderation log records the clause and its version when the
 * platform confirms); a clause that only flags is noted on the message for review.
 * The workspace's latest charter applies (the default one until an admin saves theirs); a
 * caller checking many comments in one transaction reads it once and passes it as `charter`.
 */
export async function applyCharter(db: Db, queue: Queue, channel: ChannelRef, comment: CommentForCharter, now: number, charter?: Charter): Promise<void> {
  const verdict = evaluateCharter(charter ?? await currentCharter(db, channel.workspaceId), comment.text);
  if (!verdict.action) return;
  const clauses = verdict.matches.map((match) => ({ clauseId: match.clauseId, title: match.clauseTitle, version: match.version, action: match.action, evidence: match.evidence }));
  const message = await db.selectFrom('messages').select(['meta', 'language']).where('workspace_id', '=', channel.workspaceId).where('id', '=', comment.messageId).executeTakeFirstOrThrow();
  const proposedReply = protectiveReply(verdict, message.language === 'en' ? 'en' : 'fr');
  await db.updateTable('messages').set({ meta: JSON.stringify({ ...JSON.parse(message.meta), charter: { action: verdict.action, clauses, ...(proposedReply ? { proposedReply } : {}) } }) })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', comment.messageId).execute();
  if (verdict.action !== 'hide') return;
  const clause = verdict.matches.find((match) => match.action === 'hide')!;
  const outboundId = newId(now);
  await queueOutbound(db, queue, {
    workspaceId: channel.workspaceId, id: outboundId, messageId: comment.messageId, conversationId: comment.conversationId, channelId: channel.channelId,
    idempotencyKey: `charter:${newSecret(12)}`, action: { type: 'hide', surface: comment.surface, commentExternalId: comment.externalId },
    actor: { type: 'rule', id: `charter:${clause.clauseId}` }, reason: clause.clauseTitle, clause: `${clause.clauseId}@v${clause.version}`, now,
  });
}

const personalData: readonly string[] = ['phone', 'email', 'iban', 'card_number'] satisfies PersonalDataKind[];

/**
 * Hiding a comment in which customers showed their own phone, email or bank details protects
 * them: the private reply the charter proposes says so, in the customer's language.
 */
function protectiveReply(verdict: CharterVerdict, locale: 'fr' | 'en'): string | undefined {
  const exposed = verdict.matches.find((match) => match.action === 'hide' && match.detector && personalData.includes(match.detector));
  return exposed ? protectiveReplyTemplate(locale, exposed.detector as PersonalDataKind) : undefined;
}
