import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel } from '../channels/index.ts';
import { createApiToken, createDatabaseThrottle, setupFirstOwner, type AccountsDeps } from '../accounts/index.ts';
import { createSealer, loadConfig, systemClock } from '../kernel/index.ts';
import { openStore } from '../store/index.ts';
import { waitFor } from '../jobs/testing.ts';
import { freePort, spawnRelais } from '../http/testing.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'relais-reply-crash-'));
const SECRET = 'reply-crash-meta-secret';
const PAGE = '1000000000000888';
const TOKEN = 'PAGE_TOKEN_888_abcdef';
// A short lease keeps the test quick; the default is 30 s (docs/adr/0012).
const LEASE_SECONDS = 2;
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', RELAIS_META_APP_SECRET: SECRET, HOST: '127.0.0.1', RELAIS_JOB_LEASE_SECONDS: String(LEASE_SECONDS) } as Record<string, string>;
delete env.DATABASE_URL;

// The worst moment to die: the agent's reply got its 201, the sender called the platform,
// the platform acted, and the answer never came back before `kill -9`.
describe('a reply posted just before kill -9', () => {
  const children: ChildProcess[] = [];
  let sandbox: Sandbox | undefined;
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes out once, within seconds of the restart', async () => {
    // Set up in this process (the CLI's setup and token commands would cost two more starts).
    const config = loadConfig(env);
    const store = openStore(config.database);
    await store.migrate();
    const accounts: AccountsDeps = { db: store.db, clock: systemClock, throttle: createDatabaseThrottle({ db: store.db, clock: systemClock }), settings: { publicUrl: config.publicUrl, session: config.session, signIn: config.signIn } };
    const { workspaceId } = await setupFirstOwner(accounts, { workspaceName: 'Boutique', name: 'Léa', email: 'lea@example.com', password: 'correct horse battery', locale: 'fr' });
    const token = (await createApiToken(accounts, null, { workspaceId, name: 'test', role: 'admin' })).secret;
    const port = await freePort();
    sandbox = await startSandbox({ relaisUrl: `http://127.0.0.1:${port}`, meta: { appSecret: SECRET, retrySchedule: [0, 500, 1000] } });
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: TOKEN });
    sandbox.meta.addUser({ id: '6100', name: 'Camille Martin' });
    await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(config.secretKey) }, {
      workspaceId, kind: 'meta', name: 'Maison Lune', externalId: PAGE, accountIds: [PAGE], apiBase: sandbox.meta.graphUrl, credentials: { pageToken: TOKEN },
    });
    const api = (relaisPort: number, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${relaisPort}${path}`, {
      ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });

    const first = await spawnRelais('start', env, port);
    children.push(first);
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Où est ma commande ?' });
    let conversationId = '';
    await waitFor(async () => {
      const body = (await (await api(port, '/api/v1/conversations')).json()) as { conversations: { id: string }[] };
      conversationId = body.conversations[0]?.id ?? '';
      return conversationId !== '';
    }, 15_000, 'the customer message to arrive');

    sandbox.meta.failNext({ path: '/messages', actThenHang: true });
    const posted = await api(port, `/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST', headers: { 'idempotency-key': 'reply-crash-1' }, body: JSON.stringify({ text: 'Elle part demain 📦', visibility: 'private' }),
    });
    expect(posted.status).toBe(201);
    await waitFor(() => sandbox!.meta.sent.length === 1, 15_000, 'the platform to act on the send');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const restartedAt = Date.now();
    const restartedPort = await freePort();
    children.push(await spawnRelais('start', env, restartedPort));
    await waitFor(async () => {
      const row = await store.db.selectFrom('outbound').select('state').where('conversation_id', '=', conversationId).executeTakeFirst();
      return row?.state === 'sent';
    }, 60_000, 'the reply to be recorded as sent after the restart');
    const recoveredMs = Date.now() - restartedAt;
    console.log(`[reply crash] lease ${LEASE_SECONDS} s: the reply was sent once and recorded ${recoveredMs} ms after the restart`);
    expect(recoveredMs).toBeLessThan(60_000);
    expect(sandbox.meta.sent.map((message) => message.text)).toEqual(['Elle part demain 📦']);
    await store.close();
  }, 120_000);
});
