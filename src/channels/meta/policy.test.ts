import { describe, expect, it } from 'vitest';
import { metaPolicy } from './policy.ts';
import { classifyGraphError, regainAccessMs } from './errors.ts';

const H = 3_600_000;
const now = Date.UTC(2026, 10, 23, 12, 0);

describe('Meta send policy', () => {
  const dm = (hoursAgo: number | null) => metaPolicy({ surface: 'messenger', lastInboundAt: hoursAgo === null ? null : now - hoursAgo * H, textLength: 20 }, 'message', now);

  it('answers within 24 h as a normal response, with the time the window closes', () => {
    expect(dm(23)).toEqual({ ok: true, tag: 'none', closesAt: now + 1 * H, note: expect.stringContaining('24 h') });
  });

  it('uses the HUMAN_AGENT tag from 24 h to 7 days, and refuses after', () => {
    expect(dm(25)).toMatchObject({ ok: true, tag: 'human_agent', closesAt: now - 25 * H + 7 * 24 * H });
    expect(dm(7 * 24 - 1)).toMatchObject({ ok: true, tag: 'human_agent' });
    expect(dm(7 * 24 + 1)).toEqual({ ok: false, code: 'channel.window_closed', reason: expect.any(String), closedAt: now - H });
    expect(dm(null)).toMatchObject({ ok: false, code: 'channel.window_closed' });
  });

  it('allows one private reply per comment, within 7 days of the comment', () => {
    const reply = (daysAgo: number, used: boolean) => metaPolicy({ surface: 'messenger', lastInboundAt: null, textLength: 10, comment: { createdAt: now - daysAgo * 24 * H, privateReplyUsed: used } }, 'private_reply', now);
    expect(reply(6, false)).toMatchObject({ ok: true });
    expect(reply(6, true)).toMatchObject({ ok: false, code: 'channel.policy_refused' });
    expect(reply(8, false)).toMatchObject({ ok: false, code: 'channel.window_closed' });
  });

  it('refuses a Messenger text over 2,000 characters before any call', () => {
    expect(metaPolicy({ surface: 'messenger', lastInboundAt: now, textLength: 2001 }, 'message', now)).toMatchObject({ ok: false, code: 'message.too_long' });
  });
});

describe('Graph API errors', () => {
  it('sorts codes into the four kinds', () => {
    expect(classifyGraphError(400, { code: 190, error_subcode: 460, message: 'Password changed' }, null)).toMatchObject({ kind: 'auth' });
    expect(classifyGraphError(400, { code: 10, error_subcode: 2018278, message: 'outside window' }, null)).toMatchObject({ kind: 'permanent' });
    expect(classifyGraphError(500, { code: 2, message: 'Service temporarily unavailable' }, null)).toMatchObject({ kind: 'transient' });
    expect(classifyGraphError(400, { code: 100, message: 'Invalid parameter' }, null)).toMatchObject({ kind: 'permanent' });
    for (const code of [4, 17, 32, 613, 80001, 80006]) expect(classifyGraphError(400, { code }, null)).toMatchObject({ kind: 'rate_limited' });
  });

  it('waits as long as the usage header says before trying again', () => {
    const header = JSON.stringify({ '1000': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 }] });
    expect(regainAccessMs(header)).toBe(7 * 60_000);
    expect(classifyGraphError(400, { code: 32 }, header)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7 * 60_000 });
    expect(regainAccessMs('not json')).toBeUndefined();
  });
});
