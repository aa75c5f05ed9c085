import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts';
import type { ChannelContext, ChannelProvider } from '../provider.ts';
import { createXProvider } from './index.ts';

const shop = '1480000000000000001';
let sandbox: Sandbox;
let provider: ChannelProvider;
let channel: ChannelContext;

beforeAll(async () => { sandbox = await startSandbox(); });
afterAll(async () => { await sandbox.close(); });
beforeEach(() => {
  sandbox.x.reset();
  sandbox.x.addAccount({ id: shop, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'X_USER_TOKEN' });
  sandbox.x.addUser({ id: '2244994945', screenName: 'camille_m', name: 'Camille Martin' });
  sandbox.x.addUser({ id: '3300000001', screenName: 'lea_ferme', name: 'Léa', acceptsDms: false });
  // A fresh provider per test: its rate gate reads the sandbox clock.
  provider = createXProvider({ now: () => sandbox.x.now() });
  channel = { id: 'ch_x', workspaceId: 'ws', externalId: shop, apiBase: sandbox.x.apiBase, credentials: { accessToken: 'X_USER_TOKEN' }, settings: { accountId: shop } };
});

const message = (recipient: string, text: string) => ({ type: 'message' as const, surface: 'x', recipientExternalId: recipient, text, tag: 'none' as const, metadata: 'ob_1' });

describe('send', () => {
  it('replies publicly and DMs, answering the platform ids', async () => {
    const { id: mention } = await sandbox.x.mention({ from: '2244994945', text: 'Colis perdu ?' });
    const reply = await provider.send(channel, { type: 'public_reply', surface: 'x', commentExternalId: mention, text: 'Écrivez-nous en DM 🙏' });
    expect(reply).toEqual({ ok: true, platformId: sandbox.x.tweets[0]!.id });
    expect(sandbox.x.tweets[0]).toMatchObject({ inReplyToId: mention, text: 'Écrivez-nous en DM 🙏' });
    const dm = await provider.send(channel, message('2244994945', 'Bonjour Camille'));
    expect(dm).toEqual({ ok: true, platformId: sandbox.x.dms[0]!.id });
    expect(await provider.send(channel, { type: 'like', surface: 'x', commentExternalId: mention })).toEqual({ ok: true, platformId: null });
    expect(sandbox.x.likes).toEqual([expect.objectContaining({ tweetId: mention })]);
  });

  it('refuses an over-long post before any call', async () => {
    const outcome = await provider.send(channel, { type: 'public_reply', surface: 'x', commentExternalId: '1', text: '😀'.repeat(141) });
    expect(outcome).toMatchObject({ ok: false, kind: 'permanent' });
    expect(sandbox.x.calls).toHaveLength(0);
  });

  it('fails a DM to someone who does not accept DMs as permanent, with the reason', async () => {
    const outcome = await provider.send(channel, message('3300000001', 'Bonjour Léa'));
    expect(outcome).toMatchObject({ ok: false, kind: 'permanent' });
    expect(!outcome.ok && outcome.reason).toMatch(/^This person does not accept direct messages/);
  });

  it('on 429 waits until x-rate-limit-reset, and does not call again before it', async () => {
    sandbox.x.setQuota('POST /2/dm_conversations/with/:id/messages', 1);
    expect((await provider.send(channel, message('2244994945', 'un'))).ok).toBe(true);
    const limited = await provider.send(channel, message('2244994945', 'deux'));
    // The sandbox's 15-minute window opened with the first send; X announces its end in epoch seconds.
    const reset = Math.ceil((sandbox.x.calls[0]!.at + 15 * 60_000) / 1000);
    expect(limited).toMatchObject({ ok: false, kind: 'rate_limited' });
    const wait = !limited.ok ? limited.retryAfterMs! : 0;
    expect(Math.abs(sandbox.x.now() + wait - reset * 1000)).toBeLessThan(1500);
    const calls = sandbox.x.calls.length;
    expect(await provider.send(channel, message('2244994945', 'trois'))).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(sandbox.x.calls).toHaveLength(calls); // gated locally: X was not called again
    // Other endpoints are not held back.
    const { id: mention } = await sandbox.x.mention({ from: '2244994945', text: 'Et alors ?' });
    expect((await provider.send(channel, { type: 'public_reply', surface: 'x', commentExternalId: mention, text: 'Nous arrivons' })).ok).toBe(true);
    sandbox.x.advanceTime(wait + 1);
    expect((await provider.send(channel, message('2244994945', 'quatre'))).ok).toBe(true);
  });

  it('closes the gate when x-rate-limit-remaining reaches 0, before any 429', async () => {
    sandbox.x.setQuota('POST /2/tweets', 1);
    const { id: mention } = await sandbox.x.mention({ from: '2244994945', text: 'Allô ?' });
    expect((await provider.send(channel, { type: 'public_reply', surface: 'x', commentExternalId: mention, text: 'Oui !' })).ok).toBe(true);
    const calls = sandbox.x.calls.length;
    expect(await provider.send(channel, { type: 'public_reply', surface: 'x', commentExternalId: mention, text: 'Encore' })).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(sandbox.x.calls).toHaveLength(calls);
  });

  it('maps 401 to auth, 5xx to transient, a time-out to uncertain', async () => {
    expect(await provider.send({ ...channel, credentials: { accessToken: 'revoked' } }, message('2244994945', 'x'))).toMatchObject({ ok: false, kind: 'auth' });
    sandbox.x.failNext({ path: '/messages', status: 503 });
    expect(await provider.send(channel, message('2244994945', 'x'))).toMatchObject({ ok: false, kind: 'transient' });
    sandbox.x.failNext({ path: '/messages', actThenHang: true });
    const lost = await provider.send({ ...channel, settings: { requestTimeoutMs: 200 } }, message('2244994945', 'Perdu ?'));
    expect(lost).toMatchObject({ ok: false, kind: 'transient', uncertain: true });
    // The DM went through: reconcile finds it, so it is never sent twice.
    expect(await provider.reconcile!(channel, message('2244994945', 'Perdu ?'))).toBe(sandbox.x.dms.at(-1)!.id);
    expect(await provider.reconcile!(channel, message('2244994945', 'Jamais envoyé'))).toBeNull();
  });

  it('reconciles a public reply whose answer was lost', async () => {
    const { id: mention } = await sandbox.x.mention({ from: '2244994945', text: 'Bonjour ?' });
    sandbox.x.failNext({ path: '/2/tweets', actThenHang: true });
    const action = { type: 'public_reply' as const, surface: 'x', commentExternalId: mention, text: 'Bonjour Camille !' };
    expect(await provider.send({ ...channel, settings: { requestTimeoutMs: 200 } }, action)).toMatchObject({ uncertain: true });
    expect(await provider.reconcile!(channel, action)).toBe(sandbox.x.tweets[0]!.id);
  });
});

describe('connect and profile', () => {
  it('checks the token opens the account and answers the channel spec', async () => {
    const spec = await provider.connect({ 'account-id': shop, 'access-token': 'X_USER_TOKEN', 'api-base': sandbox.x.apiBase });
    expect(spec).toEqual({ name: '@maisonlune', externalId: shop, accountIds: [shop], apiBase: sandbox.x.apiBase, credentials: { accessToken: 'X_USER_TOKEN' }, settings: { accountId: shop, screenName: 'maisonlune' } });
    await expect(provider.connect({ 'account-id': '2244994945', 'access-token': 'X_USER_TOKEN', 'api-base': sandbox.x.apiBase })).rejects.toThrow(/does not open/);
    expect(await provider.profile!(channel, 'x', '2244994945')).toEqual({ name: 'Camille Martin', handle: 'camille_m' });
    expect(await provider.profile!(channel, 'x', '999')).toBeNull();
  });
});

