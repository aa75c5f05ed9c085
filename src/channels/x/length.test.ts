import { describe, expect, it } from 'vitest';
import { xLength } from './length.ts';
import { xPolicy } from './policy.ts';

const facts = (text: string) => ({ surface: 'x', lastInboundAt: null, textLength: [...text].length, text });

describe('xLength (twitter-text rules)', () => {
  it('allows 280 ASCII characters and refuses 281', () => {
    expect(xLength('a'.repeat(280))).toEqual({ weighted: 280, remaining: 0, valid: true });
    expect(xLength('a'.repeat(281))).toEqual({ weighted: 281, remaining: -1, valid: false });
  });

  it('counts every URL as 23, however long', () => {
    expect(xLength('https://maisonlune.fr/commandes/4521/suivi?transporteur=colissimo').weighted).toBe(23);
    expect(xLength('Suivi : maisonlune.fr/suivi').weighted).toBe('Suivi : '.length + 23);
  });

  it('counts emoji (ZWJ sequences too) and CJK as 2, accented Latin as 1 after NFC', () => {
    expect(xLength('😀').weighted).toBe(2);
    expect(xLength('👩‍👩‍👧‍👦').weighted).toBe(2);
    expect(xLength('日本').weighted).toBe(4);
    expect(xLength('e\u0301').weighted).toBe(1);
    expect(xLength('😀'.repeat(140)).valid).toBe(true);
    expect(xLength('😀'.repeat(141)).valid).toBe(false);
  });
});

describe('xPolicy', () => {
  it('refuses an over-long public reply with the weighted count', () => {
    const decision = xPolicy(facts('日'.repeat(141)), 'public_reply', 0);
    expect(decision).toMatchObject({ ok: false, code: 'message.too_long' });
    expect(!decision.ok && decision.reason).toContain('282 of 280');
    expect(xPolicy(facts('日'.repeat(140)), 'public_reply', 0).ok).toBe(true);
  });

  it('allows DMs up to 10,000 characters, at any time, and refuses private replies', () => {
    expect(xPolicy(facts('a'.repeat(10_000)), 'message', Date.now()).ok).toBe(true);
    expect(xPolicy(facts('a'.repeat(10_001)), 'message', 0)).toMatchObject({ ok: false, code: 'message.too_long' });
    expect(xPolicy(facts('Bonjour'), 'private_reply', 0)).toMatchObject({ ok: false, code: 'channel.policy_refused' });
  });
});
