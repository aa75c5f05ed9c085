import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxCli } from './cli.ts';
import { startFakeRelais, type FakeRelais } from './testing.ts';

let relais: FakeRelais;
beforeAll(async () => { relais = await startFakeRelais({ verifyToken: 'cli-token' }); });
afterAll(async () => { await relais.close(); });

const control = async (url: string, name: string, body: unknown) => {
  const res = await fetch(`${url}/_sandbox/meta/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};

describe('relais sandbox', () => {
  it('starts a seeded sandbox, prints its ids, obeys the control API and stops when told', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const running = runSandboxCli(
      ['--port', '0', '--relais', relais.url, '--meta-app-secret', 'cli-secret', '--meta-verify-token', 'cli-token'],
      { print: (line) => lines.push(line), signal: stop.signal },
    );
    for (let waited = 0; lines.length === 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const url = /running at (\S+)/.exec(lines[0] ?? '')![1]!;
    const printed = lines.join('\n');
    expect(printed).toContain(`${url}/v19.0`);
    expect(printed).toContain(`${relais.url}/hooks/meta`);
    const postId = /Post\s+(\S+)/.exec(printed)![1]!;
    const pageToken = /token (EAA\S+)/.exec(printed)![1]!;
    const customer = /Camille Martin (\d+)/.exec(printed)![1]!;

    expect((await control(url, 'verifyCallback', {})).body).toMatchObject({ ok: true });
    const comment = await control(url, 'comment', { postId, from: customer, message: 'Livrez-vous en Belgique ?', delivery: { duplicate: 2 } });
    expect(comment.status).toBe(200);
    expect(comment.body).toMatchObject({ postId, status: 200, commentId: expect.any(String) });
    const posts = relais.received.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', 'cli-secret').update(posts[0]!.raw).digest('hex')}`);

    const batch = await control(url, 'batch', { events: [
      { action: 'comment', input: { postId, from: customer, message: 'un' } },
      { action: 'messengerMessage', input: { pageId: postId.split('_')[0], psid: customer, text: 'deux' } },
    ] });
    expect(batch.body.payloads).toHaveLength(1);

    const bad = await control(url, 'comment', { postId: 'nope', from: customer, message: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/post/);
    expect((await control(url, 'failNext', { pathPattern: '^/me$', status: 503 })).status).toBe(200);
    expect((await fetch(`${url}/v19.0/me?access_token=${pageToken}`)).status).toBe(503);

    const log = await (await fetch(`${url}/_sandbox/meta/log`)).json();
    expect(log.deliveries).toHaveLength(3);
    expect(log.calls).toMatchObject([{ method: 'GET', path: '/me', status: 503 }]);

    stop.abort();
    await running;
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port that is not one', async () => {
    await expect(runSandboxCli(['--port', 'abc'])).rejects.toThrow(/--port/);
  });
});
