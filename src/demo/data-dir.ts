import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MARKER = '.relais-demo';

/**
 * Empties the demo's data dir so every run starts from the same fresh shop. Only a dir the
 * demo made itself (it holds the marker) or an empty one is wiped: a mistyped
 * `--data-dir ./data` must never delete a real installation.
 */
export function freshDemoDir(dir: string): string {
  const path = resolve(dir);
  if (existsSync(path)) {
    const entries = readdirSync(path);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${path} is not empty and was not made by the demo (no ${MARKER} file): refusing to wipe it. Pick another --data-dir.`);
    }
    rmSync(path, { recursive: true, force: true });
  }
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, MARKER), 'Made by `relais demo`; wiped at each demo start.\n');
  return path;
}
