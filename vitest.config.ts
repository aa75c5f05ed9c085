import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'deploy/**/*.test.ts', 'scripts/**/*.test.ts', 'sandbox/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts', 'web/console/src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Suites share one PostgreSQL server and a 2-core machine; each suite owns its database.
    pool: 'forks',
    maxWorkers: 2,
    // Every suite talks to the sandbox on 127.0.0.1, which the outbound guard refuses unless
    // the installation allows private API bases. The SSRF suites unset it for themselves.
    env: { RELAIS_ALLOW_PRIVATE_API_BASE: '1' },
  },
});
