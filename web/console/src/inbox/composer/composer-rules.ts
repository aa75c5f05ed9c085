import type { ComposerPolicy, ConversationKind, PolicyView, Visibility } from '../../api/inbox-types.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface ComposerTab {
  visibility: Visibility;
  /** Null for a note: notes stay inside Relais and need no platform policy. */
  policy: PolicyView | null;
}

/**
 * The tabs the composer offers: a public reply where the conversation is public and the
 * platform allows one here, a private reply where one is possible, and always a note. A
 * `null` policy means "not possible here", so its tab is not offered at all; a refused one
 * stays visible with the reason, so the agent learns why.
 */
export function composerTabs(kind: ConversationKind, policy: ComposerPolicy | undefined): ComposerTab[] {
  const tabs: ComposerTab[] = [];
  if (kind === 'public' && policy?.public) tabs.push({ visibility: 'public', policy: policy.public });
  if (policy?.private) tabs.push({ visibility: 'private', policy: policy.private });
  tabs.push({ visibility: 'note', policy: null });
  return tabs;
}

/** The tab a conversation opens on: the first reply that may be sent, else the first reply, else a note. */
export function defaultTab(tabs: ComposerTab[]): Visibility {
  return (tabs.find((tab) => tab.policy?.allowed) ?? tabs.find((tab) => tab.policy) ?? tabs[0])?.visibility ?? 'note';
}

/** Characters as the platforms count them (code points, so an emoji is one), against the limit. */
export function charactersLeft(text: string, policy: PolicyView | null): number | undefined {
  if (!policy || policy.maxLength <= 0) return undefined;
  return policy.maxLength - [...text].length;
}

export function canSend(text: string, tab: ComposerTab | undefined): boolean {
  if (!tab || text.trim() === '') return false;
  if (tab.visibility === 'note') return true;
  if (!tab.policy?.allowed) return false;
  return (charactersLeft(text, tab.policy) ?? 0) >= 0;
}

export interface PolicyLine {
  tone: 'info' | 'warning' | 'error';
  key: MessageKey;
  /** A time for `{when}`, formatted relative to now by the component. */
  at?: number;
  /** The server's own words, for a refusal the console has no sentence for. */
  raw?: string;
}

const HOUR = 3_600_000;

/** What the composer says about sending on this tab, before anything is sent. */
export function policyLines(tab: ComposerTab | undefined, kind: ConversationKind, now: number): PolicyLine[] {
  const policy = tab?.policy;
  if (!tab || !policy) return [];
  const privateReplyToComment = tab.visibility === 'private' && kind === 'public';
  if (!policy.allowed) return [refusal(policy, privateReplyToComment)];
  const lines: PolicyLine[] = [];
  if (privateReplyToComment) lines.push({ tone: 'info', key: 'composer.policy.privateOnce' });
  if (policy.closesAt !== null) {
    const left = policy.closesAt - now;
    // Meta's standard window is 24 h; past it, a DM goes out with the HUMAN_AGENT tag for up to 7 days.
    const key: MessageKey = privateReplyToComment ? 'composer.policy.privateUntil' : left > 24 * HOUR ? 'composer.policy.humanAgent' : 'composer.policy.windowCloses';
    lines.push({ tone: left < 3 * HOUR ? 'warning' : 'info', key, at: policy.closesAt });
  }
  return lines;
}

function refusal(policy: PolicyView, privateReplyToComment: boolean): PolicyLine {
  switch (policy.code) {
    case 'channel.policy_refused':
      return privateReplyToComment ? { tone: 'error', key: 'composer.policy.privateUsed' } : { tone: 'error', key: 'composer.policy.refused', raw: policy.reason ?? '' };
    case 'channel.window_closed':
      return policy.closesAt === null ? { tone: 'error', key: 'composer.policy.notYet' } : { tone: 'error', key: 'composer.policy.windowClosed', at: policy.closesAt };
    case 'channel.needs_reconnect':
      return { tone: 'error', key: 'composer.policy.reconnect' };
    default:
      return { tone: 'error', key: 'composer.policy.refused', raw: policy.reason ?? policy.code ?? '' };
  }
}
