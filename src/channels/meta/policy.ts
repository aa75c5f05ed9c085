import type { PolicyDecision, PolicyFacts, OutboundAction } from '../provider.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const STANDARD_WINDOW_MS = 24 * HOUR;
export const HUMAN_AGENT_WINDOW_MS = 7 * DAY;
export const PRIVATE_REPLY_WINDOW_MS = 7 * DAY;
const MAX_TEXT = { messenger: 2000, instagram: 1000, facebook: 8000 } as Record<string, number>;

export const metaMaxLength = (surface: string): number => MAX_TEXT[surface] ?? 2000;

/**
 * Meta's send rules (PLATFORMS.md §1.7–1.8): a DM within 24 h of the customer's last
 * message goes as RESPONSE; up to 7 days with the HUMAN_AGENT tag; after that it is refused.
 * A private reply: once per comment, within 7 days of it.
 */
export function metaPolicy(facts: PolicyFacts, action: OutboundAction['type'], now: number): PolicyDecision {
  const limit = MAX_TEXT[facts.surface] ?? 2000;
  if ((action === 'message' || action === 'private_reply' || action === 'public_reply') && facts.textLength > limit) {
    return { ok: false, code: 'message.too_long', reason: `At most ${limit} characters on ${facts.surface}`, closedAt: null };
  }
  if (action === 'message') {
    if (facts.lastInboundAt === null) return { ok: false, code: 'channel.window_closed', reason: 'The customer has not written yet', closedAt: null };
    const standardEnd = facts.lastInboundAt + STANDARD_WINDOW_MS;
    const agentEnd = facts.lastInboundAt + HUMAN_AGENT_WINDOW_MS;
    if (now < standardEnd) return { ok: true, tag: 'none', closesAt: standardEnd, note: 'standard 24 h window' };
    if (now < agentEnd) return { ok: true, tag: 'human_agent', closesAt: agentEnd, note: 'HUMAN_AGENT tag (up to 7 days)' };
    return { ok: false, code: 'channel.window_closed', reason: 'The 7-day window for a human agent reply has closed', closedAt: agentEnd };
  }
  if (action === 'private_reply') {
    const comment = facts.comment;
    if (comment?.privateReplyUsed) return { ok: false, code: 'channel.policy_refused', reason: 'This comment already received its one private reply', closedAt: null };
    if (comment?.createdAt != null) {
      const end = comment.createdAt + PRIVATE_REPLY_WINDOW_MS;
      if (now >= end) return { ok: false, code: 'channel.window_closed', reason: 'A private reply must be sent within 7 days of the comment', closedAt: end };
      return { ok: true, tag: 'none', closesAt: end, note: 'one private reply per comment' };
    }
    return { ok: true, tag: 'none', closesAt: null, note: 'one private reply per comment' };
  }
  return { ok: true, tag: 'none', closesAt: null, note: null };
}
