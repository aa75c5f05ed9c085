import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, manualClock } from '../kernel/index.ts';
import { createRelais, type Relais } from '../main.ts';
import { addMember, Browser, ownerInput, setUpOwner, startTestRelais, type TestRelais } from '../http/testing.ts';
import { createTestStore, testDialects } from '../store/testing.ts';
import { passwordVerifications } from './index.ts';

const dialects = await testDialects();

// The throttle is counted before the password is checked and lives in the database: tried as
// an attacker would, with parallel requests and a restart in between.
describe.each(dialects)('sign-in throttle on %s', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-throttle-'));
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
  let database: Awaited<ReturnType<typeof createTestStore>> | undefined;
  let relais: Relais;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    database = dialect === 'postgres' ? await createTestStore('postgres') : undefined;
    await database?.close();
    config = loadConfig({
      RELAIS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', RELAIS_PUBLIC_URL: 'http://relais.test',
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
    });
    relais = await createRelais(config, { clock, consoleDir: join(dataDir, 'no-console') });
    await setUpOwner(relais.app!);
  });
  afterAll(async () => {
    await relais?.close();
    await database?.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  const attempt = async (app: Relais, ip: string, password: string) => {
    const browser = await new Browser(app.app!, ip).open();
    return browser.post('/api/v1/auth/sign-in', { email: ownerInput.email, password });
  };

  it('40 parallel wrong passwords for one email check at most 5, from one IP or from forty', async () => {
    const before = passwordVerifications();
    const oneIp = await Promise.all(Array.from({ length: 40 }, () => attempt(relais, '198.51.100.7', 'wrong password!')));
    expect(passwordVerifications() - before).toBeLessThanOrEqual(5);
    expect(oneIp.filter((reply) => reply.status === 401).length).toBeLessThanOrEqual(5);
    expect(oneIp.every((reply) => reply.status === 401 || reply.status === 429)).toBe(true);

    // A new window, and forty addresses: the per-email count holds on its own.
    clock.advance(16 * 60_000);
    const between = passwordVerifications();
    const manyIps = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(relais, `198.51.100.${i + 20}`, 'wrong password!')));
    const checked = passwordVerifications() - between;
    expect(checked).toBeLessThanOrEqual(5);
    expect(manyIps.filter((reply) => reply.status === 401).length).toBe(checked);
    expect(manyIps.filter((reply) => reply.status === 429).length).toBe(40 - checked);
    console.log(`[throttle ${dialect}] 40 parallel wrong passwords: ${checked} checked, ${40 - checked} refused before any check`);
  });

  it('still holds after a restart on the same database, and lets the owner in once the window has passed', async () => {
    await relais.close();
    relais = await createRelais(config, { clock, consoleDir: join(dataDir, 'no-console') });
    const before = passwordVerifications();
    const blocked = await attempt(relais, '198.51.100.200', ownerInput.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('auth.throttled');
    expect(passwordVerifications()).toBe(before);
    clock.advance(16 * 60_000);
    expect((await attempt(relais, '198.51.100.201', ownerInput.password)).status).toBe(200);
  });
});

// The other doors that check a password take from the throttle first too.
describe('password checks outside sign-in', () => {
  let relais: TestRelais;
  afterAll(async () => { await relais?.dispose(); });

  it('an invitation for an existing account and a password change are throttled before the check', async () => {
    relais = await startTestRelais('sqlite');
    const owner = await setUpOwner(relais.app);
    // Marc joins Léa's shop, opens his own and invites Léa: accepting needs Léa's password.
    const marc = await addMember(relais.app, owner, 'marc@autre-boutique.fr', 'agent', 'Marc');
    expect((await marc.post('/api/v1/workspaces', { name: 'Boutique Marc' })).status).toBe(201);
    const invite = await marc.post('/api/v1/invitations', { email: ownerInput.email, role: 'agent' });
    const token = String(invite.body.url).split('/invite/')[1];
    const before = passwordVerifications();
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => new Browser(relais.app, `198.51.100.${i + 1}`).open()
      .then((browser) => browser.post('/api/v1/invitations/accept', { token, password: `guess number ${i}` }))));
    expect(passwordVerifications() - before).toBeLessThanOrEqual(5);
    expect(guesses.filter((reply) => reply.status === 429).length).toBeGreaterThanOrEqual(7);
    // The same counters as sign-in: the invitation was no side door around them.
    const signIn = await (await new Browser(relais.app, '198.51.100.90').open()).post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    expect(signIn.body.error?.code).toBe('auth.throttled');

    const changes = [];
    for (let i = 0; i < 6; i++) changes.push(await owner.post('/api/v1/me/password', { currentPassword: `not it ${i}!`, newPassword: 'a brand new password' }));
    expect(changes.slice(0, 5).map((reply) => reply.status)).toEqual([400, 400, 400, 400, 400]);
    expect(changes[5]!.body.error.code).toBe('auth.throttled');
  });
});
