import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChannel } from '../channels/index.ts';
import { meta, signedMetaRequest } from '../channels/testing.ts';
import { createSealer, loadConfig, systemClock } from '../kernel/index.ts';
import { createRelais, type Relais } from '../main.ts';
import { dropRedisPrefix, redisServerInstalled, startPrivateRedis, testRedisPrefix, type PrivateRedis } from '../realtime/testing.ts';
import pg from 'pg';
import { createTestStore, postgresAdminUrl, postgresUnavailable, type TestStore } from '../store/testing.ts';
import { setUpOwner } from './testing.ts';

// Scale mode with its dependencies failing under it: Redis stopped (a private redis-server),
// PostgreSQL "restarted" as Relais sees it: its database refuses connections and every
// session is terminated (57P01, what a restart sends), then it opens again. The shared server
// itself is never touched, and Relais is never restarted.
const ready = !(await postgresUnavailable()) && redisServerInstalled();
if (!ready) console.warn('outage suite skipped: it needs PostgreSQL and a redis-server binary');

const SECRET = 'outage-meta-secret';
const PAGE = '1000000000000555';

describe.runIf(ready)('outages in scale mode', () => {
  let store: TestStore;
  let redis: PrivateRedis;
  let relais: Relais;
  let base: string;
  const prefix = testRedisPrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-outage-'));

  beforeAll(async () => {
    store = await createTestStore('postgres');
    redis = await startPrivateRedis();
    relais = await createRelais(loadConfig({
      DATABASE_URL: store.url!, REDIS_URL: redis.url, RELAIS_REDIS_PREFIX: prefix, RELAIS_DATA_DIR: dataDir,
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RELAIS_META_APP_SECRET: SECRET,
    }), { role: 'serve', consoleDir: join(dataDir, 'no-console') });
    base = await relais.listen();
    await setUpOwner(relais.app!);
    const workspace = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(relais.config.secretKey) }, {
      workspaceId: workspace.id, kind: 'meta', name: 'Page', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'x' },
    });
  }, 60_000);
  afterAll(async () => {
    await relais?.close();
    await redis?.stop();
    await startDatabase().catch(() => {});
    await store?.drop();
    await dropRedisPrefix(prefix).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  const name = () => new URL(store.url!).pathname.slice(1);
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const stopDatabase = async () => {
    await admin(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name()}' AND pid <> pg_backend_pid()`);
  };
  const startDatabase = () => admin(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS true`);

  const webhook = (mid: string) => {
    const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE, { psid: '4242', mid, text: `Message ${mid}`, at: Date.now() })), SECRET);
    return fetch(`${base}/hooks/meta`, { method: 'POST', body, headers });
  };

  it('keeps taking webhooks while Redis is down, and says it is degraded, naming Redis', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    await redis.stop();
    expect((await webhook('m_redis_down')).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'degraded', missing: ['redis'] });
    await redis.start();
    await expect.poll(async () => (await (await fetch(`${base}/readyz`)).json()).status, { timeout: 5000 }).toBe('ready');
    // Acknowledged means stored, Redis or not: the database is the truth (workers process it;
    // this process is a `serve`, so no job worker races the database outage below).
    const stored = await store.db.selectFrom('inbound_events').select('id').where('body', 'like', '%m_redis_down%').execute();
    expect(stored).toHaveLength(1);
  });

  it('answers 503 at once while PostgreSQL is away, names it in /readyz, and recovers without a restart', async () => {
    await stopDatabase();
    const started = Date.now();
    const refused = await webhook('m_db_down');
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('service.unavailable');
    expect(Date.now() - started).toBeLessThan(5000);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await notReady.json()).error.fields).toEqual({ database: ['does not answer'] });
    await startDatabase();
    await expect.poll(async () => (await webhook('m_db_back')).status, { timeout: 10_000 }).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
