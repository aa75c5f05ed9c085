/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database created for
 * the suite and dropped after. PostgreSQL suites skip with a message when no server answers,
 * unless CI=true, where a missing server fails the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from './store.ts';

export const postgresAdminUrl = process.env.RELAIS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const requireServices = process.env.CI === 'true';

export interface TestStore extends Store {
  /** Connection string of the database, for drivers that open their own (pg-boss). */
  url: string | undefined;
  drop(): Promise<void>;
}

let postgresProbe: Promise<string | null> | undefined;

/** null when PostgreSQL answers; otherwise why it does not. */
export function postgresUnavailable(): Promise<string | null> {
  postgresProbe ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      const reason = `PostgreSQL is not reachable at ${postgresAdminUrl} (${(error as Error).message})`;
      if (requireServices) throw new Error(`${reason}; CI=true requires it`, { cause: error });
      console.warn(`${reason}: skipping the PostgreSQL suites. Set CI=true to require them.`);
      return reason;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresProbe;
}

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects a suite should run on, PostgreSQL only when it is reachable. */
export async function testDialects(): Promise<TestDialect[]> {
  return (await postgresUnavailable()) ? ['sqlite'] : ['sqlite', 'postgres'];
}

/** A migrated, empty store of the given dialect. */
export async function createTestStore(dialect: TestDialect): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relais-test-'));
    const store = openStore({ kind: 'sqlite', file: join(dir, 'relais.sqlite') });
    await store.migrate();
    return Object.assign(store, {
      url: undefined,
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() });
  await store.migrate();
  return Object.assign(store, {
    url: url.toString(),
    async drop() {
      await store.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface TcpProxy {
  port: number;
  /** Closes every connection and refuses new ones, as a server that restarts does. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `target` on a free port, for outage tests: cutting it is a PostgreSQL restart
 * as Relais sees it, without touching the shared server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const { createServer, connect } = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  let server: import('node:net').Server | undefined;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server!.address() as { port: number }).port;
      resolve();
    });
  });
  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await listen();
  return { get port() { return port; }, cut, restore: listen, close: cut };
}
