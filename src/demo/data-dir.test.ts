import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPlaces, namedDemoDir } from './data-dir.ts';

const bin = fileURLToPath(new URL('../../bin/relais.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'relais-demo-dir-'));

/** A folder holding something the user cares about, plus (for the worst case) the demo's own marker. */
function precious(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'relais.sqlite'), 'precious');
  writeFileSync(join(dir, '.relais-demo'), 'an older demo run');
  return dir;
}

describe('relais demo: the data folder and the simulator port', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads --data-dir and --sandbox-port, then RELAIS_DATA_DIR and RELAIS_SANDBOX_PORT', () => {
    expect(demoPlaces({}, {})).toEqual({ dataDir: undefined, sandboxPort: 0 });
    expect(demoPlaces({}, { RELAIS_DATA_DIR: '/srv/demo', RELAIS_SANDBOX_PORT: '4010' })).toEqual({ dataDir: '/srv/demo', sandboxPort: 4010 });
    expect(demoPlaces({ 'data-dir': './mine', 'sandbox-port': '4020' }, { RELAIS_DATA_DIR: '/srv/demo', RELAIS_SANDBOX_PORT: '4010' })).toEqual({ dataDir: './mine', sandboxPort: 4020 });
    expect(() => demoPlaces({ 'sandbox-port': 'quatre' }, {})).toThrow(/port number/);
  });

  it('never wipes a named folder, even one an older demo made', () => {
    const dir = precious('named');
    expect(() => namedDemoDir(dir)).toThrow(/never wipes a folder you name/);
    expect(readdirSync(dir).sort()).toEqual(['.relais-demo', 'relais.sqlite']);
    const fresh = join(root, 'new-one');
    expect(namedDemoDir(fresh)).toBe(fresh);
    expect(readdirSync(fresh)).toEqual([]);
  });

  for (const how of ['--data-dir', 'RELAIS_DATA_DIR'] as const) {
    it(`\`relais demo\` with ${how} pointing at a folder with a file leaves the file there`, () => {
      const dir = precious(`cli-${how}`);
      const env = { ...process.env, LOG_LEVEL: 'warn', ...(how === 'RELAIS_DATA_DIR' ? { RELAIS_DATA_DIR: dir } : {}) } as Record<string, string>;
      delete env.DATABASE_URL;
      const args = [bin, 'demo', '--port', '0', ...(how === '--data-dir' ? ['--data-dir', dir] : [])];
      const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('never wipes a folder you name');
      expect(readFileSync(join(dir, 'relais.sqlite'), 'utf8')).toBe('precious');
    });
  }
});
