/**
 * The console journey a shop goes through on day one: set up, sign in again, invite a
 * teammate who joins from another browser, then switch the UI to English for good.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { startRelais, type RunningRelais } from './relais-server.ts';
import { expectText } from './wait.ts';

const owner = { workspace: 'Boutique Léa', name: 'Léa Martin', email: 'lea@boutique-lea.fr', password: 'cafe-au-lait-2024' };
const teammate = { name: 'Karim Haddad', email: 'karim@boutique-lea.fr', password: 'pain-au-chocolat-7' };
const shot = (name: string) => join(tmpdir(), `relais-console-${name}.png`);

describe.skipIf(!chromiumAvailable())('agent console journey', () => {
  let relais: RunningRelais;
  let lea: Profile;
  let karim: Profile | undefined;

  beforeAll(async () => {
    relais = await startRelais();
    lea = await openProfile({ locale: 'fr-FR' });
  });

  afterAll(async () => {
    await karim?.close();
    await lea?.close();
    await relais?.close();
  });

  it('sets up, invites a teammate who joins, and keeps the chosen language', async () => {
    const page = lea.page;

    // First run: any address leads to setup.
    await page.goto(`${relais.url}/`);
    await page.waitForURL('**/setup');
    await expectText(page.locator('h1'), 'Bienvenue dans Relais');
    await page.screenshot({ path: shot('setup') });
    await page.fill('input[name=workspaceName]', owner.workspace);
    await page.fill('input[name=name]', owner.name);
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', owner.password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL('**/inbox');
    await expectText(page.getByTestId('inbox-empty'), 'Aucune conversation pour l’instant');
    await expectText(page.getByTestId('workspace-switcher'), owner.workspace);

    // Sign out, then back in.
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/sign-in');
    await page.fill('input[name=email]', owner.email);
    await page.fill('input[name=password]', owner.password);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL('**/inbox');

    // "g t" goes to the team page; invite Karim as an agent and read the one-time link.
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.waitForURL('**/team');
    const invite = page.getByTestId('invite-form');
    await invite.locator('input[name=email]').fill(teammate.email);
    await invite.locator('select[name=role]').selectOption('agent');
    await invite.getByRole('button', { name: 'Créer l’invitation' }).click();
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${relais.url}/invite/[^/]+$`));
    await expectText(page.getByTestId('pending-invitations'), teammate.email);
    await page.screenshot({ path: shot('team-invite'), fullPage: true });

    // Karim, in his own browser (English), opens the link and creates his account.
    karim = await openProfile({ locale: 'en-US' });
    await karim.page.goto(link);
    await expectText(karim.page.locator('h1'), `Join ${owner.workspace}`);
    await expectText(karim.page.getByTestId('invite-summary'), 'Agent');
    await karim.page.fill('input[name=name]', teammate.name);
    await karim.page.fill('input[name=password]', teammate.password);
    await karim.page.press('input[name=password]', 'Enter');
    await karim.page.waitForURL('**/inbox');
    await expectText(karim.page.getByTestId('workspace-switcher'), owner.workspace);
    await expectText(karim.page.getByTestId('inbox-empty'), 'No conversations yet');
    // Agents read the team but cannot change it.
    await karim.page.getByTestId('nav-team').click();
    await karim.page.getByTestId('team-read-only').waitFor();
    expect(await karim.page.getByTestId('invite-form').count()).toBe(0);

    // Back as the owner: Karim is listed as an agent and his invitation is no longer pending.
    await page.reload();
    const karimRow = page.locator(`[data-testid=member-row][data-email="${teammate.email}"]`);
    await expectText(karimRow, teammate.name);
    expect(await karimRow.locator('select').inputValue()).toBe('agent');
    expect(await karimRow.locator('select option:checked').textContent()).toBe('Agent');
    expect(await page.getByTestId('pending-invitations').textContent()).not.toContain(teammate.email);

    // Switch to English: the UI changes at once and stays English after a reload, even
    // with this browser's memory wiped, because the choice is saved on the account.
    await page.getByTestId('language-select').first().selectOption('en');
    await expectText(page.getByTestId('nav-inbox'), 'Inbox');
    await expectText(page.locator('h1'), 'Team');
    await page.getByTestId('nav-inbox').click();
    await expectText(page.getByTestId('inbox-empty'), 'No conversations yet');
    await page.reload();
    await expectText(page.getByTestId('inbox-empty'), 'No conversations yet');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expectText(page.getByTestId('view-unassigned'), 'Unassigned');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: shot('inbox-en') });

    // Nothing went wrong in either browser (CSP violations and script errors land here).
    expect(lea.errors).toEqual([]);
    expect(karim.errors).toEqual([]);
  }, 30_000);
});
