/**
 * `npm run bench:publishing [-- --only sqlite|postgres]`: the publishing calendar and post list
 * with 50,000 posts on each database, beside plain node:http measured in the same run. The
 * same rows are part of `npm run bench` (SQLite there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApiToken } from '../src/accounts/index.ts';
import { loadConfig } from '../src/kernel/index.ts';
import { createRelais } from '../src/main.ts';
import { postgresAdminUrl, postgresUnavailable } from '../src/store/testing.ts';
import { benchPublishing } from './publishing-calendar.ts';
import { plainNodeServer } from './plain-server.ts';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

async function run(dialect: 'sqlite' | 'postgres', plainUrl: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-pub-'));
  const name = `relais_bench_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = { RELAIS_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  if (dialect === 'postgres') {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  }
  const relais = await createRelais(loadConfig(env));
  try {
    const url = await relais.listen();
    await relais.store.db.insertInto('workspaces').values({ id: 'ws_bench', name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: Date.now() }).execute();
    const { secret } = await createApiToken(relais.accounts, null, { workspaceId: 'ws_bench', name: 'bench', role: 'admin' });
    console.log(`\n=== ${dialect} ===`);
    await benchPublishing(relais, url, plainUrl, secret, { analyze: dialect === 'postgres' });
  } finally {
    await relais.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const plain = await plainNodeServer();
if (only !== 'postgres') await run('sqlite', plain.url);
if (only !== 'sqlite') {
  const missing = await postgresUnavailable();
  if (missing) console.log(`PostgreSQL: not measured (${missing})`);
  else await run('postgres', plain.url);
}
await plain.close();
