import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Hmac } from '../../sandbox/index.ts';
import { testDialects } from '../store/testing.ts';
import { SHOP_DOMAIN, startShopHarness, type ShopHarness } from './testing.ts';

describe.each(await testDialects())('Shopify deliveries without X-Shopify-Webhook-Id (%s)', (dialect) => {
  let h: ShopHarness;
  beforeAll(async () => {
    h = await startShopHarness(dialect);
  });
  afterAll(async () => h?.dispose());

  const deliver = async (topic: string, body: string) => {
    const response = await h.relais.app.inject({
      method: 'POST', url: '/hooks/shopify', payload: body,
      headers: {
        'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-shop-domain': SHOP_DOMAIN,
        'x-shopify-event-id': 'evt-one-merchant-action', 'x-shopify-hmac-sha256': base64Hmac('sandbox-shopify-secret', body),
      },
    });
    return { status: response.statusCode, answer: response.json() as { status: string } };
  };

  it('keeps both topics one merchant action caused (they share the event id), and still drops a retry of one', async () => {
    const customer = '{"id":5912000000777,"email":"evt@example.fr","first_name":"Evt"}';
    const order = '{"id":5912000000778,"name":"#7001","email":"evt@example.fr","total_price":"10.00","created_at":"2026-11-23T10:00:00Z","updated_at":"2026-11-23T10:00:00Z","customer":{"id":5912000000777,"email":"evt@example.fr"}}';
    expect(await deliver('customers/create', customer)).toEqual({ status: 200, answer: { status: 'accepted' } });
    expect(await deliver('orders/create', order)).toEqual({ status: 200, answer: { status: 'accepted' } });
    expect(await deliver('orders/create', order)).toEqual({ status: 200, answer: { status: 'duplicate' } });
    await h.settle();
    expect(await h.relais.store.db.selectFrom('orders').select('external_id').where('number', '=', '#7001').execute()).toEqual([{ external_id: '5912000000778' }]);
  });
});
