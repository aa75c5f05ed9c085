import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../store/testing.ts';
import { Browser, ownerInput, setUpOwner, startTestRelais, type TestRelais } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('setup and sign-in on %s', (dialect) => {
  let relais: TestRelais;
  beforeEach(async () => { relais = await startTestRelais(dialect); });
  afterEach(async () => { await relais.dispose(); });

  it('sets up the first workspace once, and signs the owner in', async () => {
    const visitor = await new Browser(relais.app).open();
    expect((await visitor.get('/api/v1/session')).body).toMatchObject({ setupNeeded: true, signedIn: false });

    const owner = await setUpOwner(relais.app);
    const me = await owner.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: 'lea@boutique-lea.fr', name: 'Léa Martin' }, workspace: { name: 'Boutique Léa' }, role: 'owner', via: 'session' });

    const again = await visitor.post('/api/v1/setup', { ...ownerInput, email: 'intruder@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('setup.already_done');
    expect((await visitor.get('/api/v1/session')).body.setupNeeded).toBe(false);
    const users = await relais.store.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'lea@boutique-lea.fr' }]);
  });

  it('lets only one of two simultaneous setups win', async () => {
    const [a, b] = [await new Browser(relais.app).open(), await new Browser(relais.app).open()];
    const replies = await Promise.all([a.post('/api/v1/setup', ownerInput), b.post('/api/v1/setup', { ...ownerInput, email: 'other@example.com' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await relais.store.db.selectFrom('workspaces').select('id').execute()).toHaveLength(1);
  });

  it('signs in with a new session token each time and signs out', async () => {
    const owner = await setUpOwner(relais.app);
    const firstToken = owner.cookies.get('relais_session');
    await owner.post('/api/v1/auth/sign-out');
    expect((await owner.get('/api/v1/me')).status).toBe(401);

    const browser = await new Browser(relais.app).open();
    const signedIn = await browser.post('/api/v1/auth/sign-in', { email: 'LEA@boutique-lea.fr ', password: ownerInput.password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.role).toBe('owner');
    expect(browser.cookies.get('relais_session')).not.toBe(firstToken);
    expect(signedIn.headers['set-cookie']).toEqual(expect.arrayContaining([expect.stringMatching(/^relais_session=.*HttpOnly.*SameSite=Lax/)]));
    // The old cookie no longer opens anything.
    const stale = new Browser(relais.app);
    stale.cookies.set('relais_session', firstToken!);
    expect((await stale.get('/api/v1/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    await setUpOwner(relais.app);
    const browser = await new Browser(relais.app).open();
    const wrongPassword = await browser.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: 'not the password' });
    const unknownEmail = await browser.post('/api/v1/auth/sign-in', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('throttles an email after repeated failures, known or not, and lets it in after the window', async () => {
    await setUpOwner(relais.app);
    for (const email of [ownerInput.email, 'ghost@example.com']) {
      for (let i = 0; i < 5; i++) {
        const browser = await new Browser(relais.app, `192.0.2.${i + 1}`).open();
        expect((await browser.post('/api/v1/auth/sign-in', { email, password: 'wrong password!' })).status).toBe(401);
      }
      const browser = await new Browser(relais.app, '192.0.2.99').open();
      const blocked = await browser.post('/api/v1/auth/sign-in', { email, password: email === ownerInput.email ? ownerInput.password : 'wrong password!' });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('auth.throttled');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    relais.clock.advance(16 * 60_000);
    const later = await new Browser(relais.app, '192.0.2.100').open();
    expect((await later.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password })).status).toBe(200);
  });

  it('throttles one IP trying many emails', async () => {
    await setUpOwner(relais.app);
    const browser = await new Browser(relais.app, '192.0.2.50').open();
    for (let i = 0; i < 5; i++) await browser.post('/api/v1/auth/sign-in', { email: `guess${i}@example.com`, password: 'wrong password!' });
    const blocked = await browser.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    expect(blocked.status).toBe(429);
  });

  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const owner = await setUpOwner(relais.app);
    relais.clock.advance(11 * 60 * 60_000);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    relais.clock.advance(12 * 60 * 60_000 + 1);
    const idle = await owner.get('/api/v1/me');
    expect(idle.status).toBe(401);
    expect(idle.body.error.code).toBe('auth.session_expired');

    const active = await new Browser(relais.app).open();
    await active.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    // Used every 11 hours, it still ends after 14 days (336 h): fine at 330 h, over at 341 h.
    for (let step = 1; step <= 31; step++) {
      relais.clock.advance(11 * 60 * 60_000);
      const reply = await active.get('/api/v1/me');
      expect(reply.status).toBe(step <= 30 ? 200 : 401);
    }
  });

  it('changes the password and signs out every other session, keeping this one', async () => {
    const owner = await setUpOwner(relais.app);
    const phone = await new Browser(relais.app).open();
    await phone.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    const wrong = await owner.post('/api/v1/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('auth.wrong_password');
    expect((await phone.get('/api/v1/me')).status).toBe(200);

    expect((await owner.post('/api/v1/me/password', { currentPassword: ownerInput.password, newPassword: 'a brand new passphrase' })).status).toBe(204);
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    const fresh = await new Browser(relais.app).open();
    expect((await fresh.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password })).status).toBe(401);
    expect((await fresh.post('/api/v1/auth/sign-in', { email: ownerInput.email, password: 'a brand new passphrase' })).status).toBe(200);
  });

  it('refuses state changes without the CSRF token, or with a forged one', async () => {
    const owner = await setUpOwner(relais.app);
    const missing = await owner.post('/api/v1/invitations', { email: 'x@example.com', role: 'agent' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('auth.csrf_failed');
    const forged = await owner.post('/api/v1/invitations', { email: 'x@example.com', role: 'agent' }, { csrf: false, headers: { 'x-csrf-token': 'forged-token-value-1234' } });
    expect(forged.status).toBe(403);
    // A cookie the attacker planted does not match the session's own token either.
    const planted = new Browser(relais.app);
    planted.cookies.set('relais_session', owner.cookies.get('relais_session')!);
    planted.cookies.set('relais_csrf', 'attacker-chosen-value-123');
    expect((await planted.post('/api/v1/invitations', { email: 'x@example.com', role: 'agent' })).status).toBe(403);
    expect((await owner.get('/api/v1/invitations')).body.invitations).toEqual([]);
    const anonymous = await new Browser(relais.app).post('/api/v1/auth/sign-in', { email: ownerInput.email, password: ownerInput.password });
    expect(anonymous.status).toBe(403);
  });

  it('hands the CSRF token back to a signed-in browser that lost its cookie (browser restart)', async () => {
    const owner = await setUpOwner(relais.app);
    owner.cookies.delete('relais_csrf');
    expect((await owner.patch('/api/v1/me', { locale: 'en' })).status).toBe(403);
    const session = await owner.get('/api/v1/session');
    expect(session.body.signedIn).toBe(true);
    expect(owner.cookies.get('relais_csrf')).toBe(session.body.csrfToken);
    expect((await owner.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);
  });

  it('keeps an audit trail of sign-ins and account changes', async () => {
    const owner = await setUpOwner(relais.app);
    await owner.post('/api/v1/invitations', { email: 'karim@boutique-lea.fr', role: 'agent' });
    const audit = await owner.get('/api/v1/audit');
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['invitation.created', 'installation.setup']);
  });
});
