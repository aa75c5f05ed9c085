import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { createSealer, systemClock } from '../kernel/index.ts';
import { openStore } from '../store/index.ts';
import { waitFor } from '../jobs/testing.ts';
import { freePort, spawnRelais } from '../http/testing.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-publish-crash-'));
const ACCOUNT = '1480000000000000777';
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' } as Record<string, string>;
delete env.DATABASE_URL;

// The worst moment: X has made the post, and the process dies before it hears so or records
// it. After a restart the version is looked up on X before any retry: one post, recorded.
describe('kill -9 at publish time', () => {
  const children: ChildProcess[] = [];
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves exactly one post on the platform after a restart', async () => {
    sandbox = await startSandbox();
    sandbox.x.addAccount({ id: ACCOUNT, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'X_CRASH_TOKEN' });
    expect(spawnSync(process.execPath, [bin, 'setup', '--workspace', 'Boutique', '--email', 'lea@example.com', '--password', 'correct horse battery'], { env, encoding: 'utf8' }).status).toBe(0);
    const store = openStore({ kind: 'sqlite', file: join(dataDir, 'relais.sqlite') });
    const workspace = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const channelId = await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim()) }, {
      workspaceId: workspace.id, kind: 'x', name: '@maisonlune', externalId: ACCOUNT, accountIds: [ACCOUNT], apiBase: sandbox.url,
      credentials: { accessToken: 'X_CRASH_TOKEN' }, settings: { accountId: ACCOUNT, screenName: 'maisonlune', requestTimeoutMs: 1500 },
    });
    const token = spawnSync(process.execPath, [bin, 'token', 'create', '--workspace', 'Boutique', '--name', 'test'], { env, encoding: 'utf8' }).stdout.trim();
    const version = () => store.db.selectFrom('pub_versions').select(['status', 'platform_id', 'attempts']).executeTakeFirstOrThrow();

    // X acts on the post, then never answers.
    sandbox.x.failNext({ method: 'POST', path: '/2/tweets', actThenHang: true });
    const port = await freePort();
    const first = await spawnRelais('start', env, port);
    children.push(first);
    const api = (base: number, method: string, path: string, body?: unknown) => fetch(`http://127.0.0.1:${base}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const created = await api(port, 'POST', '/api/v1/posts', { versions: [{ network: 'x', channelId, text: 'Vente privée ce soir, 20 h 🌙' }] });
    expect(created.status).toBe(201);
    const postId = ((await created.json()) as { id: string }).id;
    expect((await api(port, 'POST', `/api/v1/posts/${postId}/schedule`, {})).status).toBe(200);

    await waitFor(() => sandbox!.x.tweets.length === 1, 15_000, 'X to make the post');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(await version()).toMatchObject({ status: 'publishing', platform_id: null });

    // Its lease (twice the call's time-out, plus a second) must run out before another worker may look.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const restarted = await freePort();
    children.push(await spawnRelais('start', env, restarted));
    // The restarted worker gets it from the sweep's next slot (each minute, once across processes) or the job's lease.
    await waitFor(async () => (await version()).status === 'published', 75_000, 'the post to be recorded after the restart');
    expect(sandbox.x.tweets).toHaveLength(1);
    expect(await version()).toMatchObject({ status: 'published', platform_id: sandbox.x.tweets[0]!.id, attempts: 2 });
    const lookups = sandbox.x.calls.filter((c) => c.method === 'GET' && c.path === `/2/users/${ACCOUNT}/tweets`);
    expect(lookups).toHaveLength(1);
    expect(sandbox.x.calls.filter((c) => c.method === 'POST' && c.path === '/2/tweets')).toHaveLength(1);
    await store.close();
  }, 120_000);
});
