import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-shop-'));
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
delete env.DATABASE_URL;

/** The sandbox answers in this process, so the CLI runs asynchronously beside it. */
function relais(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('relais channel add shopify|woocommerce', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.shopify.addShop({ domain: 'lune.myshopify.com', accessToken: 'shpat_cli_token_1', name: 'Maison Lune' });
    sandbox.woo.addStore({ siteUrl: 'https://lea.example', consumerKey: 'ck_cli', consumerSecret: 'cs_cli', webhookSecret: 'whsec-cli-1' });
    const setup = spawnSync(process.execPath, [bin, 'setup', '--workspace', 'Boutique Léa', '--email', 'lea@boutique-lea.fr', '--password', 'correct horse battery'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(setup.status).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects a Shopify shop after checking its token, and refuses a wrong one', async () => {
    const added = await relais('channel', 'add', 'shopify', '--workspace', 'Boutique Léa', '--shop-domain', 'lune.myshopify.com', '--access-token', 'shpat_cli_token_1', '--api-base', sandbox.url);
    expect(added.stderr).toBe('');
    expect(added.stdout.trim()).toMatch(/^[0-9a-z]{26}$/);
    expect(sandbox.shopify.calls.at(-1)).toMatchObject({ path: 'shop.json', status: 200 });
    const refused = await relais('channel', 'add', 'shopify', '--workspace', 'Boutique Léa', '--shop-domain', 'lune.myshopify.com', '--access-token', 'shpat_wrong_token', '--api-base', sandbox.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Invalid API key or access token');
    const invalid = await relais('channel', 'add', 'shopify', '--workspace', 'Boutique Léa', '--shop-domain', 'not a domain', '--access-token', 'x');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/--shop-domain/);
  }, 60_000);

  it('connects a WooCommerce shop with its consumer keys and webhook secret', async () => {
    const added = await relais('channel', 'add', 'woocommerce', '--workspace', 'Boutique Léa', '--site-url', 'https://lea.example', '--consumer-key', 'ck_cli',
      '--consumer-secret', 'cs_cli', '--webhook-secret', 'whsec-cli-1', '--api-base', sandbox.url);
    expect(added.stderr).toBe('');
    expect(added.stdout.trim()).toMatch(/^[0-9a-z]{26}$/);
    expect(sandbox.woo.calls.at(-1)).toMatchObject({ path: 'orders', status: 200 });
  }, 60_000);
});
