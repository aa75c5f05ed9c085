/**
 * "Tester": which of the workspace's stored customer messages of the last N days a rule,
 * saved or not, would have matched, judged on the stored classification.
 */
import { dryRun } from '../../care/index.ts';
import type { InboxDeps } from '../deps.ts';
import { gatherFacts, messagesForFacts, toMessageForFacts } from './gather-facts.ts';
import { draftToRule, type RuleDraft } from './rules-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The newest messages first, up to this many: enough to judge a rule, bounded in cost. */
export const DRY_RUN_MAX_SCANNED = 5000;

export interface DryRunSample {
  messageId: string;
  conversationId: string;
  text: string;
  at: number;
  channelKind: string;
  surface: string;
  language: string;
  sentiment: string;
  intents: string[];
}

/** @example await dryRunRule(deps, ws, { name: 'Insultes', event: 'message_received', conditions, actions }, 30) // { matched: 4, scanned: 812, samples } */
export async function dryRunRule(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, draft: RuleDraft, days: number) {
  const rule = draftToRule(draft, 'dry-run', 1, 0);
  const rows = await messagesForFacts(deps.db, workspaceId).where('m.direction', '=', 'in').where('m.author_type', '=', 'contact')
    .where('m.created_at', '>=', deps.clock.now() - days * DAY_MS).orderBy('m.created_at', 'desc').limit(DRY_RUN_MAX_SCANNED).execute();
  const messages = rows.map(toMessageForFacts);
  const facts = await gatherFacts(deps.db, workspaceId, messages);
  const byFacts = new Map(facts.map((f, i) => [f, messages[i]!]));
  const result = dryRun(rule, facts);
  const samples: DryRunSample[] = result.samples.map((f) => {
    const message = byFacts.get(f)!;
    return {
      messageId: message.messageId!, conversationId: message.conversationId, text: f.text, at: f.at, channelKind: f.channelKind, surface: f.surface,
      language: f.language, sentiment: f.sentiment, intents: f.intents.map((i) => (i.intent === 'order_issue' ? `order_issue/${i.subtype}` : i.intent)),
    };
  });
  return { matched: result.matched, scanned: messages.length, days, samples };
}
