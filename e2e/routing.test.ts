/**
 * Routing and response targets as an admin sets them up and an agent lives them: a team in
 * Settings, the availability switch in the header, conversations arriving straight into
 * "Mine", the list sorted by reply due time, business hours and targets saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { PAGE, row, shot, startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('routing and response targets', () => {
  let h: InboxHarness;
  beforeAll(async () => { h = await startInboxHarness({ connect: true }); });
  afterAll(async () => { await h?.close(); });

  it('creates a team, goes online with the keyboard, and receives new conversations sorted by due time', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/teams`);
    await expectText(page.locator('#teams-title'), 'Équipes et routage');
    const form = page.getByTestId('team-new');
    await form.getByTestId('team-name').fill('Service client');
    await form.getByTestId('team-mode').selectOption('least_loaded');
    await form.getByLabel('Maison Lune').check();
    await form.getByTestId('team-member').first().check();
    await form.getByTestId('team-capacity').fill('3');
    await form.getByTestId('team-save').click();
    await expectText(page.getByTestId('team-row'), 'Service client');
    await expectText(page.getByTestId('team-row'), 'Au moins chargé');

    // Offline until she says otherwise; `o` goes online.
    await page.goto(`${h.server.url}/inbox?view=mine`);
    const availability = page.getByTestId('availability');
    await waitUntil(async () => (await availability.inputValue().catch(() => '')) === 'offline', 'the availability switch');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('o');
    await waitUntil(async () => (await availability.inputValue()) === 'online', 'going online');
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/availability')).agents.some((a: any) => a.status === 'online'), 'the stored availability');

    h.sandbox.meta.addUser({ id: '6300', name: 'Inès Petit' });
    await h.sandbox.meta.batch([
      h.sandbox.meta.events.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Ma bague est arrivée cassée' }),
      h.sandbox.meta.events.messengerMessage({ pageId: PAGE, psid: '6300', text: 'Livrez-vous en Belgique ?' }),
    ]);
    await expectText(row(page, 'Ma bague est arrivée cassée'), 'Camille Martin', 10_000);
    await expectText(row(page, 'Livrez-vous en Belgique ?'), 'Inès Petit', 10_000);
    await expectText(row(page, 'Livrez-vous en Belgique ?').getByTestId('row-due'), 'réponse due');

    await page.getByTestId('list-sort').selectOption('due');
    await waitUntil(() => page.url().includes('sort=due'), 'the sort in the URL');
    const dues = await h.ownerApi.get('/api/v1/conversations?view=mine&sort=due');
    expect(dues.conversations.map((c: any) => c.dueAt)).toEqual([...dues.conversations.map((c: any) => c.dueAt)].sort((a: number, b: number) => a - b));
    await shot(page, 'inbox-sorted-by-due');
    expect(h.owner.errors).toEqual([]);
  }, 40_000);

  it('saves business hours with a lunch break and a response target, refusing what it cannot read', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/hours`);
    await waitUntil(async () => (await page.getByTestId('hours-day-1').inputValue().catch(() => '')) !== '', 'the hours form');
    expect(await page.getByTestId('hours-day-1').inputValue()).toBe('09:00-12:30, 13:30-18:00');
    await page.getByTestId('hours-day-6').fill('10h-13h');
    await page.getByTestId('hours-save').click();
    await expectText(page.getByTestId('alert-error'), 'weekly.6');
    await page.getByTestId('hours-day-6').fill('');
    await page.getByTestId('hours-closed').fill('2026-12-26');
    await page.getByTestId('hours-save').click();
    await expectText(page.getByTestId('alert-success'), 'Enregistré');
    await page.getByTestId('holidays').locator('summary').click();
    await expectText(page.getByTestId('holidays'), 'Ascension');
    await shot(page, 'settings-hours');
    const stored = (await h.ownerApi.get('/api/v1/care-settings')).stored[0].hours;
    expect(stored.weekly['6']).toEqual([]);
    expect(stored.closedDays).toEqual(['2026-12-26']);

    await page.goto(`${h.server.url}/settings/sla`);
    const first = page.getByTestId('sla-row').first();
    await first.getByTestId('sla-first').fill('30');
    await first.getByTestId('sla-mode').selectOption('calendar');
    await page.getByTestId('sla-save').click();
    await expectText(page.getByTestId('alert-success'), 'Enregistré');
    await shot(page, 'settings-sla');
    const policies = (await h.ownerApi.get('/api/v1/care-settings')).stored[0].policies;
    expect(policies['*:private']).toMatchObject({ firstResponseMs: 30 * 60_000, mode: 'calendar' });
    expect(h.owner.errors).toEqual([]);
  }, 30_000);
});
