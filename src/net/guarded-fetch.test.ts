import { createServer, type Server } from 'node:http';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl, forbiddenRange, guardedFetch, OutboundError, policyFromEnv } from './index.ts';

const strict = { allowPrivate: false, requireHttps: false };
const sandboxed = { allowPrivate: true, requireHttps: false };

/** A listener on 127.0.0.1 that counts every request it receives. */
async function listen(handler: (url: string, reply: (status: number, headers: Record<string, string>, body: string) => void) => void) {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.url ?? '');
    handler(request.url ?? '', (status, headers, body) => response.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, port: (server.address() as AddressInfo).port };
}

async function refusal(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('the outbound guard', () => {
  let target: Awaited<ReturnType<typeof listen>>;
  let elsewhere: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    elsewhere = await listen((_url, reply) => reply(200, {}, 'internal secret'));
    target = await listen((url, reply) => {
      if (url === '/redirect') return reply(302, { location: `http://127.0.0.1:${elsewhere.port}/admin` }, '');
      reply(200, { 'content-type': 'application/json', link: `<http://127.0.0.1:${elsewhere.port}/next>; rel="next"` }, '{"ok":true}');
    });
  });
  afterAll(() => {
    target.server.close();
    elsewhere.server.close();
  });

  it('refuses every spelling of this machine, and nothing reaches the listener', async () => {
    const port = target.port;
    const spellings = [
      `http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://LOCALHOST.:${port}/`, `http://2130706433:${port}/`,
      `http://0x7f000001:${port}/`, `http://0x7f.0.0.1:${port}/`, `http://0177.0.0.1:${port}/`, `http://127.1:${port}/`,
      `http://127.0.0.1.:${port}/`, `http://0:${port}/`, `http://0.0.0.0:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`, `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`, `http://[::]:${port}/`,
      `http://user:pass@127.0.0.1:${port}/`, `https://127.0.0.1:${port}/`,
    ];
    // A name (not a literal) that resolves to this machine: judged on the resolved address,
    // in the socket's own lookup, so the connection can only go where the check looked.
    const machine = hostname();
    const resolved = await lookup(machine).catch(() => undefined);
    if (resolved && forbiddenRange(resolved.address)) spellings.push(`http://${machine}:${port}/`);
    else console.warn(`${machine} does not resolve to a local address here; the resolver path is not exercised`);
    for (const url of spellings) {
      const error = await refusal(guardedFetch(url, { policy: strict, headers: { authorization: 'Bearer page-token' } }));
      expect(error.reason, url).toBe('address');
      expect(error.refused).toBe(true);
    }
    expect(target.seen).toEqual([]);
  });

  it('names every special range, IPv4 inside IPv6 included, and lets ordinary public addresses through', () => {
    const refused: Record<string, string> = {
      '10.1.2.3': 'private', '172.16.0.1': 'private', '192.168.1.1': 'private', '100.64.0.1': 'carrierGradeNat',
      '169.254.169.254': 'linkLocal', '224.0.0.1': 'multicast', '255.255.255.255': 'broadcast', '240.0.0.1': 'reserved',
      '0.0.0.0': 'unspecified', '::1': 'loopback', 'fe80::1': 'linkLocal', 'fd00::1': 'uniqueLocal', 'ff02::1': 'multicast',
      '::ffff:10.0.0.1': 'private', '::ffff:a9fe:a9fe': 'linkLocal', '64:ff9b::a00:1': 'rfc6052', '2002:a00:1::': '6to4',
    };
    for (const [address, range] of Object.entries(refused)) expect(forbiddenRange(address), address).toBe(range);
    for (const address of ['93.184.216.34', '157.240.1.35', '2a03:2880:f10c:83:face:b00c:0:25de', '::ffff:8.8.8.8']) expect(forbiddenRange(address), address).toBeNull();
    // Private literals are judged before any socket is opened (nothing is sent to them here).
    for (const url of ['http://10.0.0.1/', 'http://0xa.1/', 'http://167772161/', 'http://[::ffff:10.0.0.1]/', 'http://169.254.169.254/latest/meta-data', 'http://100.64.0.1/', 'http://[fd00::1]/']) {
      expect(() => checkOutboundUrl(url, { policy: strict }), url).toThrow(/Refused/);
    }
  });

  it('fetches only http(s), and only https in production', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'ftp://example.com/', 'data:text/plain,hi', 'not a url']) {
      expect((await refusal(guardedFetch(url, { policy: sandboxed }))).reason, url).toBe('scheme');
    }
    expect((await refusal(guardedFetch('http://example.com/', { policy: { allowPrivate: false, requireHttps: true } }))).reason).toBe('scheme');
    expect(policyFromEnv({ NODE_ENV: 'production' })).toEqual({ allowPrivate: false, requireHttps: true });
    expect(policyFromEnv({ NODE_ENV: 'production', RELAIS_ALLOW_PRIVATE_API_BASE: '1' })).toEqual({ allowPrivate: true, requireHttps: false });
    expect(policyFromEnv({})).toEqual({ allowPrivate: false, requireHttps: false });
    expect(policyFromEnv({ RELAIS_ALLOW_PRIVATE_API_BASE: '0' })).toEqual({ allowPrivate: false, requireHttps: false });
  });

  it('with private bases allowed (the sandbox), answers come back, redirects are not followed and credentials stay on their origin', async () => {
    const origin = `http://127.0.0.1:${target.port}`;
    const ok = await guardedFetch(`${origin}/v1/me`, { policy: sandboxed, credentialOrigin: origin });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });

    const redirected = await guardedFetch(`${origin}/redirect`, { policy: sandboxed, credentialOrigin: origin, headers: { authorization: 'Bearer page-token' } });
    expect(redirected.status).toBe(302);
    // The `Link` a platform answers is followed only on the credentials' own origin.
    const next = ok.headers.get('link')!.match(/<([^>]+)>/)![1]!;
    expect((await refusal(guardedFetch(next, { policy: sandboxed, credentialOrigin: origin }))).reason).toBe('origin');
    expect(elsewhere.seen).toEqual([]);
  });

  it('a closed port, a silent server and an oversized answer are typed failures', async () => {
    const closed = await listen(() => {});
    closed.server.close();
    const unreachable = await refusal(guardedFetch(`http://127.0.0.1:${closed.port}/`, { policy: sandboxed }));
    expect(unreachable.reason).toBe('unreachable');
    expect(unreachable.refused).toBe(false);

    const silent = await listen(() => {});
    const slow = await refusal(guardedFetch(`http://127.0.0.1:${silent.port}/`, { policy: sandboxed, timeoutMs: 200 }));
    expect([slow.reason, slow.maybeSent]).toEqual(['timeout', true]);
    silent.server.closeAllConnections();
    silent.server.close();

    expect((await refusal(guardedFetch(`http://127.0.0.1:${target.port}/`, { policy: sandboxed, maxResponseBytes: 4 }))).reason).toBe('too_large');
  });
});
