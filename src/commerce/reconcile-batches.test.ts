import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { testDialects } from '../store/testing.ts';
import { reconcileShop } from './index.ts';
import { startShopHarness, type ShopHarness } from './testing.ts';

const line = { title: 'Savon lavande', price: '6.50', quantity: 1 };
const MISSED = 1000;

describe.each(await testDialects())('a long reconciliation beside live webhooks (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => {
    h = await startShopHarness(dialect);
  });
  afterAll(async () => h?.dispose());

  it('acknowledges a webhook that arrives while a thousand missed orders are written, before the pass ends', async () => {
    for (let i = 0; i < MISSED; i++) await h.sandbox.shopify.createOrder({ email: `manque${i}@example.fr`, lineItems: [line] }, { drop: true });
    let reconciledAt = 0;
    const pass = reconcileShop(h.relais.commerce, { workspaceId: h.workspaceId, channelId: h.shopifyChannelId }).then((result) => {
      reconciledAt = performance.now();
      return result;
    });
    // The shop's lists have been read: the writing begins.
    await waitFor(async () => h.sandbox.shopify.calls.some((call) => call.path === 'checkouts.json'), 10_000, 'the reconciliation to list checkouts');
    const live = await h.sandbox.shopify.createOrder({ email: 'en-direct@example.fr', lineItems: [line] });
    const ackedAt = performance.now();
    expect(live.delivery.status).toBe(200);
    expect((await pass).orders).toBe(MISSED);
    // Shopify gives a delivery 5 s: one long transaction would hold SQLite's only connection until the pass ends.
    expect(reconciledAt).toBeGreaterThan(ackedAt);
    await h.settle();
    const stored = await h.relais.store.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', h.workspaceId).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(MISSED + 1);
  }, 60_000);
});
