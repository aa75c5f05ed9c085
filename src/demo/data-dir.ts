import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MARKER = '.relais-demo';

/** The folder `relais demo` resets at each start when the user names none. */
export const DEFAULT_DEMO_DIR = './data-demo';

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

/**
 * A folder the user named (`--data-dir` or `RELAIS_DATA_DIR`) is never wiped, not even one a
 * previous demo made: the demo needs it absent or empty and refuses otherwise, leaving every
 * file where it was.
 */
export function namedDemoDir(dir: string): string {
  const path = resolve(dir);
  if (existsSync(path) && readdirSync(path).length > 0) {
    throw new Error(`${path} is not empty, and the demo never wipes a folder you name: empty it yourself, or name an empty or new folder (without --data-dir and RELAIS_DATA_DIR, the demo resets ${DEFAULT_DEMO_DIR}).`);
  }
  mkdirSync(path, { recursive: true });
  return path;
}

export interface DemoPlaces {
  /** The folder the user named, or undefined for the default (reset at each start). */
  dataDir: string | undefined;
  /** The simulator's port; 0 picks a free one. */
  sandboxPort: number;
}

/**
 * The demo's folder and simulator port from its flags, then the environment
 * (`RELAIS_DATA_DIR`, `RELAIS_SANDBOX_PORT`), then the defaults.
 */
export function demoPlaces(flags: { 'data-dir'?: string; 'sandbox-port'?: string }, env: Record<string, string | undefined> = process.env): DemoPlaces {
  const dataDir = flags['data-dir'] || env.RELAIS_DATA_DIR || undefined;
  const rawPort = flags['sandbox-port'] ?? env.RELAIS_SANDBOX_PORT;
  const sandboxPort = rawPort === undefined || rawPort === '' ? 0 : Number(rawPort);
  if (!Number.isInteger(sandboxPort) || sandboxPort < 0 || sandboxPort > 65_535) {
    throw new Error(`--sandbox-port (or RELAIS_SANDBOX_PORT) must be a port number from 0 to 65535, not "${rawPort}"`);
  }
  return { dataDir, sandboxPort };
}
