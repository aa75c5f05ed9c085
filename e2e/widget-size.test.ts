/**
 * The widget's size budget: shops load the loader on every page, and the chat app in its
 * frame. Both are built fresh from the sources (into a temp dir) and weighed gzipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOADER_BUDGET = 10 * 1024;
const APP_BUDGET = 60 * 1024;

describe('widget size budget', () => {
  let dir: string;
  const gz = (name: string) => gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-widget-'));
    const built = spawnSync(process.execPath, ['scripts/build-widget.mjs', dir], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`widget build failed: ${built.stderr}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the loader under 10 KB gzipped', () => {
    const size = gz('widget.js');
    console.log(`widget.js: ${size} bytes gzipped (budget ${LOADER_BUDGET})`);
    expect(size).toBeGreaterThan(200);
    expect(size).toBeLessThan(LOADER_BUDGET);
  });

  it('keeps the chat app (script and styles) under 60 KB gzipped', () => {
    const size = gz('app.js') + gz('app.css');
    console.log(`app.js + app.css: ${size} bytes gzipped (budget ${APP_BUDGET})`);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(APP_BUDGET);
  });
});
