import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from './testing.ts';

// The test run allows private API bases (the sandbox lives on 127.0.0.1); this suite is
// about an installation that does not, so it takes the setting away for itself.
const allowed = process.env.RELAIS_ALLOW_PRIVATE_API_BASE;

describe('connecting a channel or a shop never reaches into Relais\'s own network', () => {
  let relais: TestRelais;
  let owner: Browser;
  let server: Server;
  let port: number;
  const seen: string[] = [];

  beforeAll(async () => {
    delete process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
    // Answers like an internal service would, with something worth stealing in the body.
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"INTERNAL-ONLY admin panel"},"errors":"INTERNAL-ONLY","message":"INTERNAL-ONLY"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    relais = await startTestRelais('sqlite');
    owner = await setUpOwner(relais.app);
  });
  afterEach(() => {
    delete process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
  });
  afterAll(async () => {
    if (allowed === undefined) delete process.env.RELAIS_ALLOW_PRIVATE_API_BASE;
    else process.env.RELAIS_ALLOW_PRIVATE_API_BASE = allowed;
    server.close();
    await relais?.dispose();
  });

  const spellings = () => [
    `http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://2130706433:${port}`, `http://0x7f000001:${port}`,
    `http://0x7f.1:${port}`, `http://0177.0.0.1:${port}`, `http://127.1:${port}`, `http://0.0.0.0:${port}`, `http://0:${port}`,
    `http://[::ffff:127.0.0.1]:${port}`, `http://[::ffff:7f00:1]:${port}`, `http://[::1]:${port}`, `http://${hostname()}:${port}`,
  ];

  const attempts = (base: string) => [
    ['/api/v1/channels', { kind: 'meta', pageId: '1234567890', pageToken: 'EAAG-page-token-secret', apiBase: `${base}/v19.0` }, 'channel'],
    ['/api/v1/channels', { kind: 'x', accountId: '987654321', accessToken: 'x-user-token-secret', apiBase: base }, 'channel'],
    ['/api/v1/shops', { platform: 'shopify', shopDomain: 'boutique-lea.myshopify.com', accessToken: 'shpat_secret_token', apiBase: base }, 'shop'],
    ['/api/v1/shops', { platform: 'woocommerce', siteUrl: base, consumerKey: 'ck_secret', consumerSecret: 'cs_secret', webhookSecret: 'whsec-12345678' }, 'shop'],
  ] as const;

  it('refuses every spelling of a local address with a 4xx and a code, and no request arrives', async () => {
    for (const base of spellings()) {
      for (const [url, body, area] of attempts(base)) {
        const reply = await owner.post(url, body);
        expect(reply.status, `${url} ${base} ${JSON.stringify(reply.body)}`).toBe(400);
        expect(reply.body.error.code, `${url} ${base}`).toBe(`${area}.address_refused`);
      }
    }
    expect(seen).toEqual([]);
    const channels = await owner.get('/api/v1/channels');
    expect(channels.body.channels).toEqual([]);
  });

  it('sends a platform\'s credentials only to that platform\'s host', async () => {
    const elsewhere = [
      ['/api/v1/channels', { kind: 'meta', pageId: '1234567890', pageToken: 'EAAG-page-token-secret', apiBase: 'https://graph.facebook.com.example.net/v19.0' }, 'channel'],
      ['/api/v1/channels', { kind: 'x', accountId: '987654321', accessToken: 'x-user-token-secret', apiBase: 'https://api.x.com:8443' }, 'channel'],
      ['/api/v1/shops', { platform: 'shopify', shopDomain: 'boutique-lea.myshopify.com', accessToken: 'shpat_secret_token', apiBase: 'https://autre.myshopify.com' }, 'shop'],
      ['/api/v1/shops', { platform: 'woocommerce', siteUrl: 'https://boutique-lea.fr', consumerKey: 'ck_secret', consumerSecret: 'cs_secret', webhookSecret: 'whsec-12345678', apiBase: 'https://collecte.example.net' }, 'shop'],
    ] as const;
    for (const [url, body, area] of elsewhere) {
      const reply = await owner.post(url, body);
      expect(reply.status, `${url} ${body.apiBase}`).toBe(400);
      expect(reply.body.error.code, `${url} ${body.apiBase}`).toBe(`${area}.address_refused`);
    }
  });

  it('refuses other schemes with a 400 instead of a 500', async () => {
    for (const base of ['file:///etc/passwd', 'gopher://127.0.0.1:70', 'ftp://example.com']) {
      for (const [url, body, area] of attempts(base)) {
        const reply = await owner.post(url, body);
        expect(reply.status, `${url} ${base}`).toBe(400);
        expect([`${area}.address_refused`, 'request.invalid'], `${url} ${base}`).toContain(reply.body.error.code);
      }
    }
  });

  it('with private bases allowed (the sandbox), a closed port is a 422 and an upstream\'s words are never repeated', async () => {
    process.env.RELAIS_ALLOW_PRIVATE_API_BASE = '1';
    for (const [url, body, area] of attempts('http://127.0.0.1:1')) {
      const reply = await owner.post(url, body);
      expect(reply.status, url).toBe(422);
      expect(reply.body.error.code, url).toBe(`${area}.unreachable`);
    }
    for (const [url, body] of attempts(`http://127.0.0.1:${port}`)) {
      const reply = await owner.post(url, body);
      expect(reply.status, url).toBe(409);
      expect(reply.body.error.code, url).toBe('channel.needs_reconnect');
      expect(JSON.stringify(reply.body), url).not.toContain('INTERNAL-ONLY');
    }
    expect(seen.length).toBe(4);
  });
});
