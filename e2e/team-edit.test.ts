/**
 * An admin edits a team she created: the console sends the team's fields, not its id, so the
 * new capacity is stored rather than refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('editing a team', () => {
  let h: InboxHarness;
  beforeAll(async () => { h = await startInboxHarness({ connect: true }); });
  afterAll(async () => { await h?.close(); });

  it('saves a changed capacity on an existing team', async () => {
    const me = await h.ownerApi.get('/api/v1/me');
    const userId: string = me.user.id;
    const created = await h.ownerApi.post('/api/v1/teams', { name: 'Boutique', members: [{ userId, capacity: 3 }] });
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/teams`);
    const team = page.getByTestId('team-row').filter({ hasText: 'Boutique' });
    await team.locator('summary').first().click();
    const form = team.getByTestId('team-form');
    await form.getByTestId('team-capacity').fill('7');
    await form.getByTestId('team-save').click();
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/teams')).teams.some((t: any) => t.id === created.id && t.members[0]?.capacity === 7), 'the new capacity stored');
    expect(await form.getByTestId('alert-error').count()).toBe(0);
    await expectText(page.getByTestId('team-row'), 'Boutique');
    expect(h.owner.errors).toEqual([]);
  }, 40_000);
});
