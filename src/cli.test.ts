import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
delete env.DATABASE_URL;

const relais = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The commands an operator scripts, run as real processes on a real data dir.
describe('relais CLI', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up, creates a token, and the running server answers /me with it', async () => {
    const setup = relais('setup', '--workspace', 'Boutique Léa', '--email', 'lea@boutique-lea.fr', '--password', 'correct horse battery');
    expect(setup.stderr).toBe('');
    expect(setup.status).toBe(0);
    expect(setup.stdout).toContain('Boutique Léa');
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);

    const again = relais('setup', '--workspace', 'Autre', '--email', 'x@example.com', '--password', 'correct horse battery');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already set up');

    const invalid = relais('setup', '--workspace', 'X', '--email', 'not-an-email', '--password', 'short');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/--email/);
    expect(invalid.stderr).toMatch(/--password/);

    const token = relais('token', 'create', '--workspace', 'Boutique Léa', '--name', 'Zapier');
    expect(token.status).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^rls_[\w-]{40,}$/);
    expect(relais('token', 'create', '--workspace', 'Nope', '--name', 'x').stderr).toContain('No workspace "Nope"');

    const port = await freePort();
    server = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Relais is running at')) resolve();
      });
      server!.on('exit', (code) => reject(new Error(`relais start exited with ${code}: ${output}`)));
    });
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ workspace: { name: 'Boutique Léa' }, role: 'admin', via: 'token' });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  }, 90_000);

  it('migrates and explains itself', () => {
    const migrate = relais('migrate');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('up to date');
    const unknown = relais('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: relais');
  });
});
