import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from './store/index.ts';

const bin = fileURLToPath(new URL('../bin/relais.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'relais-cli-webchat-'));
const env = { ...process.env, RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as Record<string, string>;
delete env.DATABASE_URL;
const relais = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });

describe('relais channel add webchat', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the id of a new site chat that allows the shop origin, and refuses a bad origin', async () => {
    expect(relais('setup', '--workspace', 'Boutique Léa', '--email', 'lea@boutique-lea.fr', '--password', 'correct horse battery').status).toBe(0);
    const added = relais('channel', 'add', 'webchat', '--workspace', 'Boutique Léa', '--allowed-origin', 'https://boutique-lea.example/');
    expect(added.stderr).toBe('');
    const id = added.stdout.trim();
    expect(id).toMatch(/^[0-9a-z]{26}$/);

    const store = openStore({ kind: 'sqlite', file: join(dataDir, 'relais.sqlite') });
    try {
      const row = await store.db.selectFrom('channels').select(['kind', 'settings', 'secrets']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.kind).toBe('webchat');
      expect(JSON.parse(row.settings).allowedOrigins).toEqual(['https://boutique-lea.example']);
      expect(row.secrets).toMatch(/^v1\./);
    } finally {
      await store.close();
    }

    const bad = relais('channel', 'add', 'webchat', '--workspace', 'Boutique Léa', '--allowed-origin', 'javascript:alert(1)');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('allowedOrigins');
  }, 120_000); // three CLI processes, each loading the whole app through tsx
});
