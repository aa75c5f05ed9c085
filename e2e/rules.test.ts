/**
 * Automation in Chromium: Léa builds a rule in Réglages (condition, action, "Tester"), sees it
 * in the list, and a matching comment is hidden on Facebook with the rule named on the message;
 * the composer warns (without blocking) when a public reply breaks the brand voice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { POST, row, shot, startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('automation rules journey', () => {
  let h: InboxHarness;

  beforeAll(async () => {
    h = await startInboxHarness({ connect: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('builds a rule, tests it, saves it, and the rule hides the next matching comment', async () => {
    const page = h.owner.page;
    await h.sandbox.meta.comment({ postId: POST, from: '6200', message: 'Cette boutique est une arnaque totale' });
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/conversations')).conversations.length === 1, 'the first comment');

    await page.goto(`${h.server.url}/settings/rules`);
    await page.getByTestId('rule-new').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('Arnaques');
    await editor.getByTestId('add-condition').selectOption('text_contains');
    await editor.getByTestId('rule-condition').locator('input').first().fill('arnaque, escroquerie');
    await editor.getByTestId('rule-condition').locator('input').first().blur();
    await editor.getByTestId('add-action').selectOption('hide_comment');
    await editor.getByTestId('rule-test').click();
    await expectText(editor.getByTestId('rule-dry-run'), '1 message(s) sur 1');
    await expectText(editor.getByTestId('rule-dry-run'), 'Cette boutique est une arnaque totale');
    await editor.getByTestId('rule-save').click();
    await expectText(page.getByTestId('rule-row'), 'Arnaques');
    await expectText(page.getByTestId('rule-row'), 'v1');
    await shot(page, 'settings-rules');

    await h.sandbox.meta.comment({ postId: POST, from: '6100', message: 'Encore une ARNAQUE, fuyez' });
    await waitUntil(async () => h.sandbox.meta.hidden.length === 1, 'the hide on Facebook', 10_000);
    await page.goto(`${h.server.url}/inbox?view=unassigned`);
    await row(page, 'Encore une ARNAQUE').click();
    const message = page.locator('[data-testid=message]', { hasText: 'Encore une ARNAQUE' });
    await expectText(message.getByTestId('moderation'), 'Masqué par la règle « Arnaques » v1', 8000);
    await expectText(message.getByTestId('rule-trail'), 'Règle « Arnaques » v1');
    expect(h.owner.errors).toEqual([]);
  }, 40_000);

  it('warns under the composer when a public reply says "tu" to a shop that says "vous"', async () => {
    const page = h.owner.page;
    await page.getByTestId('tab-public').click();
    await page.getByTestId('composer-text').fill('Salut, tu peux nous écrire en privé ?');
    await expectText(page.getByTestId('voice-warnings'), 'tutoie le client');
    await expect(page.getByTestId('send').isEnabled()).resolves.toBe(true);
    await shot(page, 'composer-voice-warning');
    expect(h.owner.errors).toEqual([]);
  }, 20_000);

  it('offers the charter\'s protective private reply, and rings the bell for a rule that notifies', async () => {
    const page = h.owner.page;
    await h.ownerApi.post('/api/v1/rules', { name: 'Colis', event: 'message_received', conditions: [{ type: 'text_contains', terms: ['colis'] }], actions: [{ type: 'notify', to: { kind: 'admins' } }] });
    await page.goto(`${h.server.url}/inbox?view=unassigned`);
    await expectText(page.getByTestId('connection'), 'En direct');
    await h.sandbox.meta.comment({ postId: POST, from: '6100', message: 'Mon colis est perdu, appelez-moi au 06 12 34 56 78' });
    await expectText(page.getByTestId('bell-count'), '1', 10_000);
    await page.getByTestId('bell').click();
    await page.getByRole('button', { name: /Règle « Colis »/ }).click();
    const message = page.locator('[data-testid=message]', { hasText: 'Mon colis est perdu' });
    await expectText(message.getByTestId('proposed-reply'), 'Nous l’avons fait pour vous protéger', 8000);
    await message.getByTestId('use-proposed-reply').click();
    await page.locator('[data-testid=composer][data-visibility=private]').waitFor();
    expect(await page.getByTestId('composer-text').inputValue()).toContain('votre numéro de téléphone');
    await shot(page, 'charter-proposed-reply');
    expect(h.owner.errors).toEqual([]);
  }, 30_000);
});

