/**
 * Test support: a real Relais (real database, real HTTP stack through `inject`) and a
 * small cookie-keeping client that behaves like the console: it echoes the CSRF cookie.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig, manualClock } from '../kernel/index.ts';
import { createTestStore, type TestDialect } from '../store/testing.ts';
import { createRelais, type Relais } from '../main.ts';
import type { ChannelProvider } from '../channels/index.ts';

export interface TestRelais extends Relais {
  app: FastifyInstance;
  clock: ReturnType<typeof manualClock>;
  dispose(): Promise<void>;
}

export async function startTestRelais(dialect: TestDialect, env: Record<string, string> = {}, options: { providers?: ChannelProvider[]; consoleDir?: string } = {}): Promise<TestRelais> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-http-'));
  const database = dialect === 'postgres' ? await createTestStore('postgres') : undefined;
  // The test store only made the database; Relais opens and migrates its own connection.
  await database?.close();
  const config = loadConfig({
    RELAIS_DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PORT: '0', HOST: '127.0.0.1',
    RELAIS_PUBLIC_URL: 'http://relais.test',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
  const relais = await createRelais(config, { clock, consoleDir: join(dataDir, 'no-console'), ...options });
  appClocks.set(relais.app!, clock);
  return Object.assign(relais, {
    app: relais.app!,
    clock,
    async dispose() {
      await relais.close();
      await database?.drop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

// The test clock of each app a test started: cookie expiry is judged against the server's
// time, not the wall clock (a session made at the fixed test time has expired in real time).
const appClocks = new WeakMap<FastifyInstance, { now(): number }>();

/** A browser-like client: keeps cookies, sends the CSRF header on state changes. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance, readonly ip = '203.0.113.10') {}

  async request(method: string, url: string, payload?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && options.csrf !== false && this.cookies.has('relais_csrf')) headers['x-csrf-token'] = this.cookies.get('relais_csrf')!;
    // Like the console, every POST carries a fresh idempotency key unless the body names one.
    const bodyKey = typeof payload === 'object' && payload !== null && 'idempotencyKey' in payload;
    if (method === 'POST' && !bodyKey && !Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) headers['idempotency-key'] = `test-${randomUUID()}`;
    const response = await this.app.inject({
      method: method as 'GET', url, headers, remoteAddress: this.ip,
      ...(payload === undefined ? {} : typeof payload === 'string' ? { payload } : { payload: payload as object }),
    });
    const now = appClocks.get(this.app)?.now() ?? Date.now();
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() <= now) || cookie.maxAge === 0;
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = response.body;
    return { status: response.statusCode, body: text ? safeJson(text) : undefined, headers: response.headers };
  }

  get = (url: string, options?: { headers?: Record<string, string> }) => this.request('GET', url, undefined, options);
  post = (url: string, payload?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }) => this.request('POST', url, payload ?? {}, options);
  patch = (url: string, payload?: unknown) => this.request('PATCH', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Fetches the anonymous CSRF cookie, as the console does on load. */
  async open(): Promise<this> {
    await this.get('/api/v1/session');
    return this;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const ownerInput = { workspaceName: 'Boutique Léa', name: 'Léa Martin', email: 'lea@boutique-lea.fr', password: 'correct horse battery' };

/** Runs first-run setup and returns the signed-in owner's browser. */
export async function setUpOwner(app: FastifyInstance, input = ownerInput): Promise<Browser> {
  const owner = await new Browser(app).open();
  const reply = await owner.post('/api/v1/setup', input);
  if (reply.status !== 201) throw new Error(`setup failed: ${JSON.stringify(reply.body)}`);
  return owner;
}

/** Invites `email` with `role` as `inviter` and returns the new member's signed-in browser. */
export async function addMember(app: FastifyInstance, inviter: Browser, email: string, role: string, name = 'Karim'): Promise<Browser> {
  const invite = await inviter.post('/api/v1/invitations', { email, role });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = String(invite.body.url).split('/invite/')[1];
  const member = await new Browser(app, `198.51.100.${Math.floor(Math.random() * 200) + 1}`).open();
  const accepted = await member.post('/api/v1/invitations/accept', { token, name, password: 'another good password' });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return member;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const relaisBin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));

/** `relais serve|start` as a real process on `port`; resolves once it says it is running. */
export function spawnRelais(command: 'serve' | 'start', env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [relaisBin, command], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Relais is running at')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`relais ${command} exited with ${code}: ${output}`)));
  });
}
