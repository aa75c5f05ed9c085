import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxCli } from './cli.ts';
import { demoShopify, demoWoo, demoX } from './demo-shop.ts';
import { startFakeRelais, type FakeRelais } from './testing.ts';

// `relais sandbox` as a process would run it, driven only over HTTP, as with curl.
let relais: FakeRelais;
let url: string;
const stop = new AbortController();
let running: Promise<void>;
const lines: string[] = [];

beforeAll(async () => {
  relais = await startFakeRelais();
  running = runSandboxCli(['--port', '0', '--relais', relais.url, '--x-consumer-secret', 'x-secret', '--shopify-app-secret', 'shopify-secret'], { print: (line) => lines.push(line), signal: stop.signal });
  for (let waited = 0; lines.length === 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  url = /running at (\S+)/.exec(lines[0] ?? '')![1]!;
});
afterAll(async () => {
  stop.abort();
  await running;
  await relais.close();
});

async function control(platform: string, action: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/_sandbox/${platform}/${action}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
const hooks = (path: string) => relais.received.filter((r) => r.method === 'POST' && r.path.startsWith(path));

describe('the simulator’s control API, /_sandbox/<platform>/<action>', () => {
  it('names every platform’s control API at its root and prints what it seeded', async () => {
    const root = await (await fetch(url)).json();
    expect(root.control).toEqual(['/_sandbox/meta/<action>', '/_sandbox/x/<action>', '/_sandbox/shopify/<action>', '/_sandbox/woocommerce/<action>', '/_sandbox/site/<action>']);
    expect(root.site.pageUrl).toBe(`${url}/shop`);
    const printed = lines.join('\n');
    for (const fact of [demoX.account.accessToken, demoShopify.shop.accessToken, demoWoo.store.consumerKey, 'shopify-secret', 'x-secret']) expect(printed).toContain(fact);
  });

  it('X: a mention and a DM reach Relais signed; what Relais posts shows in the log', async () => {
    const mention = await control('x', 'mention', { from: demoX.users.camille.id, text: 'Ma commande 4512 n’est pas arrivée' });
    expect(mention).toMatchObject({ status: 200, body: { id: expect.any(String), status: 200 } });
    const dm = await control('x', 'dm', { from: demoX.users.theo.id, text: 'Bonjour, vous livrez en Suisse ?' });
    expect(dm.body.status).toBe(200);
    const [first] = hooks('/hooks/x');
    expect(first!.headers['x-twitter-webhooks-signature']).toBe(`sha256=${createHmac('sha256', 'x-secret').update(first!.raw).digest('base64')}`);
    expect(JSON.parse(first!.raw.toString()).tweet_create_events[0].text).toContain('Ma commande 4512');
    expect(hooks('/hooks/x')).toHaveLength(2);

    const posted = await fetch(`${url}/2/tweets`, {
      method: 'POST', headers: { authorization: `Bearer ${demoX.account.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '@camille_m Nous regardons tout de suite.', reply: { in_reply_to_tweet_id: mention.body.id } }),
    });
    expect(posted.status).toBe(201);
    const log = await control('x', 'log');
    expect(log.body.tweets).toMatchObject([{ text: '@camille_m Nous regardons tout de suite.' }]);
    expect(log.body.allDms.map((d: any) => d.text)).toContain('Bonjour, vous livrez en Suisse ?');
  });

  it('Shopify: seeded with orders #4512–#4514; a cart left then ordered sends the signed webhooks and completes the cart', async () => {
    const seeded = (await control('shopify', 'log')).body.shops[0];
    expect(seeded.orders.map((o: any) => o.name)).toEqual(['#4512', '#4513', '#4514']);
    expect(seeded.orders[0].customer.email).toBe('camille.martin@example.fr');
    expect(seeded.checkouts).toHaveLength(1);

    const lines = [{ title: 'Sautoir Biarritz', price: '54.00' }];
    const cart = await control('shopify', 'createCheckout', { email: 'nina.perrin@example.fr', lineItems: lines });
    expect(cart).toMatchObject({ status: 200, body: { resource: { token: expect.any(String), total_price: '54.00' }, delivery: { state: 'delivered', status: 200 } } });
    const order = await control('shopify', 'createOrder', { email: 'nina.perrin@example.fr', lineItems: lines, checkoutToken: cart.body.resource.token });
    expect(order.body.resource).toMatchObject({ name: '#4515', checkout_token: cart.body.resource.token });
    const shipped = await control('shopify', 'updateOrder', { id: order.body.resource.id, fulfill: { trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A123' } });
    expect(shipped.body.resource.fulfillment_status).toBe('fulfilled');

    const sent = hooks('/hooks/shopify');
    expect(sent.map((r) => r.headers['x-shopify-topic'])).toEqual(['checkouts/create', 'orders/create', 'orders/updated']);
    expect(sent[0]!.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', 'shopify-secret').update(sent[0]!.raw).digest('base64'));
    const log = (await control('shopify', 'log')).body;
    expect(log.shops[0].checkouts.find((c: any) => c.token === cart.body.resource.token).completed_at).not.toBeNull();

    const api = await fetch(`${url}/admin/api/2026-04/orders.json?status=any`, { headers: { 'x-shopify-access-token': demoShopify.shop.accessToken } });
    expect((await api.json()).orders.map((o: any) => o.name)).toContain('#4512');
  });

  it('WooCommerce: seeded orders; once the webhook URL is set, an order and its completion arrive signed', async () => {
    const seeded = (await control('woocommerce', 'log')).body.stores[0];
    expect(seeded.orders).toHaveLength(2);
    expect(seeded.siteUrl).toBe(demoWoo.store.siteUrl);

    expect((await control('woocommerce', 'setDeliveryUrl', { url: `${relais.url}/hooks/woocommerce/ch_1` })).status).toBe(200);
    const order = await control('woocommerce', 'createOrder', { billing: { email: 'ines.haddad@example.fr', firstName: 'Inès' }, lineItems: [{ name: 'Atelier bijoux', price: '65.00' }] });
    expect(order).toMatchObject({ status: 200, body: { resource: { total: '65.00', status: 'processing' }, delivery: { state: 'delivered' } } });
    await control('woocommerce', 'updateOrder', { id: order.body.resource.id, status: 'completed' });
    const sent = hooks('/hooks/woocommerce/ch_1');
    expect(sent.map((r) => r.headers['x-wc-webhook-topic'])).toEqual(['order.created', 'order.updated']);
    expect(sent[0]!.headers['x-wc-webhook-signature']).toBe(createHmac('sha256', demoWoo.store.webhookSecret).update(sent[0]!.raw).digest('base64'));

    const auth = Buffer.from(`${demoWoo.store.consumerKey}:${demoWoo.store.consumerSecret}`).toString('base64');
    const api = await fetch(`${url}/wp-json/wc/v3/orders`, { headers: { authorization: `Basic ${auth}` } });
    expect(await api.json()).toHaveLength(3);
  });

  it('Shopify: a cart filled two hours ago carries that time, as a real shop’s waiting cart does', async () => {
    const cart = await control('shopify', 'createCheckout', { email: 'lea.dubois@example.fr', lineItems: [{ title: 'Robe Céleste', price: '89.00' }], startedMinutesAgo: 120 });
    const age = Date.now() - Date.parse(cart.body.resource.updated_at);
    expect(age).toBeGreaterThanOrEqual(120 * 60_000 - 2000);
    expect(age).toBeLessThan(121 * 60_000);
    expect(cart.body.resource.created_at).toBe(cart.body.resource.updated_at);
    expect((await control('shopify', 'createCheckout', { lineItems: [{ title: 'x', price: '1.00' }], startedMinutesAgo: -5 })).status).toBe(400);
  });

  it('the shop site: its page embeds the chat once named; a visitor signed in on it writes through the widget API with the page’s Origin and a v2 identity signature', async () => {
    expect(await (await fetch(`${url}/shop`)).text()).not.toContain('widget.js');
    const origin = new URL(url).origin;
    relais.respond((req) => {
      if (req.path === '/widget/api/session') return { status: 200, body: JSON.stringify({ token: 'visitor-token-1', visitorId: 'v_1' }) };
      if (req.path === '/widget/api/identify') return { status: 200, body: JSON.stringify({ status: 'verified' }) };
      if (req.path === '/widget/api/messages') return { status: 202, body: JSON.stringify({ status: 'accepted' }) };
      return { status: 404 };
    });
    try {
      expect((await control('site', 'setChat', { relaisUrl: relais.url, channelId: 'ch_site', identifySecret: 'site-secret' })).body).toEqual({ pageUrl: `${url}/shop` });
      const page = await (await fetch(`${url}/shop`)).text();
      expect(page).toContain(`<script src="${relais.url}/widget.js" data-channel="ch_site" async></script>`);

      const identity = { email: 'emma.laurent@example.fr', name: 'Emma Laurent' };
      const sent = await control('site', 'message', { visitor: 'emma', identity, text: 'La livraison est offerte à partir de combien ?' });
      expect(sent).toMatchObject({ status: 200, body: { visitor: 'emma', visitorId: 'v_1', identified: 'verified', status: 202 } });
      const calls = relais.received.filter((r) => r.path.startsWith('/widget/api/'));
      expect(calls.map((r) => r.path)).toEqual(['/widget/api/session', '/widget/api/identify', '/widget/api/messages']);
      expect(calls.every((r) => r.headers.origin === origin)).toBe(true);
      expect(JSON.parse(calls[0]!.raw.toString())).toEqual({ channelId: 'ch_site', parentOrigin: origin });
      expect(calls[2]!.headers['x-relais-visitor']).toBe('visitor-token-1');
      const { signature } = JSON.parse(calls[1]!.raw.toString());
      const [, seconds, hex] = /^v2\.(\d+)\.([0-9a-f]{64})$/.exec(signature)!;
      const signed = `v2\n${seconds}\nemail=emma.laurent@example.fr\nname=Emma Laurent\ncustomerId=\ncartToken=`;
      expect(hex).toBe(createHmac('sha256', 'site-secret').update(signed).digest('hex'));

      // The same visitor again: one session, her conversation goes on.
      await control('site', 'message', { visitor: 'emma', text: 'Merci !' });
      expect(relais.received.filter((r) => r.path === '/widget/api/session')).toHaveLength(1);
      expect((await control('site', 'log')).body.messages.map((m: any) => m.text)).toEqual(['La livraison est offerte à partir de combien ?', 'Merci !']);
      expect((await control('site', 'message', { text: '' })).status).toBe(400);
    } finally {
      relais.reset();
    }
  });

  it('answers bad input with 400 and why, an unknown action with 404 and the list, a GET on an action with 405', async () => {
    const bad = await control('shopify', 'createOrder', { email: 'x@example.fr', lineItems: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['lineItems']);
    expect((await control('woocommerce', 'createOrder', { billing: { email: 'pas un email' }, lineItems: [{ name: 'x', price: '1' }] })).status).toBe(400);
    expect((await control('x', 'mention', { from: '999', text: 'inconnu' })).body.error.message).toMatch(/Unknown X user/);
    const unknown = await control('x', 'launchRocket', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.controls).toContain('mention');
    expect((await control('shopify', 'createOrder')).status).toBe(405);
    expect((await fetch(`${url}/_sandbox/myspace/log`)).status).toBe(404);
  });
});
