import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, setUpOwner, startTestRelais, type Browser, type TestRelais } from '../../http/testing.ts';
import { isQuietTime, renderRecoveryTemplate } from './recovery-settings.ts';

describe('recovery settings', () => {
  let relais: TestRelais;
  let owner: Browser;
  beforeEach(async () => {
    relais = await startTestRelais('sqlite');
    owner = await setUpOwner(relais.app);
  });
  afterEach(async () => { await relais.dispose(); });

  const valid = { enabled: true, delayMinutes: 45, templateFr: 'Coucou {name} : {link}\nCode {code} (-{percent} %)', templateEn: 'Hi {name}: {link}', promoPercent: 15, promoExpiryDays: 3, quietStart: '22:00', quietEnd: '08:30', timezone: 'Europe/Paris' };

  it('starts off with the defaults, saves an admin’s settings and previews a template', async () => {
    expect((await owner.get('/api/v1/recovery/settings')).body).toMatchObject({ enabled: false, delayMinutes: 60, promoPercent: null, quietStart: '21:00', quietEnd: '09:00', timezone: 'Europe/Paris' });
    expect((await owner.request('PUT', '/api/v1/recovery/settings', valid)).status).toBe(200);
    expect((await owner.get('/api/v1/recovery/settings')).body).toEqual(valid);
    const preview = await owner.post('/api/v1/recovery/preview', { template: valid.templateFr, promoPercent: 15 });
    expect(preview.body.text).toBe('Coucou Camille : https://boutique.example/cart/recover/demo\nCode RELAIS-EXEMPLE1 (-15 %)');
    // A shop in Auckland: 23 November, 11:30 UTC is already the 24th there; three days on, the code runs until the 27th there.
    expect((await owner.request('PUT', '/api/v1/recovery/settings', { ...valid, timezone: 'Pacific/Auckland' })).status).toBe(200);
    relais.clock.set(Date.UTC(2026, 10, 23, 11, 30));
    const dated = await owner.post('/api/v1/recovery/preview', { template: '{link} {code} {expiry}', promoPercent: 15, promoExpiryDays: 3 });
    expect(dated.body.text).toBe('https://boutique.example/cart/recover/demo RELAIS-EXEMPLE1 27 novembre');
  });

  it('refuses bad settings field by field and keeps the old ones; agents may not change them', async () => {
    for (const bad of [{ ...valid, templateFr: 'Sans lien' }, { ...valid, quietStart: '25:00' }, { ...valid, timezone: 'Mars/Olympus' }, { ...valid, delayMinutes: 1 }, { ...valid, delayMinutes: 3 * 24 * 60 }, { ...valid, promoPercent: 100 }, { ...valid, extra: 1 }]) {
      const reply = await owner.request('PUT', '/api/v1/recovery/settings', bad);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('request.invalid');
    }
    expect((await owner.get('/api/v1/recovery/settings')).body.enabled).toBe(false);
    const agent = await addMember(relais.app, owner, 'agent@boutique-lea.fr', 'agent');
    expect((await agent.request('PUT', '/api/v1/recovery/settings', valid)).status).toBe(403);
  });

  it('knows quiet hours across midnight and daylight saving, and drops the code line when there is no code', () => {
    const paris = { quietStart: '21:00', quietEnd: '09:00', timezone: 'Europe/Paris' };
    expect(isQuietTime(Date.UTC(2026, 0, 5, 20, 30), paris)).toBe(true); // 21:30 in winter
    expect(isQuietTime(Date.UTC(2026, 6, 5, 18, 30), paris)).toBe(false); // 20:30 in summer
    expect(isQuietTime(Date.UTC(2026, 6, 5, 19, 0), paris)).toBe(true); // 21:00 in summer
    expect(isQuietTime(Date.UTC(2026, 0, 5, 7, 59), paris)).toBe(true); // 08:59
    expect(isQuietTime(Date.UTC(2026, 0, 5, 8, 0), paris)).toBe(false); // 09:00
    expect(renderRecoveryTemplate('Bonjour {name}, {link}\nCode {code}', { name: null, link: 'https://x.test/c', code: null, percent: null, expiry: null })).toBe('Bonjour, https://x.test/c');
  });
});
