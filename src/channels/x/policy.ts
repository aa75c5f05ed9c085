import type { OutboundAction, PolicyDecision, PolicyFacts } from '../provider.ts';
import { X_MAX_DM_CHARACTERS, X_MAX_POST_WEIGHT } from './constants.ts';
import { xLength } from './length.ts';

/** Facts with the text itself: X's weighted length cannot be told from a character count. */
export type XPolicyFacts = PolicyFacts & { text?: string | undefined };

/**
 * X's send rules: a public reply must weigh at most 280 (URLs 23, emoji and CJK 2); a DM at
 * most 10,000 characters. X has no messaging window like Meta's: whether a person accepts
 * DMs is only known when X answers the send (a permanent failure then). There is no private
 * reply to a post: the agent invites the customer to DMs instead.
 *
 * Without `facts.text` the weighted length is estimated from `textLength` (code points),
 * which undercounts URLs, emoji and CJK: the send re-checks the real text before any call.
 */
export function xPolicy(facts: XPolicyFacts, action: OutboundAction['type'], _now: number): PolicyDecision {
  if (action === 'public_reply') {
    const weighted = facts.text === undefined ? facts.textLength : xLength(facts.text).weighted;
    if (weighted > X_MAX_POST_WEIGHT) {
      return { ok: false, code: 'message.too_long', reason: `${weighted} of ${X_MAX_POST_WEIGHT} characters as X counts them (links 23, emoji 2): ${weighted - X_MAX_POST_WEIGHT} too many`, closedAt: null };
    }
  }
  if (action === 'message' && facts.textLength > X_MAX_DM_CHARACTERS) {
    return { ok: false, code: 'message.too_long', reason: `At most ${X_MAX_DM_CHARACTERS} characters in an X direct message (${facts.textLength})`, closedAt: null };
  }
  if (action === 'private_reply') {
    return { ok: false, code: 'channel.policy_refused', reason: 'X has no private reply to a post: invite the customer to direct messages', closedAt: null };
  }
  return { ok: true, tag: 'none', closesAt: null, note: null };
}

/** The check `send` makes on the real text, so an over-long post never reaches X. */
export function xTextProblem(action: OutboundAction): string | null {
  if (action.type === 'public_reply') {
    const length = xLength(action.text);
    if (length.weighted > X_MAX_POST_WEIGHT) return `${length.weighted} of ${X_MAX_POST_WEIGHT} characters as X counts them: ${-length.remaining} too many`;
    if (!length.valid) return 'X would refuse this text (empty or invalid characters)';
  }
  if (action.type === 'message' && [...action.text].length > X_MAX_DM_CHARACTERS) return `At most ${X_MAX_DM_CHARACTERS} characters in an X direct message`;
  return null;
}
