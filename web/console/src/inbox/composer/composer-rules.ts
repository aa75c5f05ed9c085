import type { ComposerPolicy, ConversationKind, PolicyView, Visibility } from '../../../../../src/contracts/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Surface } from '../list/ChannelIcon.tsx';

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

/**
 * Networks whose length rules the console does not reproduce: X weighs text (a link is 23,
 * an emoji 2), so the composer asks the server's policy `remaining` for the draft instead.
 */
export function countsOnServer(surface: Surface): boolean {
  return surface === 'x';
}

/**
 * Characters left against the limit: the server's count when given (`counted`, for the
 * draft as it stands), else code points, as Meta counts them (an emoji is one).
 */
export function charactersLeft(text: string, policy: PolicyView | null, counted?: number): number | undefined {
  if (!policy || policy.maxLength <= 0) return undefined;
  return counted ?? policy.maxLength - [...text].length;
}

export function canSend(text: string, tab: ComposerTab | undefined, counted?: number): boolean {
  if (!tab || text.trim() === '') return false;
  if (tab.visibility === 'note') return true;
  if (!tab.policy?.allowed) return false;
  return (charactersLeft(text, tab.policy, counted) ?? 0) >= 0;
}

export interface PolicyLine {
  tone: 'info' | 'warning' | 'error';
  key: MessageKey;
  /** A time for `{when}`, formatted relative to now by the component. */
  at?: number;
  /** The server's own words, for a refusal the console has no sentence for. */
  raw?: string;
  /** The network whose window it is, for `{network}`. */
  network?: Surface;
}

const HOUR = 3_600_000;

/**
 * What the composer says about sending on this tab, before anything is sent. With a known
 * `surface`, a reply window is named after its network ("La fenêtre Messenger se ferme…").
 */
export function policyLines(tab: ComposerTab | undefined, kind: ConversationKind, now: number, surface: Surface = 'other'): PolicyLine[] {
  const policy = tab?.policy;
  if (!tab || !policy) return [];
  const privateReplyToComment = tab.visibility === 'private' && kind === 'public';
  if (!policy.allowed) return [named(refusal(policy, privateReplyToComment), surface)];
  const lines: PolicyLine[] = [];
  if (privateReplyToComment) lines.push({ tone: 'info', key: 'composer.policy.privateOnce' });
  if (policy.closesAt !== null) {
    const left = policy.closesAt - now;
    // Meta's standard window is 24 h; past it, a DM goes out with the HUMAN_AGENT tag for up to 7 days.
    const key: MessageKey = privateReplyToComment ? 'composer.policy.privateUntil' : left > 24 * HOUR ? 'composer.policy.humanAgent' : 'composer.policy.windowCloses';
    lines.push(named({ tone: left < 3 * HOUR ? 'warning' : 'info', key, at: policy.closesAt }, surface));
  }
  return lines;
}

const namedKeys: Partial<Record<MessageKey, MessageKey>> = {
  'composer.policy.windowCloses': 'composer.policy.windowClosesOn',
  'composer.policy.windowClosed': 'composer.policy.windowClosedOn',
};

function named(line: PolicyLine, surface: Surface): PolicyLine {
  const key = namedKeys[line.key];
  return key && surface !== 'other' ? { ...line, key, network: surface } : line;
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
