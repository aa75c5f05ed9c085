/**
 * A real Relais for the journeys: in-process, SQLite in a temp data dir, serving a console
 * freshly built from the current sources (into a temp dir, so web/console/dist is untouched).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createRelais, type Relais } from '../src/main.ts';
import { loadConfig } from '../src/kernel/index.ts';
import { freePort } from '../src/realtime/testing.ts';

export interface RunningRelais {
  url: string;
  /** The Relais inside, for journeys that need to reach past HTTP (a channel, the clock). */
  relais: Relais;
  close(): Promise<void>;
}

const viteConfig = fileURLToPath(new URL('../web/console/vite.config.ts', import.meta.url));

/** `env` adds settings such as RELAIS_META_APP_SECRET (the sandbox's). */
export async function startRelais(options: { env?: Record<string, string> } = {}): Promise<RunningRelais> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-e2e-data-'));
  const consoleDir = mkdtempSync(join(tmpdir(), 'relais-e2e-console-'));
  await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir: consoleDir, emptyOutDir: true } });
  // The port is chosen up front because invitation links are built from RELAIS_PUBLIC_URL,
  // which must name the real port (PORT=0 would yield http://localhost:0/invite/…).
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', RELAIS_PUBLIC_URL: url, ...options.env });
  const relais = await createRelais(config, { consoleDir });
  const listening = await relais.listen();
  return {
    url: listening,
    relais,
    async close() {
      await relais.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}
