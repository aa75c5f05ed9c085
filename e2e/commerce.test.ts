/**
 * Cart recovery, attribution and privacy in Chromium against a real Relais and the Meta
 * sandbox: an admin turns recovery on from Réglages, Camille's abandoned cart gets one
 * message in her Messenger thread with the decision noted there, the attribution page draws
 * its bars, and the contact panel exports her data as a file and then erases her.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeOrder } from '../src/commerce/index.ts';
import { insertCheckout, insertOrder, insertShop, insertShopCustomer } from '../src/commerce/testing.ts';
import { chromiumAvailable } from './browser.ts';
import { PAGE, row, shot, startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('cart recovery, attribution and privacy', () => {
  let h: InboxHarness;

  beforeAll(async () => {
    h = await startInboxHarness({ connect: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('recovers an abandoned cart once, shows why in the thread, reports attributed sales, then exports and erases the customer', async () => {
    const page = h.owner.page;
    const db = h.server.relais.store.db;
    const workspaceId = (await h.ownerApi.get('/api/v1/me')).workspace.id as string;

    // Réglages → Paniers abandonnés: on, 10 %, and no quiet hours (the suite runs at any hour).
    await page.goto(`${h.server.url}/settings/recovery`);
    await page.getByTestId('recovery-enabled').check();
    await page.getByTestId('recovery-percent').fill('10');
    await page.getByLabel('Heures calmes : début').fill('00:00');
    await page.getByLabel('Heures calmes : fin').fill('00:00');
    await expectText(page.getByTestId('recovery-preview'), 'RELAIS-EXEMPLE1');
    await page.getByTestId('recovery-save').click();
    await expectText(page.getByTestId('alert-success'), 'Réglages enregistrés.');
    expect(await h.ownerApi.get('/api/v1/recovery/settings')).toMatchObject({ enabled: true, promoPercent: 10, quietStart: '00:00' });

    // Camille writes on Messenger; her cart at the shop is two hours old.
    await h.sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Je réfléchis encore pour la bague lune' });
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/conversations')).conversations.some((c: any) => c.contact?.name === 'Camille Martin'), 'Camille’s conversation');
    const conversation = (await h.ownerApi.get('/api/v1/conversations')).conversations.find((c: any) => c.contact?.name === 'Camille Martin');
    const shopId = await insertShop(db, workspaceId);
    const customerId = await insertShopCustomer(db, workspaceId, shopId, { email: 'camille@example.fr', firstName: 'Camille', contactId: conversation.contact.id });
    await insertCheckout(db, workspaceId, shopId, { shopCustomerId: customerId, email: 'camille@example.fr', updatedAt: Date.now() - 2 * 3_600_000 });
    await h.server.relais.queue.enqueue('commerce.recover', {});
    await waitUntil(() => h.sandbox.meta.sent.some((s) => JSON.stringify(s).includes('votre panier vous attend')), 'the recovery at the sandbox', 15_000);

    await page.goto(`${h.server.url}/inbox?view=open`);
    await row(page, 'Camille Martin').click();
    await expectText(page.locator('[data-testid=message][data-direction=out][data-kind=message]'), 'Bonjour Camille, votre panier vous attend toujours');
    await expectText(page.locator('[data-testid=message][data-kind=note]'), 'Relance de panier envoyée');
    await h.server.relais.queue.enqueue('commerce.recover', {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(h.sandbox.meta.sent.filter((s) => JSON.stringify(s).includes('votre panier vous attend'))).toHaveLength(1);
    await shot(page, 'recovery-in-thread');

    // An order that came from Facebook and after the conversation: the attribution page draws it.
    const orderId = await insertOrder(db, workspaceId, shopId, { shopCustomerId: customerId, contactId: conversation.contact.id, totalCents: 8900, landingSite: '/?utm_source=facebook', placedAt: Date.now() });
    await attributeOrder({ db, clock: { now: () => Date.now() } }, workspaceId, orderId);
    await page.goto(`${h.server.url}/settings/attribution`);
    await expectText(page.getByTestId('attribution-total').first(), '1 commande(s) attribuée(s)');
    expect(await page.getByTestId('attribution-chart').first().locator('rect.chart-fill').count()).toBeGreaterThan(0);
    await expectText(page.getByTestId('attribution-view'), 'Après une conversation');
    await shot(page, 'attribution-report');

    // The contact panel: the export downloads her data; the erasure, once confirmed, removes her.
    await page.goto(`${h.server.url}/inbox?view=open`);
    await row(page, 'Camille Martin').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contact-export').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.contacts[0].name).toBe('Camille Martin');
    expect(JSON.stringify(exported.conversations)).toContain('Je réfléchis encore pour la bague lune');
    await page.goto(`${h.server.url}/settings/privacy`);
    await expectText(page.getByTestId('privacy-export'), 'export de l’équipe · 1 contact(s)');
    await page.goto(`${h.server.url}/inbox?view=open`);
    await row(page, 'Camille Martin').click();
    await page.getByTestId('contact-privacy').getByRole('button', { name: 'Effacer ce contact' }).click();
    await page.getByTestId('contact-privacy').getByRole('button', { name: 'Effacer définitivement partout' }).click();
    await expectText(page.getByTestId('contact-erased'), 'Contact effacé.');
    await waitUntil(async () => (await db.selectFrom('contacts').select('id').where('id', '=', conversation.contact.id).execute()).length === 0, 'the erasure');
    // The stored export named her: it went with her.
    await page.goto(`${h.server.url}/settings/privacy`);
    await expectText(page.getByTestId('privacy-exports'), 'Aucun export pour l’instant.');
    const thread = await h.ownerApi.get(`/api/v1/conversations/${conversation.id}`);
    expect(thread.messages.filter((m: any) => m.text.includes('bague'))).toEqual([]);
    const audit = await h.ownerApi.get('/api/v1/audit');
    expect(audit.entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['privacy.exported', 'privacy.erased']));
    expect(h.owner.errors).toEqual([]);
  }, 90_000);
});
