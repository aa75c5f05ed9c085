/**
 * The attribution page as a community manager sees it: the report (reports.read), without the
 * code-mapping form that needs channels.manage, and without an error box from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileApi } from './api.ts';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { startInboxHarness, type InboxHarness } from './inbox-harness.ts';

const nina = { name: 'Nina Roux', email: 'nina@boutique-lea.fr', password: 'tarte-tatin-1987' };

describe.skipIf(!chromiumAvailable())('attribution for a community manager', () => {
  let h: InboxHarness;
  let cm: Profile | undefined;
  beforeAll(async () => { h = await startInboxHarness({ connect: true }); });
  afterAll(async () => {
    await cm?.close();
    await h?.close();
  });

  it('shows the report without the mapping form or a refusal', async () => {
    const invitation = await h.ownerApi.post('/api/v1/invitations', { email: nina.email, role: 'community_manager' });
    cm = await openProfile({ locale: 'fr-FR' });
    await profileApi(cm.context, h.server.url).post('/api/v1/invitations/accept', { token: invitation.url.split('/invite/')[1], name: nina.name, password: nina.password });
    await cm.page.goto(`${h.server.url}/settings/attribution`);
    await cm.page.getByTestId('attribution-report').waitFor();
    await cm.page.getByTestId('attribution-none').waitFor();
    await cm.page.waitForLoadState('networkidle');
    expect(await cm.page.getByTestId('promo-mapping').count()).toBe(0);
    expect(await cm.page.getByTestId('alert-error').count()).toBe(0);

    // The owner still maps codes there.
    await h.owner.page.goto(`${h.server.url}/settings/attribution`);
    await h.owner.page.getByTestId('promo-mapping').waitFor();
  });
});
