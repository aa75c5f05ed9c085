import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64Hmac } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { createSealer, systemClock } from '../kernel/index.ts';
import { openStore } from '../store/index.ts';
import { waitFor } from '../jobs/testing.ts';
import { freePort, spawnRelais } from '../http/testing.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-shop-crash-'));
const SECRET = 'crash-test-shopify-secret';
const DOMAIN = 'crash.myshopify.com';
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', RELAIS_SHOPIFY_APP_SECRET: SECRET, HOST: '127.0.0.1' } as Record<string, string>;
delete env.DATABASE_URL;

const startRelais = (command: 'serve' | 'start', port: number) => spawnRelais(command, env, port);

// A Shopify order acknowledged by `relais serve` (which runs no jobs), then SIGKILL: the order
// is there once Relais is back.
describe('shop delivery across a crash', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the acknowledged order and writes it after a restart', async () => {
    expect(spawnSync(process.execPath, [bin, 'setup', '--workspace', 'Boutique', '--email', 'lea@example.com', '--password', 'correct horse battery'], { env, encoding: 'utf8' }).status).toBe(0);
    const store = openStore({ kind: 'sqlite', file: join(dataDir, 'relais.sqlite') });
    const workspace = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim()) }, {
      workspaceId: workspace.id, kind: 'shopify', name: 'Crash', externalId: DOMAIN, accountIds: [DOMAIN], apiBase: 'http://127.0.0.1:9', credentials: { accessToken: 'shpat_x' },
    });
    await store.close();
    const token = spawnSync(process.execPath, [bin, 'token', 'create', '--workspace', 'Boutique', '--name', 'test'], { env, encoding: 'utf8' }).stdout.trim();

    const port = await freePort();
    const serve = await startRelais('serve', port);
    children.push(serve);
    const body = JSON.stringify({ id: 5912000000777, name: '#1777', email: 'survivor@example.fr', currency: 'EUR', total_price: '12.50', financial_status: 'paid', line_items: [], created_at: '2026-11-23T09:00:00+00:00', updated_at: '2026-11-23T09:00:00+00:00' });
    const ack = await fetch(`http://127.0.0.1:${port}/hooks/shopify`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': base64Hmac(SECRET, body), 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': DOMAIN, 'x-shopify-webhook-id': 'crash-webhook-1' },
    });
    expect(ack.status).toBe(200);
    serve.kill('SIGKILL');
    await new Promise((resolve) => serve.once('exit', resolve));

    const restartedPort = await freePort();
    children.push(await startRelais('start', restartedPort));
    let numbers: string[] = [];
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${restartedPort}/api/v1/orders?email=survivor@example.fr`, { headers: { authorization: `Bearer ${token}` } });
      numbers = ((await response.json()) as { orders: { number: string }[] }).orders.map((order) => order.number);
      return numbers.length > 0;
    }, 15_000, 'the order to appear after the restart');
    expect(numbers).toEqual(['#1777']);
  }, 60_000);
});
