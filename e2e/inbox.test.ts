/**
 * The agent inbox in Chromium against a real Relais and the Meta sandbox: a comment arrives
 * live and is answered publicly; a Messenger message gets a canned reply with variables; two
 * Messenger message's sentiment is corrected in one click; two agents see each other on one
 * conversation and the collision guard speaks up; a cut socket loses nothing. Screenshots land in e2e/screenshots/ (git-ignored) for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileApi } from './api.ts';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { IG, PAGE, POST, row, shot, startInboxHarness, TOKEN, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

const karimUser = { name: 'Karim Haddad', email: 'karim@boutique-lea.fr', password: 'pain-au-chocolat-7' };

describe.skipIf(!chromiumAvailable())('agent inbox journeys', () => {
  let h: InboxHarness;
  let karim: Profile | undefined;

  beforeAll(async () => {
    h = await startInboxHarness();
  });

  afterAll(async () => {
    await karim?.close();
    await h?.close();
  });

  it('connects the Page, shows a new comment live, and answers it publicly', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/channels`);
    const form = page.getByTestId('connect-meta');
    await form.locator('input[name=pageId]').fill(PAGE);
    await form.locator('input[name=pageToken]').fill(TOKEN);
    await form.locator('input[name=instagramId]').fill(IG);
    await form.locator('summary').click();
    await form.locator('input[name=apiBase]').fill(h.sandbox.meta.graphUrl);
    await form.locator('button[type=submit]').click();
    await expectText(page.getByTestId('channel-row'), 'Connecté');

    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('view-open').click();
    await page.getByTestId('inbox-empty').waitFor();
    await expectText(page.getByTestId('connection'), 'En direct');

    const { commentId } = await h.sandbox.meta.comment({ postId: POST, from: '6100', message: 'Livrez-vous en Belgique ? 🇧🇪' });
    await row(page, 'Livrez-vous en Belgique').waitFor({ timeout: 10_000 });
    await expectText(row(page, 'Livrez-vous'), 'Camille Martin');
    await expectText(row(page, 'Livrez-vous'), 'attend depuis');
    await row(page, 'Livrez-vous').click();
    await page.getByTestId('post').waitFor();
    expect(await page.getByTestId('post-link').getAttribute('rel')).toBe('noopener noreferrer');
    await expectText(page.getByTestId('policy'), 'caractères restants');
    expect(await page.getByTestId('composer').getAttribute('data-visibility')).toBe('public');

    await page.getByTestId('composer-text').fill('Oui, en 3 jours ouvrés !');
    await page.getByTestId('composer-text').press('Control+Enter');
    await expectText(page.locator('[data-testid=message][data-direction=out]'), 'Oui, en 3 jours ouvrés !');
    await page.locator('[data-testid=message][data-direction=out] [data-testid=delivery][data-state=sent]').waitFor({ timeout: 8000 });
    await waitUntil(() => h.sandbox.meta.replies.some((r) => r.parentId === commentId && r.message === 'Oui, en 3 jours ouvrés !'), 'the public reply at the sandbox');
    expect(h.sandbox.meta.replies.filter((r) => r.message === 'Oui, en 3 jours ouvrés !')).toHaveLength(1);

    // A reply Meta refuses shows the reason and a Retry that sends it.
    h.sandbox.meta.failNext({ path: '/comments', error: { code: 100, message: 'Invalid parameter' } });
    await page.getByTestId('composer-text').fill('Et au Luxembourg aussi.');
    await page.getByTestId('send').click();
    const failed = page.locator('[data-testid=message]', { hasText: 'Et au Luxembourg aussi.' }).locator('[data-testid=delivery][data-state=failed]');
    await expectText(failed, 'Invalid parameter', 8000);
    await failed.getByTestId('retry').click();
    await waitUntil(() => h.sandbox.meta.replies.some((r) => r.message === 'Et au Luxembourg aussi.'), 'the retried reply at the sandbox');

    // A label from the workspace's list, then the comment hidden with a reason.
    await h.ownerApi.post('/api/v1/labels', { name: 'Livraison', color: '#1f6feb' });
    await page.reload();
    await page.getByTestId('label-menu').locator('summary').click();
    await page.locator('[data-testid=label-option][data-name=Livraison]').check();
    await expectText(page.locator('.header-labels'), 'Livraison');
    await expectText(row(page, 'Camille Martin'), 'Livraison');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=message][data-direction=in]').getByTestId('action-hide').click();
    await page.getByTestId('moderate-reason').fill('Hors charte (art. 2)');
    await page.getByTestId('moderate-submit').click();
    await expectText(page.locator('[data-testid=message][data-direction=in] [data-testid=moderation]'), 'Masqué par Léa Martin — motif : Hors charte (art. 2)', 8000);
    await shot(page, 'conversation-comment');
  }, 30_000);

  it('answers a Messenger message with a canned reply whose variables are filled', async () => {
    const page = h.owner.page;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-canned-replies').click();
    await page.getByTestId('canned-new').click();
    const form = page.getByTestId('canned-form');
    await form.locator('input[name=shortcut]').fill('suivi');
    await form.locator('input[name=title]').fill('Suivi de colis');
    await form.locator('textarea[name=body]').fill('Bonjour {{contact.first_name}}, votre colis part aujourd’hui. {{agent.first_name}}, {{workspace.name}}');
    await expectText(page.getByTestId('canned-form-preview'), 'Bonjour Camille, votre colis');
    await form.locator('button[type=submit]').click();
    await expectText(page.getByTestId('canned-list'), '/suivi');
    await shot(page, 'settings-canned-replies');

    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('view-open').click();
    await h.sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6200', text: 'Bonjour, où est ma commande 4512 ?' });
    await row(page, 'commande 4512').click({ timeout: 5000 });
    await expectText(page.getByTestId('conversation-name'), 'Hugo Leroy');
    await page.locator('[data-testid=composer][data-visibility=private]').waitFor();
    await expectText(page.getByTestId('policy'), 'La fenêtre Messenger se ferme');

    // The classifier's sentiment shows on the row and the message; one click corrects it.
    const incoming = page.locator('[data-testid=message][data-direction=in]', { hasText: 'commande 4512' });
    const rowBadge = row(page, 'commande 4512').getByTestId('row-sentiment');
    await rowBadge.waitFor();
    const badge = incoming.getByTestId('message-sentiment');
    expect(await badge.getAttribute('data-sentiment')).not.toBe('positive');
    await incoming.locator('[data-testid=correct-menu] summary[aria-label="Corriger le sentiment et les intentions de ce message"]').click();
    await shot(page, 'sentiment-menu');
    await incoming.getByRole('button', { name: 'Marquer comme positif' }).click();
    await incoming.locator('[data-testid=message-sentiment][data-sentiment=positive]').waitFor();
    await expectText(incoming.getByTestId('corrected-by-team'), 'corrigé par l’équipe');
    await row(page, 'commande 4512').locator('[data-testid=row-sentiment][data-sentiment=positive]').waitFor();
    expect(await incoming.locator('[data-testid=correct-menu]').getAttribute('open')).toBeNull();
    await shot(page, 'sentiment-corrected');

    const text = page.getByTestId('composer-text');
    await text.click();
    await page.keyboard.type('/sui');
    await expectText(page.getByTestId('canned-preview'), 'Bonjour Hugo, votre colis part aujourd’hui. Léa, Boutique Léa');
    await shot(page, 'composer-canned');
    await page.keyboard.press('Enter');
    const filled = 'Bonjour Hugo, votre colis part aujourd’hui. Léa, Boutique Léa';
    expect(await text.inputValue()).toBe(filled);
    await page.keyboard.press('Control+Enter');
    await waitUntil(() => h.sandbox.meta.sent.some((s) => s.text === filled && s.recipientId === '6200'), 'the canned reply at the sandbox');
    await page.locator('[data-testid=message][data-direction=out] [data-testid=delivery][data-state=sent]').waitFor({ timeout: 8000 });
    await shot(page, 'inbox');
  }, 30_000);

  it('shows two agents on one conversation to each other and warns before a colliding reply', async () => {
    const invitation = await h.ownerApi.post('/api/v1/invitations', { email: karimUser.email, role: 'agent' });
    karim = await openProfile({ locale: 'fr-FR' });
    await profileApi(karim.context, h.server.url).post('/api/v1/invitations/accept', { token: invitation.url.split('/invite/')[1], name: karimUser.name, password: karimUser.password });
    const page = h.owner.page;
    const conversationUrl = page.url();
    expect(conversationUrl).toContain('c=');
    await karim.page.goto(conversationUrl);
    await expectText(karim.page.getByTestId('conversation-name'), 'Hugo Leroy');

    await expectText(page.getByTestId('presence'), 'Karim Haddad consulte aussi cette conversation');
    await expectText(karim.page.getByTestId('presence'), 'Léa Martin consulte aussi');

    await page.getByTestId('composer-text').fill('Je vérifie auprès du transporteur.');
    await expectText(karim.page.getByTestId('presence'), 'Léa Martin est en train d’écrire');
    await karim.page.getByTestId('composer-text').fill('C’est parti ce matin, Hugo !');
    await karim.page.getByTestId('composer-text').press('Control+Enter');
    await expectText(page.getByTestId('thread'), 'C’est parti ce matin, Hugo !');

    await page.getByTestId('composer-text').press('Control+Enter');
    await expectText(page.getByTestId('collision-warning'), 'Karim Haddad a répondu entre-temps');
    await shot(page, 'collision-warning');
    expect(h.sandbox.meta.sent.some((s) => s.text === 'Je vérifie auprès du transporteur.')).toBe(false);
    await page.getByTestId('collision-send').click();
    await waitUntil(() => h.sandbox.meta.sent.some((s) => s.text === 'Je vérifie auprès du transporteur.'), 'Léa’s reply at the sandbox');
    expect(karim.errors).toEqual([]);
  }, 30_000);

  it('shows what arrived while the socket was cut once it reconnects', async () => {
    const page = h.owner.page;
    await page.getByTestId('view-open').click();
    await expectText(page.getByTestId('connection'), 'En direct');
    // Let the last sends' echoes and refreshes settle, so only the socket can bring news.
    await h.sandbox.meta.idle();
    await page.waitForTimeout(500);
    await h.cutSocket();
    await page.locator('[data-testid=connection][data-state=reconnecting]').waitFor();

    await h.sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6100', text: 'Message envoyé pendant la coupure' });
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/conversations?view=open&limit=5')).conversations
      .some((c: any) => c.lastMessage?.text === 'Message envoyé pendant la coupure'), 'the message to be stored');
    expect(await row(page, 'pendant la coupure').count()).toBe(0);

    h.restoreSocket();
    await row(page, 'pendant la coupure').waitFor({ timeout: 10_000 });
    await expectText(page.getByTestId('connection'), 'En direct');

    // The whole inbox speaks English once switched, help overlay included.
    await page.getByTestId('language-select').selectOption('en');
    await expectText(page.getByTestId('view-waiting'), 'Waiting on customer');
    await expectText(page.getByTestId('connection'), 'Live');
    await row(page, 'pendant la coupure').click();
    await expectText(page.getByTestId('tab-private'), 'Private reply');
    await expectText(page.getByTestId('policy'), 'The Messenger window closes');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('?');
    await expectText(page.getByTestId('inbox-shortcuts'), 'Assign the conversation to me');
    await page.keyboard.press('Escape');
    await shot(page, 'inbox-en');

    // Léa's correction from the Messenger journey reached the team's model page.
    await page.goto(`${h.server.url}/settings/model`);
    await expectText(page.getByTestId('model-corrections'), '1');
    await shot(page, 'settings-model');
  }, 30_000);

  it('lists a message that arrived while the console was still opening its socket', async () => {
    const page = h.owner.page;
    // The console opens with its socket refused: the list is read, the socket not there yet.
    await h.cutSocket();
    await page.goto(`${h.server.url}/`);
    await page.getByTestId('view-open').click();
    await row(page, 'pendant la coupure').waitFor();
    await h.sandbox.meta.messengerMessage({ pageId: PAGE, psid: '6200', text: 'Arrivé avant la connexion' });
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/conversations?view=open&limit=5')).conversations
      .some((c: any) => c.lastMessage?.text === 'Arrivé avant la connexion'), 'the message to be stored');
    expect(await row(page, 'avant la connexion').count()).toBe(0);

    // The socket's first hello starts after that message: the list is read again once connected.
    h.restoreSocket();
    await page.locator('[data-testid=connection][data-state=connected]').waitFor();
    await row(page, 'avant la connexion').waitFor({ timeout: 10_000 });
  }, 30_000);
});
