import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addChannel } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { createSealer, loadConfig, systemClock } from '../kernel/index.ts';
import { openStore } from '../store/index.ts';
import { waitFor } from '../jobs/testing.ts';
import { freePort, spawnRelais } from '../http/testing.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'relais-intake-crash-'));
const SECRET = 'intake-crash-meta-secret';
const PAGE = '1000000000000555';
const ROUNDS = 5;
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', RELAIS_META_APP_SECRET: SECRET, HOST: '127.0.0.1' } as Record<string, string>;
delete env.DATABASE_URL;

// Group commit acknowledges a delivery only once the batch holding it is committed. Five
// times, `relais start` (HTTP thread + processing thread) is killed with -9 in the middle of
// a burst of concurrent webhooks, each sent twice as platforms retry; every acknowledged
// delivery must be on disk at once, and after a restart be exactly one message.
describe('kill -9 during a burst of webhooks', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged delivery, once', async () => {
    const config = loadConfig(env);
    const setup = openStore(config.database);
    await setup.migrate();
    const now = Date.now();
    await setup.db.insertInto('workspaces').values({ id: 'ws_crash', name: 'Boutique', locale: 'fr', timezone: 'Europe/Paris', created_at: now }).execute();
    const channelId = await addChannel({ db: setup.db, clock: systemClock, sealer: createSealer(config.secretKey) }, {
      workspaceId: 'ws_crash', kind: 'meta', name: 'Page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' },
    });
    await setup.close();

    const acknowledged = new Set<string>();
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const relais = await spawnRelais('start', env, port);
      children.push(relais);
      const exited = new Promise((resolve) => relais.once('exit', resolve));
      const ackedThisRound: string[] = [];
      let next = 0;
      let stop = false;
      const send = async ({ body, headers }: { body: string; headers: Record<string, string> }) => {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/hooks/meta`, { method: 'POST', body, headers });
          if (response.status === 200) return true;
          refused++;
        } catch {
          // Cut by the kill: not acknowledged, so the platform would send it again.
        }
        return false;
      };
      const burst = Array.from({ length: 24 }, async () => {
        while (!stop) {
          const mid = `m_crash_${round}_${next++}`;
          // The retry may come while the first send is still open, as with a platform timeout.
          const delivery = signedMetaRequest(meta.page(meta.message(PAGE, { psid: `${round}-${next % 7}`, mid, text: `Rafale ${mid}`, at: Date.now() })), SECRET);
          const [first, retry] = await Promise.all([send(delivery), send(delivery)]);
          if (first || retry) ackedThisRound.push(mid);
        }
      });
      // Kill once the burst is well under way: the process is writing and processing.
      await waitFor(async () => ackedThisRound.length >= 40 + round * 10, 20_000, 'the burst to be acknowledged');
      relais.kill('SIGKILL');
      stop = true;
      await Promise.all(burst);
      await exited;

      // Acknowledged means on disk: every one is stored before anything restarts.
      const store = openStore(config.database);
      const bodies = await store.db.selectFrom('inbound_events').select('body').execute();
      const stored = new Set(bodies.map((row) => /"mid":"([^"]+)"/.exec(row.body)?.[1]));
      expect(ackedThisRound.filter((mid) => !stored.has(mid))).toEqual([]);
      // A delivery and its retry are one row, however the crash fell.
      expect(bodies.length).toBe(stored.size);
      await store.close();
      for (const mid of ackedThisRound) acknowledged.add(mid);
    }
    expect(refused).toBe(0);

    // Back up once more: everything acknowledged is processed into exactly one message.
    const port = await freePort();
    children.push(await spawnRelais('start', env, port));
    const store = openStore(config.database);
    try {
      await waitFor(async () => {
        const waiting = await store.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'processed').executeTakeFirstOrThrow();
        return Number(waiting.n) === 0;
      }, 30_000, 'every stored delivery to be processed');
      const messages = await store.db.selectFrom('messages').select('external_id').where('workspace_id', '=', 'ws_crash').where('channel_id', '=', channelId).execute();
      const ids = messages.map((row) => row.external_id!);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...acknowledged].filter((mid) => !ids.includes(mid))).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 40);
    } finally {
      await store.close();
    }
    // Six starts of `relais start`: about 25 s on an idle 2-core machine, more when it is shared.
  }, 240_000);
});
