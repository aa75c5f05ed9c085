import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { startMetaHarness, type MetaHarness } from '../testing.ts';
import { rulesKit, SUNDAY_20H } from './rules-harness.ts';
import { runRulesForMessage } from './run-rules.ts';

const dialects = await testDialects();

// Every condition judged by the rules job on stored data: channel, text, the stored
// classification, business hours, orders and carts from the shop tables, labels.
describe.each(dialects)('rule conditions on stored messages (%s)', (dialect) => {
  let h: MetaHarness;
  const kit = rulesKit(() => h);
  let hit: string;
  let vip: string;

  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    hit = await kit.label('hit');
    vip = await kit.label('vip');
  }, 30_000);
  afterAll(async () => { await h?.dispose(); });
  beforeEach(async () => { await kit.clearRules(); });

  it('fires exactly the rules whose conditions hold for a classified DM and a public comment', async () => {
    const one = (name: string, condition: unknown) => kit.rule({ name, conditions: [condition], actions: [{ type: 'add_label', label: hit }] });
    await one('kind', { type: 'channel', field: 'kind', in: ['meta'] });
    await one('surface', { type: 'channel', field: 'surface', in: ['messenger'] });
    await one('public', { type: 'visibility', is: 'public' });
    await one('contains', { type: 'text_contains', terms: ['REMBOURSEMENT'] });
    await one('not-contains', { type: 'text_not_contains', terms: ['remboursement'] });
    await one('matches', { type: 'text_matches', pattern: 'commande n\\D*\\d{4}' });
    await one('english', { type: 'language', in: ['en'] });
    await one('negative', { type: 'sentiment', in: ['negative'] });
    await one('damaged', { type: 'intent', any: ['order_issue'] });
    await one('open', { type: 'business_hours', is: 'open' });
    await one('closed', { type: 'business_hours', is: 'closed' });
    await one('ordered', { type: 'contact_has_order', is: true });
    await one('cart', { type: 'contact_has_open_cart', is: true });
    await one('vip', { type: 'label', is: 'present', label: vip });
    await kit.rule({ name: 'Sentinelle', actions: [{ type: 'add_label', label: hit }] });

    // The customer writes once; the shop knows their order and open cart, an agent marks them VIP.
    const first = await kit.dm('7001', 'Bonjour');
    await kit.firings(first);
    const conversation = await kit.conversationOf(first);
    const db = h.relais.store.db;
    const now = h.relais.clock.now();
    const shop = { workspace_id: h.workspaceId, channel_id: h.channelId, contact_id: conversation.contact_id, email: null, phone: null, currency: 'EUR', total_cents: 4200, items: '[]', created_at: now, updated_at: now, shop_customer_id: null };
    await db.insertInto('orders').values({ ...shop, id: 'order-1', external_id: '1001', number: '#1001', status: 'paid', financial_status: 'paid', fulfillment_status: null, tracking_url: null, discount_codes: '[]', landing_site: null, referring_site: null, checkout_token: null, cart_token: null, placed_at: now, platform_updated_at: now, cancelled_at: null }).execute();
    await db.insertInto('checkouts').values({ ...shop, id: 'checkout-1', token: 'tok-1', cart_token: null, recovery_url: null, completed_at: null, order_id: null, platform_created_at: now, platform_updated_at: now, abandoned_at: null }).execute();
    expect((await h.owner.post(`/api/v1/conversations/${conversation.id}/labels`, { labelId: vip })).status).toBe(204);

    const dm = await kit.dm('7001', 'Je veux un remboursement : ma commande n°1234 est arrivée cassée, c’est inadmissible !');
    const dmFired = (await kit.firings(dm)).map((f) => f.rule_name);
    expect(dmFired).toEqual(['kind', 'surface', 'contains', 'matches', 'negative', 'damaged', 'open', 'ordered', 'cart', 'vip']);

    const comment = await kit.comment('7002', 'Lovely ring, where can I buy it?', SUNDAY_20H);
    const commentFired = (await kit.firings(comment)).map((f) => f.rule_name);
    expect(commentFired).toEqual(['kind', 'public', 'not-contains', 'english', 'closed']);
  }, 40_000);

  it('classifies in the job a message stored without its classification, so sentiment and intent rules still see it', async () => {
    await kit.rule({ name: 'negative', conditions: [{ type: 'sentiment', in: ['negative'] }, { type: 'intent', any: ['complaint'] }], actions: [{ type: 'add_label', label: hit }] });
    await kit.rule({ name: 'Sentinelle', actions: [{ type: 'add_label', label: hit }] });
    const message = await kit.dm('7101', 'Toujours pas reçu mon colis, c’est inadmissible 😡');
    await kit.firings(message);
    // As if the classifier had been unavailable when it was stored: the rules run again from scratch.
    const db = h.relais.store.db;
    await db.updateTable('messages').set({ language: null, sentiment: null, sentiment_score: null, intents: null, classified_by: null }).where('id', '=', message).execute();
    await db.deleteFrom('rule_firings').where('message_id', '=', message).execute();
    await runRulesForMessage(h.relais.inbox, { workspaceId: h.workspaceId, messageId: message });
    expect((await kit.firings(message)).map((f) => f.rule_name)).toEqual(['negative']);
  }, 30_000);
});
