/**
 * The site chat in Chromium: a visitor on the demo shop (another origin) writes, Léa sees it
 * live in the console and replies, the visitor sees the reply; history survives a reload and
 * a new tab; a foreign site cannot show the chat; a visitor's HTML stays text on both sides;
 * out of hours the widget says when the team is back and takes an email; it speaks the
 * language of the page.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '../src/channels/index.ts';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { row, shot } from './inbox-harness.ts';
import { expectText } from './wait.ts';
import { startWidgetHarness, widgetFrame as widget, type WidgetHarness } from './widget-harness.ts';

const screenshot = fileURLToPath(new URL('../docs/screenshots/widget-demo-shop.png', import.meta.url));
const XSS = '<img src=x onerror="document.title=\'pwned\'"> ma commande #1042 ?';

describe.skipIf(!chromiumAvailable())('site chat journeys', () => {
  let h: WidgetHarness;
  let visitor: Profile;

  beforeAll(async () => {
    h = await startWidgetHarness();
    visitor = await openProfile({ locale: 'fr-FR' });
  });
  afterAll(async () => {
    await visitor?.close();
    await h?.close();
  });

  it('carries a visitor message to the console live and the reply back, as text both ways', async () => {
    const identity = { email: 'camille@example.fr', name: 'Camille Martin', customerId: '4242' };
    h.setIdentify(`window.addEventListener('load', () => setTimeout(() => Relais.identify(${JSON.stringify(identity)}, '${signIdentity(h.identifySecret, identity)}'), 100));`);
    const agent = h.owner.page;
    await agent.goto(`${h.server.url}/inbox`);
    await agent.getByTestId('view-open').click();
    await agent.getByTestId('inbox-empty').waitFor();

    const shop = visitor.page;
    await shop.goto(`${h.shop}/`);
    const chat = widget(shop);
    await chat.getByTestId('launcher').click();
    await expectText(chat.getByTestId('greeting'), 'Bonjour ! Une question ?');
    // The shop's `button { background: hotpink !important }` never reaches the chat.
    expect(await chat.getByTestId('send').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 111, 235)');
    await chat.getByTestId('composer').fill(XSS);
    await chat.getByTestId('composer').press('Enter');

    await row(agent, 'ma commande #1042').waitFor({ timeout: 10_000 });
    await row(agent, 'ma commande #1042').click();
    const inbound = agent.locator('[data-testid=message][data-direction=in]');
    await expectText(inbound, XSS);
    expect(await agent.locator('[data-testid=thread] img[src=x], [data-testid=message] img[src=x]').count()).toBe(0);
    await agent.locator('[data-testid=webchat-identity][data-status=verified]').waitFor({ timeout: 8000 });
    await expectText(agent.getByTestId('webchat-email'), 'camille@example.fr');

    // Typing shows on each side.
    await chat.getByTestId('composer').pressSequentially('Merci', { delay: 30 });
    await agent.getByTestId('visitor-typing').waitFor({ timeout: 8000 });
    await chat.getByTestId('composer').fill('');
    await agent.getByTestId('composer-text').pressSequentially('Bonjour Camille, ', { delay: 20 });
    await chat.getByTestId('typing').waitFor({ timeout: 8000 });
    await agent.getByTestId('composer-text').fill('Bonjour Camille, votre colis part demain. <b>Promis</b>');
    await agent.getByTestId('composer-text').press('Control+Enter');

    const reply = chat.locator('[data-testid=message][data-direction=out]');
    await expectText(reply, 'votre colis part demain. <b>Promis</b>', 10_000);
    expect(await chat.locator('b, img[src=x]').count()).toBe(0);
    expect(await shop.title()).toBe('Maison Lune');
    // Léa had the thread open: the visitor sees it was read; Léa sees the visitor read the reply.
    await chat.getByTestId('read').waitFor({ timeout: 8000 });
    await expectText(agent.getByTestId('visitor-read'), 'Lu par le visiteur');
    await shop.screenshot({ path: screenshot });
    await shot(agent, 'widget-console');
    // The demo shop has no favicon (a 404); nothing else may fail on the visitor's side.
    expect(visitor.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('keeps the conversation across a reload and in a new tab', async () => {
    const shop = visitor.page;
    await shop.reload();
    await widget(shop).getByTestId('launcher').click();
    await expectText(widget(shop).locator('[data-testid=message][data-direction=out]'), 'votre colis part demain');
    await expectText(widget(shop).locator('[data-testid=message][data-direction=in]'), 'ma commande #1042');

    // An image attached in the widget reaches the console as an image.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await widget(shop).getByTestId('file').setInputFiles({ name: 'colis.png', mimeType: 'image/png', buffer: png });
    await widget(shop).locator('[data-testid=message][data-direction=in][data-state=sent] img[alt="colis.png"]').waitFor({ timeout: 8000 });
    await h.owner.page.locator('[data-testid=message][data-direction=in] img[alt="colis.png"]').waitFor({ timeout: 10_000 });

    const tab = await visitor.context.newPage();
    await tab.goto(`${h.shop}/`);
    await widget(tab).getByTestId('launcher').click();
    await expectText(widget(tab).locator('[data-testid=message][data-direction=out]'), 'votre colis part demain');
    await tab.close();
  });

  it('applies the settings an admin saves in the console, and offers the snippet', async () => {
    const agent = h.owner.page;
    await agent.goto(`${h.server.url}/settings/channels`);
    const settings = agent.getByTestId('webchat-settings');
    expect(await settings.getByTestId('webchat-snippet').inputValue()).toBe(`<script src="${h.server.url}/widget.js" data-channel="${h.channelId}" async></script>`);
    expect(await settings.getByTestId('webchat-identify-secret').inputValue()).toBe(h.identifySecret);
    await settings.getByLabel('Message d’accueil (français)').fill('Bienvenue chez Maison Lune !');
    await settings.getByLabel('Position').selectOption('left');
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(settings.getByTestId('alert-success'), 'Réglages enregistrés');

    const shop = visitor.page;
    await shop.reload();
    await widget(shop).getByTestId('launcher').click();
    await expectText(widget(shop).getByTestId('greeting'), 'Bienvenue chez Maison Lune !');
    const frame = shop.locator('iframe[data-relais-widget]');
    expect(await frame.evaluate((f) => getComputedStyle(f).left)).toBe('0px');
  });

  it('refuses to show the chat on a site that is not allowed', async () => {
    const stranger = await openProfile({ locale: 'fr-FR' });
    try {
      const refusals: number[] = [];
      stranger.page.on('response', (response) => {
        if (response.url().includes('/widget/frame')) refusals.push(response.status());
      });
      await stranger.page.goto(`${h.foreign}/`);
      await stranger.page.waitForFunction(() => document.querySelector('iframe[data-relais-widget]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(refusals).toEqual([403]);
      expect(await widget(stranger.page).getByTestId('launcher').count()).toBe(0);
    } finally {
      await stranger.close();
    }
  });

  it('follows the language of the page', async () => {
    const english = await openProfile({ locale: 'fr-FR' });
    try {
      await english.page.goto(`${h.shop}/en`);
      const chat = widget(english.page);
      await chat.getByRole('button', { name: 'Open chat' }).click();
      await expectText(chat.getByTestId('greeting'), 'Hello! Any question?');
      expect(await chat.getByTestId('composer').getAttribute('placeholder')).toBe('Write your message…');
    } finally {
      await english.close();
    }
  });

  it('says when the team is back out of hours and takes the email with the message', async () => {
    const onlySaturdayMorning = { weekly: { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [{ start: '10:00', end: '10:01' }] }, holidays: 'none', timeZone: 'Europe/Paris' };
    const current = await h.ownerApi.get(`/api/v1/channels/${h.channelId}/webchat`);
    await h.owner.context.request.patch(`${h.server.url}/api/v1/channels/${h.channelId}/webchat`, {
      data: { ...current.settings, businessHours: onlySaturdayMorning },
      headers: { 'x-csrf-token': decodeURIComponent((await h.owner.context.cookies(h.server.url)).find((c) => c.name === 'relais_csrf')!.value) },
    });
    // This page claims to be someone else with a signature it made up.
    h.setIdentify(`window.addEventListener('load', () => setTimeout(() => Relais.identify({ email: 'patron@maison-lune.fr', customerId: '1' }, '${'ab'.repeat(32)}'), 100));`);
    const late = await openProfile({ locale: 'en-US' });
    const warnings: string[] = [];
    late.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    try {
      await late.page.goto(`${h.shop}/`);
      const chat = widget(late.page);
      await chat.getByTestId('launcher').click();
      await expectText(chat.getByTestId('offline'), 'Nous sommes absents');
      await expectText(chat.getByTestId('back-at'), 'Retour samedi');
      await chat.getByTestId('composer').fill('Vous livrez en Belgique ?');
      await chat.getByTestId('send').click();
      await expectText(chat.getByTestId('notice'), 'Indiquez votre e-mail');
      await chat.getByTestId('email').fill('hugo@example.fr');
      await chat.getByTestId('send').click();
      await chat.locator('[data-testid=message][data-direction=in][data-state=sent]').waitFor({ timeout: 8000 });

      const agent = h.owner.page;
      await agent.goto(`${h.server.url}/inbox`);
      await agent.getByTestId('view-open').click();
      await row(agent, 'Vous livrez en Belgique').click({ timeout: 10_000 });
      await expectText(agent.getByTestId('webchat-email'), 'hugo@example.fr');
      await expectText(agent.getByTestId('webchat-identity'), 'Identité non vérifiée');
      await expectText(agent.locator('[data-testid=message][data-kind=note]'), 'Identité refusée : signature invalide');
      expect(warnings.some((text) => text.includes('identify signature is invalid'))).toBe(true);
    } finally {
      await late.close();
    }
  });
});
