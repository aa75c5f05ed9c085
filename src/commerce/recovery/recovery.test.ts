import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../../inbox/testing.ts';
import { sendReply } from '../../inbox/index.ts';
import { testDialects } from '../../store/testing.ts';
import { insertCheckout, insertOrder, insertShop, insertShopCustomer } from '../fixtures-for-tests.ts';
import type { PromoCodeRequest, ShopAdapter } from '../shop-adapter.ts';
import { decideRecovery, recoveryKey } from './decide-recovery.ts';
import { recoverAbandonedCarts } from './recover-abandoned.ts';
import { recoveryDepsFrom, type RecoveryDeps } from './recovery-deps.ts';
import { defaultRecoverySettings, MAX_DELAY_MINUTES, saveRecoverySettings } from './recovery-settings.ts';

const dialects = await testDialects();
const H = 3_600_000;

describe.each(dialects)('cart recovery on %s', (dialect) => {
  let h: MetaHarness;
  let deps: RecoveryDeps;
  let promoCalls: PromoCodeRequest[];
  let abandoned: string[];
  let shopId: string;
  let psidSeq = 0;

  beforeEach(async () => {
    h = await startMetaHarness(dialect);
    promoCalls = [];
    abandoned = [];
    // A port double for the shop API: it records the codes it is asked to create.
    const shopify: ShopAdapter = {
      platform: 'shopify', listOrders: async () => [], listCheckouts: async () => [],
      createPromoCode: async (_shop, request) => { promoCalls.push(request); return { externalId: `pr_${promoCalls.length}` }; },
    };
    deps = recoveryDepsFrom(h.relais.inbox, { shops: (platform) => (platform === 'shopify' ? shopify : undefined), cartAbandoned: (_ws, conversationId) => { abandoned.push(conversationId); } });
    shopId = await insertShop(h.relais.store.db, h.workspaceId);
  });
  afterEach(async () => { await h.dispose(); });

  const db = () => h.relais.store.db;
  const enable = (extra: Partial<typeof defaultRecoverySettings> = {}) =>
    saveRecoverySettings({ db: db(), clock: h.relais.clock }, h.workspaceId, { ...defaultRecoverySettings, enabled: true, promoPercent: 10, ...extra });

  /** A customer who wrote on Messenger at `at`, with an open cart last touched 90 minutes ago. */
  async function customerWithCart(text = 'Bonjour, la bague existe en 54 ?', at = h.relais.clock.now()) {
    const psid = `61000${++psidSeq}`;
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${psid}`, text, at })));
    await h.settle();
    const conversation = await db().selectFrom('conversations').select(['id', 'contact_id']).where('external_thread_id', 'like', `%${psid}%`).executeTakeFirstOrThrow();
    const customerId = await insertShopCustomer(db(), h.workspaceId, shopId, { email: `client${psid}@example.fr`, firstName: 'Camille', contactId: conversation.contact_id });
    const checkoutId = await insertCheckout(db(), h.workspaceId, shopId, { shopCustomerId: customerId, email: `client${psid}@example.fr`, updatedAt: h.relais.clock.now() - 90 * 60_000 });
    return { conversationId: conversation.id, contactId: conversation.contact_id!, checkoutId, psid };
  }
  const outboundFor = (checkoutId: string) => db().selectFrom('outbound').select(['id', 'message_id']).where('idempotency_key', '=', recoveryKey(checkoutId)).execute();
  const decisions = (checkoutId: string) => db().selectFrom('recovery_decisions').select(['outcome', 'reason']).where('checkout_id', '=', checkoutId).orderBy('id').execute();
  const timelineNotes = async (conversationId: string) => ((await h.owner.get(`/api/v1/conversations/${conversationId}`)).body.messages as any[])
    .filter((m) => m.meta.system === 'recovery').map((m) => [m.meta.outcome, m.meta.reason]);

  it('sends the recovery once, with the cart link and a one-time code, and shows it in the conversation', async () => {
    await enable();
    const { conversationId, checkoutId } = await customerWithCart();
    const outcomes = await recoverAbandonedCarts(deps);
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'sent', reason: 'sent', conversationId })]);
    expect(abandoned).toEqual([conversationId]);
    expect(promoCalls).toEqual([expect.objectContaining({ percent: 10, usageLimit: 1, code: expect.stringMatching(/^RELAIS-[A-Z2-9]{8}$/) })]);
    const [outbound] = await outboundFor(checkoutId);
    const message = await db().selectFrom('messages').select(['text', 'author_type']).where('id', '=', outbound!.message_id).executeTakeFirstOrThrow();
    expect(message.author_type).toBe('bot');
    expect(message.text).toContain('Bonjour Camille, votre panier vous attend toujours : https://boutique.example/cart/recover/');
    expect(message.text).toContain(`Avec le code ${promoCalls[0]!.code}, profitez de 10 % de remise`);
    const promo = await db().selectFrom('promo_codes').select(['origin', 'checkout_id', 'external_id']).executeTakeFirstOrThrow();
    expect(promo).toEqual({ origin: 'relais', checkout_id: checkoutId, external_id: 'pr_1' });
    expect(await timelineNotes(conversationId)).toEqual([['sent', 'sent']]);

    // The next minutes find nothing new; deciding again by hand is refused and recorded.
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    expect(await decideRecovery(deps, h.workspaceId, checkoutId)).toMatchObject({ outcome: 'skipped', reason: 'already_sent' });
    expect(await outboundFor(checkoutId)).toHaveLength(1);
    expect(promoCalls).toHaveLength(1);
    expect(await decisions(checkoutId)).toEqual([{ outcome: 'sent', reason: 'sent' }, { outcome: 'skipped', reason: 'already_sent' }]);
  });

  it('waits for the delay before calling a cart abandoned', async () => {
    await enable({ delayMinutes: 120 });
    const { checkoutId } = await customerWithCart();
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    h.relais.clock.advance(31 * 60_000);
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(await outboundFor(checkoutId)).toHaveLength(1);
  });

  it('still finds a cart abandoned at the longest delay the settings accept', async () => {
    await enable({ delayMinutes: MAX_DELAY_MINUTES, quietStart: '00:00', quietEnd: '00:00' });
    const { checkoutId } = await customerWithCart();
    h.relais.clock.advance(MAX_DELAY_MINUTES * 60_000 - 90 * 60_000 - 60_000);
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    h.relais.clock.advance(2 * 60_000);
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'window_closed' })]);
    expect(await decisions(checkoutId)).toEqual([{ outcome: 'skipped', reason: 'window_closed' }]);
  });

  it('finds another workspace’s due cart behind hundreds of carts still inside this workspace’s longer delay', async () => {
    await enable({ delayMinutes: 24 * 60 });
    const now = h.relais.clock.now();
    for (let i = 0; i < 200; i++) await insertCheckout(db(), h.workspaceId, shopId, { token: `wait-${i}`, updatedAt: now - 100 * 60_000 - i * 60_000 });
    await db().insertInto('workspaces').values({ id: 'ws-other', name: 'Autre boutique', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    await saveRecoverySettings({ db: db(), clock: h.relais.clock }, 'ws-other', { ...defaultRecoverySettings, enabled: true });
    const otherCart = await insertCheckout(db(), 'ws-other', await insertShop(db(), 'ws-other'), { updatedAt: now - 90 * 60_000 });
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'no_channel' })]);
    expect(await decisions(otherCart)).toEqual([{ outcome: 'skipped', reason: 'no_channel' }]);
    expect(await db().selectFrom('checkouts').select('id').where('workspace_id', '=', h.workspaceId).where('abandoned_at', 'is not', null).execute()).toEqual([]);
  });

  it('goes on with the other carts when one cannot be decided, and tries that one again later', async () => {
    await enable();
    const broken = await customerWithCart();
    // Its shop's credentials no longer open (sealed with another key): deciding it throws.
    const brokenShop = await insertShop(db(), h.workspaceId);
    await db().updateTable('channels').set({ secrets: 'sealed-with-another-key' }).where('id', '=', brokenShop).execute();
    await db().updateTable('checkouts').set({ channel_id: brokenShop, platform_updated_at: h.relais.clock.now() - 100 * 60_000 }).where('id', '=', broken.checkoutId).execute();
    const fine = await customerWithCart('Et le bracelet ?');
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'sent', conversationId: fine.conversationId })]);
    expect(await decisions(broken.checkoutId)).toEqual([]);
    // Repaired: a later round decides it.
    await db().updateTable('channels').set({ secrets: null }).where('id', '=', brokenShop).execute();
    h.relais.clock.advance(10 * 60_000);
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'sent', conversationId: broken.conversationId })]);
  });

  it('never sends twice when two deciders race, nor when a retried job finds its message already written', async () => {
    await enable();
    const { checkoutId } = await customerWithCart();
    const both = await Promise.all([decideRecovery(deps, h.workspaceId, checkoutId), decideRecovery(deps, h.workspaceId, checkoutId)]);
    expect(both.map((o) => o.outcome).sort()).toEqual(['sent', 'skipped']);
    expect(await outboundFor(checkoutId)).toHaveLength(1);
    expect(promoCalls).toHaveLength(1);
    expect((await decisions(checkoutId)).filter((d) => d.outcome === 'sent')).toHaveLength(1);

    // A job that sent, then died before recording: its retry records the same message.
    const second = await customerWithCart('Et en argent ?');
    const sent = await sendReply(h.relais.inbox, h.workspaceId, { type: 'rule', id: null }, second.conversationId, { text: 'déjà parti', visibility: 'private', idempotencyKey: recoveryKey(second.checkoutId) });
    const retried = await decideRecovery(deps, h.workspaceId, second.checkoutId);
    expect(retried).toMatchObject({ outcome: 'sent', messageId: sent.messageId });
    expect(await outboundFor(second.checkoutId)).toHaveLength(1);
  });

  it('skips with "disabled" when the workspace has not turned recovery on', async () => {
    const { checkoutId, conversationId } = await customerWithCart();
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'disabled' })]);
    expect(await outboundFor(checkoutId)).toEqual([]);
    expect(await timelineNotes(conversationId)).toEqual([['skipped', 'disabled']]);
  });

  it('skips with "ordered" when the order came in meanwhile', async () => {
    await enable();
    const { checkoutId } = await customerWithCart();
    const token = (await db().selectFrom('checkouts').select('token').where('id', '=', checkoutId).executeTakeFirstOrThrow()).token;
    await insertOrder(db(), h.workspaceId, shopId, { checkoutToken: token, placedAt: h.relais.clock.now() - 10 * 60_000 });
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'ordered' })]);
    expect(await outboundFor(checkoutId)).toEqual([]);
    expect(promoCalls).toEqual([]);
  });

  it('skips with "opted_out" when the customer wrote STOP, and remembers it', async () => {
    await enable();
    const { checkoutId, contactId, psid } = await customerWithCart();
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${psid}_stop`, text: 'STOP', at: h.relais.clock.now() + 1000 })));
    await h.settle();
    expect(await decideRecovery(deps, h.workspaceId, checkoutId)).toMatchObject({ outcome: 'skipped', reason: 'opted_out' });
    expect(await db().selectFrom('contacts').select('opt_out_source').where('id', '=', contactId).executeTakeFirstOrThrow()).toEqual({ opt_out_source: 'customer' });
    expect(await outboundFor(checkoutId)).toEqual([]);
  });

  it('skips with "opted_out" when an agent recorded the refusal', async () => {
    await enable();
    const { checkoutId, contactId } = await customerWithCart();
    expect((await h.owner.post(`/api/v1/contacts/${contactId}/opt-out`, { optedOut: true })).status).toBe(204);
    expect(await decideRecovery(deps, h.workspaceId, checkoutId)).toMatchObject({ outcome: 'skipped', reason: 'opted_out' });
  });

  it('skips with "window_closed" when the Messenger window has closed', async () => {
    await enable();
    const { checkoutId } = await customerWithCart('Bonjour', h.relais.clock.now());
    h.relais.clock.advance(25 * H);
    await db().updateTable('checkouts').set({ platform_updated_at: h.relais.clock.now() - 2 * H }).where('id', '=', checkoutId).execute();
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'window_closed' })]);
    expect(await outboundFor(checkoutId)).toEqual([]);
  });

  it('records a message a dead job wrote as sent, even once the window has closed or the cart was abandoned without a decision', async () => {
    await enable();
    // The job wrote the message and died before its decision; by the retry, the Messenger window has closed.
    const first = await customerWithCart();
    await db().updateTable('checkouts').set({ abandoned_at: h.relais.clock.now() }).where('id', '=', first.checkoutId).execute();
    const sent = await sendReply(h.relais.inbox, h.workspaceId, { type: 'rule', id: null }, first.conversationId, { text: 'parti', visibility: 'private', idempotencyKey: recoveryKey(first.checkoutId) });
    h.relais.clock.advance(25 * H);
    expect(await decideRecovery(deps, h.workspaceId, first.checkoutId)).toMatchObject({ outcome: 'sent', messageId: sent.messageId });
    expect(await decisions(first.checkoutId)).toEqual([{ outcome: 'sent', reason: 'sent' }]);
    expect(await outboundFor(first.checkoutId)).toHaveLength(1);

    // A job that claimed a cart as abandoned and died before deciding: a later round decides it, once.
    const second = await customerWithCart();
    await db().updateTable('checkouts').set({ abandoned_at: h.relais.clock.now() }).where('id', '=', second.checkoutId).execute();
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    h.relais.clock.advance(10 * 60_000);
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'sent', conversationId: second.conversationId })]);
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    expect(await outboundFor(second.checkoutId)).toHaveLength(1);
    expect(await decisions(second.checkoutId)).toEqual([{ outcome: 'sent', reason: 'sent' }]);
  });

  it('skips with "quiet_hours" at 22:30 in Paris, once, and sends after 09:00 while the window is open', async () => {
    await enable();
    const { checkoutId } = await customerWithCart();
    h.relais.clock.set(Date.UTC(2026, 10, 23, 21, 30));
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'quiet_hours' })]);
    expect(await outboundFor(checkoutId)).toEqual([]);
    h.relais.clock.set(Date.UTC(2026, 10, 24, 5, 0)); // 06:00 in Paris: still quiet, nothing new is recorded
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    h.relais.clock.set(Date.UTC(2026, 10, 24, 8, 5)); // 09:05 in Paris, 23 h after her message
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(await recoverAbandonedCarts(deps)).toEqual([]);
    expect(await outboundFor(checkoutId)).toHaveLength(1);
    expect(await decisions(checkoutId)).toEqual([{ outcome: 'skipped', reason: 'quiet_hours' }, { outcome: 'sent', reason: 'sent' }]);
  });

  it('skips with "no_channel" when the cart belongs to nobody Relais can write to', async () => {
    await enable();
    const customerId = await insertShopCustomer(db(), h.workspaceId, shopId, { email: 'inconnu@example.fr' });
    const checkoutId = await insertCheckout(db(), h.workspaceId, shopId, { shopCustomerId: customerId, updatedAt: h.relais.clock.now() - 2 * H });
    expect(await recoverAbandonedCarts(deps)).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'no_channel', conversationId: null })]);
    expect(await decisions(checkoutId)).toEqual([{ outcome: 'skipped', reason: 'no_channel' }]);
  });

  it('sends without a code when none is configured, in English to an English-speaking customer', async () => {
    await enable({ promoPercent: null });
    const { checkoutId } = await customerWithCart('Hello, do you ship to London? I would love to order the ring');
    await recoverAbandonedCarts(deps);
    const [outbound] = await outboundFor(checkoutId);
    const message = await db().selectFrom('messages').select('text').where('id', '=', outbound!.message_id).executeTakeFirstOrThrow();
    expect(message.text).toMatch(/^Hello Camille, your basket is still waiting for you: https:\/\/boutique\.example\/cart\/recover\/\S+$/);
    expect(promoCalls).toEqual([]);
  });
});
