import { describe, expect, it } from 'vitest';
import type { PolicyView } from '../../../../../src/contracts/index.ts';
import { canSend, charactersLeft, composerTabs, countsOnServer, defaultTab, policyLines } from './composer-rules.ts';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 10, 0);
const ok = (extra: Partial<PolicyView> = {}): PolicyView => ({ allowed: true, code: null, reason: null, note: null, closesAt: null, maxLength: 2000, remaining: 2000, ...extra });
const refused = (code: string, extra: Partial<PolicyView> = {}): PolicyView => ({ allowed: false, code, reason: 'server words', note: null, closesAt: null, maxLength: 2000, remaining: 2000, ...extra });

describe('composer tabs', () => {
  it('offers a public reply, a private reply and a note on a comment thread', () => {
    const tabs = composerTabs('public', { public: ok(), private: ok() });
    expect(tabs.map((t) => t.visibility)).toEqual(['public', 'private', 'note']);
    expect(defaultTab(tabs)).toBe('public');
  });

  it('never offers a public reply in a private conversation, even if a policy came back', () => {
    expect(composerTabs('private', { public: ok(), private: ok() }).map((t) => t.visibility)).toEqual(['private', 'note']);
    expect(composerTabs('private', { public: null, private: ok() }).map((t) => t.visibility)).toEqual(['private', 'note']);
  });

  it('leaves out what is impossible here and opens on the first reply that may be sent', () => {
    const tabs = composerTabs('public', { public: refused('channel.needs_reconnect'), private: null });
    expect(tabs.map((t) => t.visibility)).toEqual(['public', 'note']);
    expect(defaultTab(tabs)).toBe('public');
    expect(defaultTab(composerTabs('public', { public: refused('channel.window_closed'), private: ok() }))).toBe('private');
    expect(defaultTab(composerTabs('public', undefined))).toBe('note');
  });
});

describe('characters left and sending', () => {
  it('counts an emoji as one character against the platform limit', () => {
    expect(charactersLeft('Merci 🙏', ok({ maxLength: 10 }))).toBe(3);
    expect(charactersLeft('x'.repeat(1001), ok({ maxLength: 1000 }))).toBe(-1);
    expect(charactersLeft('a note', null)).toBeUndefined();
  });

  it('takes the server’s count on X, where a link weighs 23 and an emoji 2', () => {
    expect(countsOnServer('x')).toBe(true);
    expect(countsOnServer('messenger')).toBe(false);
    expect(charactersLeft('Voir https://maisonlune.fr 🙏', ok({ maxLength: 280 }), 250)).toBe(250);
    const [tab] = composerTabs('private', { public: null, private: ok({ maxLength: 280 }) });
    expect(canSend('court', tab, -3)).toBe(false);
    expect(canSend('court', tab, 12)).toBe(true);
  });

  it('sends only non-blank text, within the limit, on an allowed tab; notes always', () => {
    const [pub, , note] = composerTabs('public', { public: ok({ maxLength: 5 }), private: refused('channel.policy_refused') });
    const priv = composerTabs('public', { public: null, private: refused('channel.policy_refused') })[0];
    expect(canSend('Oui !', pub)).toBe(true);
    expect(canSend('Oui merci', pub)).toBe(false);
    expect(canSend('   ', pub)).toBe(false);
    expect(canSend('Bonjour', priv)).toBe(false);
    expect(canSend('Pour Karim', note)).toBe(true);
  });
});

describe('policy shown before sending', () => {
  it('says when the Messenger window closes, warning in its last 3 hours', () => {
    const [tab] = composerTabs('private', { public: null, private: ok({ closesAt: NOW + 2 * H }) });
    expect(policyLines(tab, 'private', NOW)).toEqual([{ tone: 'warning', key: 'composer.policy.windowCloses', at: NOW + 2 * H }]);
    const [later] = composerTabs('private', { public: null, private: ok({ closesAt: NOW + 20 * H }) });
    expect(policyLines(later, 'private', NOW)[0]?.tone).toBe('info');
  });

  it('names the network whose window it is when the conversation says', () => {
    const [tab] = composerTabs('private', { public: null, private: ok({ closesAt: NOW + 3 * H }) });
    expect(policyLines(tab, 'private', NOW, 'messenger')).toEqual([{ tone: 'info', key: 'composer.policy.windowClosesOn', at: NOW + 3 * H, network: 'messenger' }]);
    const [closed] = composerTabs('private', { public: null, private: refused('channel.window_closed', { closesAt: NOW - H }) });
    expect(policyLines(closed, 'private', NOW, 'instagram')[0]).toEqual({ tone: 'error', key: 'composer.policy.windowClosedOn', at: NOW - H, network: 'instagram' });
  });

  it('says a reply goes out as a human agent past the 24 h window', () => {
    const [tab] = composerTabs('private', { public: null, private: ok({ closesAt: NOW + 5 * 24 * H }) });
    expect(policyLines(tab, 'private', NOW)).toEqual([{ tone: 'info', key: 'composer.policy.humanAgent', at: NOW + 5 * 24 * H }]);
  });

  it('explains the one private reply per comment, and when it is used', () => {
    const tabs = composerTabs('public', { public: ok(), private: ok({ closesAt: NOW + 6 * 24 * H }) });
    expect(policyLines(tabs[1], 'public', NOW).map((l) => l.key)).toEqual(['composer.policy.privateOnce', 'composer.policy.privateUntil']);
    const used = composerTabs('public', { public: ok(), private: refused('channel.policy_refused') });
    expect(policyLines(used[1], 'public', NOW)).toEqual([{ tone: 'error', key: 'composer.policy.privateUsed' }]);
  });

  it('names a closed window with its time, a channel to reconnect, and any other refusal in the server’s words', () => {
    const line = (policy: PolicyView) => policyLines(composerTabs('private', { public: null, private: policy })[0], 'private', NOW)[0];
    expect(line(refused('channel.window_closed', { closesAt: NOW - H }))).toEqual({ tone: 'error', key: 'composer.policy.windowClosed', at: NOW - H });
    expect(line(refused('channel.window_closed'))).toEqual({ tone: 'error', key: 'composer.policy.notYet' });
    expect(line(refused('channel.needs_reconnect'))).toEqual({ tone: 'error', key: 'composer.policy.reconnect' });
    expect(line(refused('channel.dm_unavailable'))).toEqual({ tone: 'error', key: 'composer.policy.refused', raw: 'server words' });
  });

  it('says nothing about notes', () => {
    expect(policyLines(composerTabs('public', undefined)[0], 'public', NOW)).toEqual([]);
  });
});
