/**
 * The inbox at work beyond the first answers: the keyboard, a list longer than one page, and
 * a channel Meta cut off, flagged where agents and admins will see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_DEPTH } from '../src/store/index.ts';
import { chromiumAvailable } from './browser.ts';
import { PAGE, row, shot, startInboxHarness, TOKEN, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('agent inbox at work', () => {
  let h: InboxHarness;

  beforeAll(async () => {
    h = await startInboxHarness({ connect: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('works from the keyboard and pages through a long list', async () => {
    const page = h.owner.page;
    const ids = Array.from({ length: 33 }, (_, i) => `${7000 + i}`);
    for (const [i, id] of ids.entries()) h.sandbox.meta.addUser({ id, name: `Client ${i + 1}` });
    await h.sandbox.meta.batch(ids.map((id, i) => h.sandbox.meta.events.messengerMessage({ pageId: PAGE, psid: id, text: `Question numéro ${i + 1}` })));
    // Messenger sends no names: Relais fetches each profile after the message, then the list is complete.
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/conversations?view=unassigned&limit=100')).conversations
      .filter((c: any) => c.contact?.name?.startsWith('Client ')).length === 33, 'the burst and its profiles', 15_000);

    await page.goto(`${h.server.url}/inbox?view=unassigned`);
    await expectText(row(page, 'Question numéro 33'), 'Client 33');
    expect(await page.getByTestId('conversation-row').count()).toBe(30);
    await page.getByTestId('load-more').scrollIntoViewIfNeeded();
    await waitUntil(async () => (await page.getByTestId('conversation-row').count()) === 33, 'the next page on scroll');

    // j/k move, Enter opens, n writes a note, a assigns to me, e resolves, / searches.
    const second = (await page.getByTestId('conversation-row').nth(1).locator('.row-name').textContent()) ?? '';
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('conversation-name'), second);
    await page.keyboard.press('n');
    await page.locator('[data-testid=composer][data-visibility=note]').waitFor();
    await page.keyboard.type('Client fidèle, voir @lé');
    await expectText(page.getByTestId('suggestions'), 'Léa Martin');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('composer-text').inputValue()).toBe('Client fidèle, voir @Léa Martin ');
    await page.keyboard.press('Control+Enter');
    await expectText(page.locator('[data-testid=message][data-kind=note]'), 'Note interne');
    await page.getByTestId('composer-text').press('Escape');
    await page.keyboard.press('a');
    await waitUntil(async () => (await page.getByTestId('assignee-select').inputValue()) !== '', 'the assignment');
    await page.keyboard.press('e');
    await page.locator('[data-testid=conversation-status][data-status=resolved]').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('numéro 7');
    await waitUntil(async () => (await page.getByTestId('conversation-row').count()) === 1, 'the search results');
    expect(h.owner.errors).toEqual([]);
  }, 30_000);

  it('says when a search matched more messages than it reads, and asks for a narrower one', async () => {
    const page = h.owner.page;
    const db = h.server.relais.store.db;
    const workspaceId = (await h.ownerApi.get('/api/v1/me')).workspace.id as string;
    const [conversation] = (await h.ownerApi.get('/api/v1/conversations?view=unassigned&limit=1')).conversations;
    const now = Date.now();
    // A busy year of one word: one message past the depth the search reads.
    const messages = Array.from({ length: SEARCH_DEPTH + 1 }, (_, i) => ({
      workspace_id: workspaceId, id: `m_bulk_${i}`, conversation_id: conversation.id, channel_id: conversation.channel.id, direction: 'in' as const,
      kind: 'message' as const, author_type: 'contact' as const, author_id: null, text: `Suivi de commande ${i}`, external_id: `mid_bulk_${i}`,
      attachments: '[]', meta: '{}', platform_created_at: now - 86_400_000 - i, created_at: now - 86_400_000 - i, edited_at: null, platform_updated_at: null, reply_to_external_id: null,
    }));
    for (let i = 0; i < messages.length; i += 1000) await db.insertInto('messages').values(messages.slice(i, i + 1000)).execute();

    // Searched from the list's box the first journey left open; its search is put back after.
    await page.getByTestId('inbox-search').fill('commande');
    await expectText(page.getByTestId('search-capped'), 'messages correspondent', 10_000);
    expect(await page.getByTestId('search-capped').textContent()).toMatch(/Plus de 5\s000 messages correspondent.*Affinez la recherche/u);
    // One of those messages only: no notice.
    await page.getByTestId('inbox-search').fill('commande 4999');
    await waitUntil(async () => (await page.getByTestId('search-capped').count()) === 0 && (await page.getByTestId('conversation-row').count()) === 1, 'a search within the depth');
    await page.getByTestId('inbox-search').fill('numéro 7');
    await waitUntil(async () => (await page.getByTestId('conversation-row').count()) === 1, 'the first journey\'s search again');
    expect(h.owner.errors).toEqual([]);
  }, 30_000);

  it('flags a channel Meta cut off, in the inbox and in Settings', async () => {
    const page = h.owner.page;
    h.sandbox.meta.revokeToken(TOKEN);
    await page.getByTestId('tab-private').click();
    await page.getByTestId('composer-text').fill('Nous revenons vers vous demain.');
    await page.getByTestId('composer-text').press('Control+Enter');
    await expectText(page.getByTestId('reconnect-notice'), 'À reconnecter : Maison Lune', 8000);
    await expectText(page.locator('[data-testid=delivery][data-state=failed]'), 'le canal doit être reconnecté');
    await page.getByTestId('reconnect-notice').getByRole('link').click();
    await page.locator('[data-testid=channel-row][data-status=needs_reconnect]').waitFor();
    await shot(page, 'settings-channels');
    expect(h.owner.errors).toEqual([]);
  }, 30_000);
});
