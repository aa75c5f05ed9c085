/**
 * The shop beside the conversation, in Chromium against a real Relais and the sandbox
 * playing Meta and Shopify: the shop is connected in Settings, a customer names her order in Messenger, the panel suggests the
 * link, the agent confirms it, and the panel shows the order (status, total, items, tracking
 * link), the open cart and her value; a canned reply fills the last order's number and status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { profileApi, type ProfileApi } from './api.ts';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { lea, PAGE, row, SECRET, shot, TOKEN } from './inbox-harness.ts';
import { startRelais, type RunningRelais } from './relais-server.ts';
import { expectText, waitUntil } from './wait.ts';

const SHOPIFY_SECRET = 'e2e-shopify-app-secret';
const DOMAIN = 'maison-lune.myshopify.com';

describe.skipIf(!chromiumAvailable())('customer panel with a shop', () => {
  let server: RunningRelais;
  let sandbox: Sandbox;
  let owner: Profile;
  let api: ProfileApi;

  beforeAll(async () => {
    server = await startRelais({ env: { RELAIS_META_APP_SECRET: SECRET, RELAIS_SHOPIFY_APP_SECRET: SHOPIFY_SECRET } });
    sandbox = await startSandbox({ relaisUrl: server.url, meta: { appSecret: SECRET, retrySchedule: [0, 200] }, shopify: { appSecret: SHOPIFY_SECRET } });
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: TOKEN });
    sandbox.meta.addUser({ id: '6300', name: 'Nina Petit' });
    sandbox.shopify.addShop({ domain: DOMAIN, accessToken: 'shpat_e2e_token_01', name: 'Maison Lune' });
    owner = await openProfile({ locale: 'fr-FR' });
    api = profileApi(owner.context, server.url);
    await api.post('/api/v1/setup', lea);
    await api.post('/api/v1/channels', { kind: 'meta', pageId: PAGE, pageToken: TOKEN, apiBase: sandbox.meta.graphUrl });
    await api.post('/api/v1/canned-replies', { shortcut: 'commande', title: 'Où en est la commande', body: 'Votre commande {{order.last.number}} est {{order.last.status}}.' });
  });

  afterAll(async () => {
    await owner?.close();
    await sandbox?.close();
    await server?.close();
  });

  it('connects the shop in Settings and shows where its webhooks go', async () => {
    const page = owner.page;
    await page.goto(`${server.url}/settings/channels`);
    const form = page.getByTestId('connect-shopify');
    await form.getByLabel('Domaine de la boutique').fill(DOMAIN);
    await form.getByLabel('Jeton d’accès Admin API').fill('shpat_e2e_token_01');
    await form.locator('summary').click();
    await form.getByLabel('Adresse de l’API (tests et démo)').fill(sandbox.url);
    await form.locator('button[type=submit]').click();
    await expectText(page.getByTestId('shop-webhook-url'), `${server.url}/hooks/shopify`);
    await expectText(page.getByTestId('channels-list'), 'maison-lune.myshopify.com');
    await shot(page, 'shop-connect');
  });

  it('syncs the shop from Settings with a live progress bar that fills and says it is done', async () => {
    const page = owner.page;
    const shop = page.getByTestId('channel-row').filter({ hasText: 'maison-lune.myshopify.com' });
    await shop.getByTestId('shop-sync').click();
    const bar = shop.getByRole('progressbar', { name: 'Synchronisation de la boutique' });
    await bar.waitFor();
    await waitUntil(async () => (await shop.getByTestId('progress-commerce.reconcile').getAttribute('data-status')) === 'done', 'the sync to finish', 15_000);
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    await expectText(shop.getByTestId('progress-commerce.reconcile'), 'Terminé');
  });

  it('suggests the order named in a message, links it on confirmation and shows it beside the conversation, live', async () => {
    const order = await sandbox.shopify.createOrder({ customer: { email: 'nina@example.fr', firstName: 'Nina', lastName: 'Petit' }, lineItems: [{ title: 'Bague lune', price: '45.00', quantity: 2 }] });
    await sandbox.shopify.updateOrder(order.resource.id, { fulfill: { trackingUrl: 'https://suivi.example/6A123' } });
    await sandbox.shopify.createCheckout({ customer: { email: 'nina@example.fr' }, lineItems: [{ title: 'Collier étoile', price: '29.90' }] });
    expect(sandbox.shopify.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);

    const page = owner.page;
    await page.goto(`${server.url}/`);
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('view-open').click();
    await sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6300', text: `Bonjour, ma commande ${order.resource.name} n’est pas arrivée` });
    await row(page, 'pas arrivée').click({ timeout: 8000 });
    const panel = page.getByTestId('commerce-panel');
    await expectText(panel.getByTestId('link-suggestions'), `Commande ${order.resource.name} citée dans un message`);
    await shot(page, 'shop-panel-suggestion');
    await panel.getByRole('button', { name: 'Lier à ce client' }).click();

    const line = panel.getByTestId('order');
    await expectText(line, order.resource.name);
    await expectText(line, 'Expédiée');
    await expectText(line, '90,00');
    await expectText(line, '2 × Bague lune');
    const tracking = line.getByRole('link', { name: 'Suivre le colis' });
    expect(await tracking.getAttribute('href')).toBe('https://suivi.example/6A123');
    expect(await tracking.getAttribute('rel')).toBe('noopener noreferrer');
    await expectText(panel.getByTestId('open-cart'), '29,90');
    await expectText(panel.getByTestId('lifetime-value'), '1 commande');
    await shot(page, 'shop-panel-order');

    // A new order from the shop shows at once, without reloading the page.
    const next = await sandbox.shopify.createOrder({ customer: { email: 'nina@example.fr' }, lineItems: [{ title: 'Boucles soleil', price: '30.00' }] });
    await expectText(panel.getByTestId('orders'), next.resource.name, 8000);
    await expectText(panel.getByTestId('lifetime-value'), '2 commande');

    // The composer learns the linked order on the next conversation load.
    await page.reload();
    await page.getByTestId('commerce-panel').getByTestId('order').first().waitFor();
    const text = page.getByTestId('composer-text');
    await text.click();
    await page.keyboard.type('/commande');
    await waitUntil(async () => (await page.getByTestId('canned-preview').textContent())?.includes(`Votre commande ${next.resource.name} est payée.`) ?? false, 'the canned preview with the order');
  });
});
