/**
 * Test support for the Meta sandbox's own suites: one sandbox and one fake Relais per file,
 * reset and re-seeded with the demo shop before each test, closed after the file.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../start-sandbox.ts';
import { startFakeRelais, type FakeRelais } from '../testing.ts';
import type { MetaSandbox } from './meta-sandbox.ts';
import { seedMetaDemo, type MetaDemo } from './seed-demo.ts';

export interface MetaWorld {
  relais: FakeRelais;
  sandbox: Sandbox;
  meta: MetaSandbox;
  demo: MetaDemo;
}

/** Registers the hooks; `use` receives the fresh world before each test. */
export function useMetaSandbox(options: Omit<SandboxOptions, 'relaisUrl'>, use: (world: MetaWorld) => void): void {
  let relais: FakeRelais;
  let sandbox: Sandbox;
  beforeAll(async () => {
    relais = await startFakeRelais();
    sandbox = await startSandbox({ ...options, relaisUrl: relais.url });
  });
  beforeEach(() => {
    sandbox.meta.reset();
    relais.reset();
    use({ relais, sandbox, meta: sandbox.meta, demo: seedMetaDemo(sandbox.meta) });
  });
  afterAll(async () => {
    await sandbox.close();
    await relais.close();
  });
}
