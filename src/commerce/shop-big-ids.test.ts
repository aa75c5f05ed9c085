import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Hmac } from '../../sandbox/index.ts';
import { testDialects } from '../store/testing.ts';
import { parseShopJson } from './normalize.ts';
import { shopifyPlatform, wooPlatform } from './index.ts';
import { SHOP_DOMAIN, startShopHarness, type ShopHarness } from './testing.ts';

// Two ids a double cannot tell apart: read through a float, both become 9007199254740992.
const [idA, idB] = ['9007199254740993', '9007199254740992'];

describe('64-bit shop ids', () => {
  it('keeps integers beyond a double exact, and leaves every other value as JSON.parse reads it', () => {
    const body = `{"id":${idA},"n":-9223372036854775807,"small":42,"price":"19.90","f":12345678901234567.5,"e":1e21,"s":"${idB} \\" ${idA}","a":[${idB}]}`;
    expect(parseShopJson(body)).toEqual({ id: idA, n: '-9223372036854775807', small: 42, price: '19.90', f: 12345678901234568, e: 1e21, s: `${idB} " ${idA}`, a: [idB] });
    expect(() => parseShopJson('{"id": 1')).toThrow();
  });

  it('reads a WooCommerce order and a Shopify checkout customer with their exact ids', () => {
    const woo = wooPlatform.parseWebhook('order.created', `{"id":${idA},"status":"processing","customer_id":${idB},"date_created_gmt":"2026-11-23T10:00:00","total":"24.00","billing":{"email":"a@example.fr"}}`);
    expect(woo.type === 'order' && [woo.order.externalId, woo.order.customer?.externalId]).toEqual([idA, idB]);
    const checkout = shopifyPlatform.parseWebhook('checkouts/create', `{"token":"t1","created_at":"2026-11-23T10:00:00Z","customer":{"id":${idA},"email":"b@example.fr"}}`);
    expect(checkout.type === 'checkout' && checkout.checkout.customer?.externalId).toBe(idA);
  });
});

describe.each(await testDialects())('Shopify orders with 64-bit ids, through the webhook (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => {
    h = await startShopHarness(dialect);
  });
  afterAll(async () => h?.dispose());

  const deliver = async (id: string, name: string) => {
    const body = `{"id":${id},"name":"${name}","email":"big@example.fr","total_price":"24.00","currency":"EUR","financial_status":"paid","created_at":"2026-11-23T10:00:00Z","updated_at":"2026-11-23T10:00:00Z","customer":{"id":${id},"email":"big@example.fr"},"line_items":[]}`;
    const response = await h.relais.app.inject({
      method: 'POST', url: '/hooks/shopify', payload: body,
      headers: {
        'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': SHOP_DOMAIN, 'x-shopify-api-version': '2026-04',
        'x-shopify-webhook-id': `wh-${name}`, 'x-shopify-hmac-sha256': base64Hmac('sandbox-shopify-secret', body),
      },
    });
    expect(response.statusCode).toBe(200);
  };

  it('stores two orders whose ids differ only beyond a double\'s precision as two orders, ids exact', async () => {
    await deliver(idA, '#9001');
    await deliver(idB, '#9002');
    await h.settle();
    const orders = await h.relais.store.db.selectFrom('orders').select(['external_id', 'number']).where('workspace_id', '=', h.workspaceId).where('number', 'in', ['#9001', '#9002']).orderBy('number').execute();
    expect(orders).toEqual([{ external_id: idA, number: '#9001' }, { external_id: idB, number: '#9002' }]);
    const customers = await h.relais.store.db.selectFrom('shop_customers').select('external_id').where('external_id', 'in', [idA, idB]).orderBy('external_id').execute();
    expect(customers.map((row) => row.external_id)).toEqual([idB, idA]);
  });
});
