/**
 * Scale mode as an operator runs it: real `relais serve` and `relais worker` child processes
 * on one PostgreSQL database and one Redis (a private `redis-server`, so tests may stop it),
 * each on a free port. Agents are real HTTP and WebSocket clients.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { addChannel } from '../../src/channels/index.ts';
import { meta, signedMetaRequest } from '../../src/channels/testing.ts';
import { createSealer, systemClock } from '../../src/kernel/index.ts';
import { openStore } from '../../src/store/index.ts';
import { createTestStore, type TestStore } from '../../src/store/testing.ts';
import { freePort, startPrivateRedis, type PrivateRedis } from '../../src/realtime/testing.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
export const META_SECRET = 'scale-meta-secret';
export const PAGE = '1000000000000909';
export const OWNER = { email: 'lea@maison-lune.fr', password: 'correct horse battery' };

export interface RelaisProcess {
  role: 'serve' | 'worker' | 'start';
  url: string;
  child: ChildProcess;
  /** SIGKILL, as a crashed machine: nothing is flushed, nothing is closed. */
  kill(): Promise<void>;
}

export interface Cluster {
  /** The database the processes share (SQLite in the data dir when embedded). */
  store: Pick<TestStore, 'db' | 'url' | 'drop'>;
  /** The private Redis; absent when embedded. */
  redis: PrivateRedis;
  env: Record<string, string>;
  workspaceId: string;
  /** `publicUrl`: the address users reach it by (a balancer's), when not its own. */
  serve(options?: { publicUrl?: string }): Promise<RelaisProcess>;
  worker(): Promise<RelaisProcess>;
  /** `relais start`: HTTP, realtime and jobs in one process (the embedded mode). */
  start(): Promise<RelaisProcess>;
  webhook(url: string, mid: string, text?: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts nothing but the dependencies and the data: processes are started by the suite.
 * `embedded` leaves PostgreSQL and Redis out (SQLite in the data dir), for comparisons.
 */
export async function createCluster(extraEnv: Record<string, string> = {}, options: { embedded?: boolean } = {}): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-scale-'));
  const postgres = options.embedded ? undefined : await createTestStore('postgres');
  const redis = options.embedded ? undefined : await startPrivateRedis();
  const secretKey = randomBytes(32).toString('base64url');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...(postgres && redis ? { DATABASE_URL: postgres.url!, REDIS_URL: redis.url } : {}),
    RELAIS_SECRET_KEY: secretKey, RELAIS_DATA_DIR: dataDir,
    RELAIS_META_APP_SECRET: META_SECRET, HOST: '127.0.0.1', LOG_LEVEL: 'warn', RELAIS_JOB_POLL_SECONDS: '0.5',
    ...extraEnv,
  };
  if (options.embedded) {
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
  }
  const setup = spawnSync(process.execPath, [bin, 'setup', '--workspace', 'Maison Lune', '--email', OWNER.email, '--password', OWNER.password, '--name', 'Léa'], { env, encoding: 'utf8', timeout: 60_000 });
  if (setup.status !== 0) throw new Error(`relais setup failed: ${setup.stderr}`);
  const sqlite = postgres ? undefined : openStore({ kind: 'sqlite', file: join(dataDir, 'relais.sqlite') });
  const store: Cluster['store'] = postgres ?? { db: sqlite!.db, url: undefined, drop: () => sqlite!.close() };
  const workspace = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  await addChannel({ db: store.db, clock: systemClock, sealer: createSealer(secretKey) }, {
    workspaceId: workspace.id, kind: 'meta', name: 'Maison Lune', externalId: PAGE, accountIds: [PAGE], apiBase: 'http://127.0.0.1:9', credentials: { pageToken: 'page-token' },
  });
  const processes: RelaisProcess[] = [];

  const start = async (role: 'serve' | 'worker' | 'start', publicUrl?: string): Promise<RelaisProcess> => {
    const port = role === 'worker' ? 0 : await freePort();
    const url = role === 'worker' ? '' : `http://127.0.0.1:${port}`;
    // A worker says nothing at `warn`; at `info` it logs "Relais is running" once its queue started.
    const child = spawn(process.execPath, [bin, role], {
      env: { ...env, PORT: String(port), ...(url ? { RELAIS_PUBLIC_URL: publicUrl ?? url } : { LOG_LEVEL: 'info' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`relais ${role} did not start in 60 s: ${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Relais is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.once('exit', (code) => reject(new Error(`relais ${role} exited with ${code}: ${output}`)));
    });
    child.stdout!.resume();
    child.stderr!.resume();
    const running: RelaisProcess = {
      role, url, child,
      async kill() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        });
      },
    };
    processes.push(running);
    return running;
  };

  return {
    store, redis: redis!, env, workspaceId: workspace.id,
    serve: (options) => start('serve', options?.publicUrl),
    start: () => start('start'),
    worker: () => start('worker'),
    webhook(url, mid, text = `Bonjour ${mid}`) {
      const { body, headers } = signedMetaRequest(meta.page(meta.message(PAGE, { psid: `psid-${mid}`, mid, text, at: Date.now() })), META_SECRET);
      return fetch(`${url}/hooks/meta`, { method: 'POST', body, headers });
    },
    async close() {
      await Promise.all(processes.map((running) => running.kill()));
      await redis?.stop();
      await store.drop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser as far as HTTP goes: its cookies and the CSRF token to echo. */
export interface Agent {
  cookie: string;
  csrf: string;
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]!);
const csrfOf = (cookies: string[]) => cookies.find((pair) => pair.startsWith('relais_csrf='))?.split('=')[1] ?? '';

/** A fresh browser: the CSRF cookie the console gets from `/api/v1/session` before any form. */
async function freshBrowser(url: string): Promise<Agent> {
  const cookies = cookiesOf(await fetch(`${url}/api/v1/session`));
  return { cookie: cookies.join('; '), csrf: csrfOf(cookies) };
}

export async function signIn(url: string, email: string, password: string): Promise<Agent> {
  const browser = await freshBrowser(url);
  const response = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookie, 'x-csrf-token': browser.csrf, origin: url }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = cookiesOf(response);
  return { cookie: cookies.join('; '), csrf: csrfOf(cookies) };
}

/** Invites `email` as an agent and signs them in (on any instance). */
export async function addAgent(url: string, owner: Agent, email: string, name: string): Promise<Agent> {
  const headers = { 'content-type': 'application/json', cookie: owner.cookie, 'x-csrf-token': owner.csrf, origin: url };
  const invite = await fetch(`${url}/api/v1/invitations`, { method: 'POST', headers, body: JSON.stringify({ email, role: 'agent' }) });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${await invite.text()}`);
  const token = String(((await invite.json()) as { url: string }).url).split('/invite/')[1];
  const browser = await freshBrowser(url);
  const accepted = await fetch(`${url}/api/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookie, 'x-csrf-token': browser.csrf, origin: url }, body: JSON.stringify({ token, name, password: 'another good password' }) });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
  return signIn(url, email, 'another good password');
}

export interface RealtimeEvent {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  /** When this client received it (ms). */
  receivedAt: number;
}

/**
 * The console's realtime line: one socket at a time, `resume` with the last sequence after a
 * reconnect (to whichever instance `urls` names next), every event kept with its arrival time.
 */
export class RealtimeClient {
  readonly events: RealtimeEvent[] = [];
  readonly signals: Record<string, unknown>[] = [];
  reloads = 0;
  connects = 0;
  private socket: WebSocket | undefined;
  private epoch: string | undefined;
  private lastSeq = 0;

  constructor(private readonly agent: Agent) {}

  /** Opens the line on `url` and resolves after its `hello`. */
  connect(url: string): Promise<void> {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/realtime`, { headers: { cookie: this.agent.cookie, origin: url } });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString('utf8')) as { type: string; epoch?: string; seq?: number; event?: { seq: number; type: string; data: Record<string, unknown> } };
        if (message.type === 'hello') {
          this.connects++;
          const resuming = this.epoch !== undefined;
          // A fresh line starts at the hello's sequence and says so, which opens the live stream at once.
          if (!resuming) this.lastSeq = message.seq ?? 0;
          socket.send(JSON.stringify({ type: 'resume', epoch: resuming ? this.epoch : message.epoch, seq: this.lastSeq }));
          this.epoch = message.epoch;
          resolve();
        } else if (message.type === 'event' && message.event) {
          const { seq, type, data } = message.event;
          this.events.push({ seq, type, data, receivedAt: Date.now() });
          this.lastSeq = Math.max(this.lastSeq, seq);
        } else if (message.type === 'reload') {
          this.reloads++;
        } else {
          this.signals.push(message as Record<string, unknown>);
        }
      });
    });
  }

  /** Resolves when the socket closes (the instance died, or `close`). */
  closed(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => socket.once('close', () => resolve()));
  }

  send(message: unknown): void {
    this.socket?.send(JSON.stringify(message));
  }

  close(): void {
    this.socket?.close();
  }

  /** Message ids of the `message.created` events heard, in order. */
  messagesCreated(): string[] {
    return this.events.filter((event) => event.type === 'message.created').map((event) => String(event.data.messageId));
  }
}

/**
 * A load balancer as simple as a TCP one: each new connection goes to the first instance that
 * accepts it, in the order given, so once A is dead every new connection lands on B. No
 * stickiness, nothing rewritten: the browser only ever sees the balancer's address.
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(targets: () => string[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryNext = (remaining: string[]) => {
      const target = remaining[0];
      if (!target) return client.destroy();
      const { hostname, port } = new URL(target);
      const upstream = connect(Number(port), hostname);
      let connected = false;
      upstream.once('error', () => {
        if (!connected) tryNext(remaining.slice(1));
      });
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.once('close', () => { open.delete(upstream); client.destroy(); });
        client.once('close', () => upstream.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryNext(targets());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
