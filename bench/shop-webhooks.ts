/**
 * `npm run bench:shop`: signed Shopify `orders/create` webhooks into Relais on SQLite, next
 * to plain node:http answering 200 to the same requests in the same run. Shopify gives a
 * delivery 5 s; this prints acknowledgement latency and throughput at a fixed concurrency,
 * then checks that every distinct order was stored once (every tenth delivery is sent twice,
 * as Shopify's retries do).
 */
import http from 'node:http';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addChannel } from '../src/channels/index.ts';
import { createSealer, loadConfig, systemClock } from '../src/kernel/index.ts';
import { createRelais } from '../src/main.ts';
import { orderResource, type ShopifyShop } from '../sandbox/shopify/resources.ts';
import { round } from './load.ts';

const SECRET = 'bench-shopify-secret';
const DOMAIN = 'bench-shop.myshopify.com';
const deliveries = Number(process.env.BENCH_DELIVERIES ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

const shop: ShopifyShop = { domain: DOMAIN, accessToken: 'x', name: 'Bench', orders: new Map(), checkouts: new Map(), customers: new Map(), priceRules: new Map(), discountCodes: new Map(), nextOrderNumber: 1001 };

interface Delivery { body: string; headers: Record<string, string> }

/** The deliveries, built before timing: a tenth of them sent a second time with the same webhook id. */
function buildDeliveries(): Delivery[] {
  const list: Delivery[] = [];
  for (let i = 0; i < deliveries; i++) {
    const order = orderResource(shop, { email: `client${i}@example.fr`, customer: { email: `client${i}@example.fr`, firstName: 'Client' }, lineItems: [{ title: 'Bougie figue', price: '24.00', quantity: 1 }] }, Date.now());
    const body = JSON.stringify(order);
    const headers = {
      'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': DOMAIN, 'x-shopify-api-version': '2026-04',
      'x-shopify-webhook-id': randomUUID(), 'x-shopify-event-id': randomUUID(), 'x-shopify-triggered-at': new Date().toISOString(),
      'x-shopify-hmac-sha256': createHmac('sha256', SECRET).update(body).digest('base64'),
    };
    list.push({ body, headers });
    if (i % 10 === 9) list.push({ body, headers });
  }
  return list;
}

async function send(url: string, list: Delivery[]): Promise<{ perSecond: number; p50: number; p99: number; max: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const post = (delivery: Delivery) => new Promise<void>((resolve) => {
    const started = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers: delivery.headers }, (response) => {
      response.resume();
      response.on('end', () => {
        latencies.push(performance.now() - started);
        if (response.statusCode !== 200) errors++;
        resolve();
      });
    });
    request.on('error', () => { errors++; resolve(); });
    request.end(delivery.body);
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < list.length) await post(list[next++]!);
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: list.length / elapsed, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0, errors };
}

async function plainServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => { response.writeHead(200, { 'content-type': 'application/json' }); response.end('{"status":"accepted"}'); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/shopify`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A fresh Relais on its own SQLite file: `serve` answers webhooks only, `all` also runs the processing jobs. */
async function benchRelais(role: 'serve' | 'all', list: Delivery[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-shop-bench-'));
  const config = loadConfig({ RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_SHOPIFY_APP_SECRET: SECRET });
  const relais = await createRelais(config, { role });
  const base = await relais.listen();
  await relais.store.db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: Date.now() }).execute();
  await addChannel({ db: relais.store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, {
    workspaceId: 'ws_bench', kind: 'shopify', name: 'Bench shop', externalId: DOMAIN, accountIds: [DOMAIN], apiBase: 'http://127.0.0.1:9', credentials: { accessToken: 'x' }, settings: {},
  });
  const outcome = await send(`${base}/hooks/shopify`, list);
  const count = async (table: 'orders' | 'inbound_events') => Number((await relais.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // Every distinct delivery kept once; with the jobs running, every distinct order stored once.
  const deadline = Date.now() + 60_000;
  let stored = role === 'all' ? await count('orders') : await count('inbound_events');
  while (role === 'all' && stored < deliveries && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stored = await count('orders');
  }
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { outcome, stored };
}

const list = buildDeliveries();
const plain = await plainServer();
const plainOutcome = await send(plain.url, list);
await plain.close();
const intake = await benchRelais('serve', list);
const full = await benchRelais('all', list);

const row = (name: string, o: Awaited<ReturnType<typeof send>>) => ({ server: name, 'deliveries/s': round(o.perSecond), 'ack p50 ms': round(o.p50), 'ack p99 ms': round(o.p99), 'ack max ms': round(o.max), errors: o.errors });
console.log(`Shopify orders/create: ${list.length} deliveries (${deliveries} distinct, every tenth sent twice), concurrency ${concurrency}, SQLite`);
console.table([
  row('plain node:http (200, no work)', plainOutcome),
  row('Relais serve: intake only', intake.outcome),
  row('Relais start: intake + processing jobs', full.outcome),
]);
const verdict = (stored: number) => (stored === deliveries ? 'none lost, none doubled' : 'MISMATCH');
console.log(`deliveries kept by intake: ${intake.stored} of ${deliveries} (${verdict(intake.stored)}); orders stored with processing: ${full.stored} of ${deliveries} (${verdict(full.stored)})`);
console.log('Shopify allows 5000 ms per delivery.');
