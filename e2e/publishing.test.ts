/**
 * Publishing in Chromium against a real Relais and the sandbox: Karim, community manager,
 * composes one post for Facebook, Instagram and X, sees X's length and Instagram's missing
 * image flagged as he types and fixes both live, submits it; he moves it in the calendar by
 * dragging it to another day and back with the keyboard; Léa, the owner, approves it; the
 * calendar shows it published without a reload, and each network received exactly one post.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { jpegBytes } from '../src/publishing/test-images.ts';
import { profileApi, type ProfileApi } from './api.ts';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { shot } from './inbox-harness.ts';
import { startRelais, type RunningRelais } from './relais-server.ts';
import { expectText, waitUntil } from './wait.ts';

const SECRET = 'e2e-publishing-meta-secret';
const PAGE = '1000000000000815';
const IG = '17841400000000815';
const X_ACCOUNT = '1480000000000000815';
const lea = { workspaceName: 'Maison Lune', name: 'Léa Martin', email: 'lea@maison-lune.fr', password: 'cafe-au-lait-2024' };
const karimAccount = { name: 'Karim Haddad', email: 'karim@maison-lune.fr', password: 'pain-au-chocolat-7' };
const MINUTE = 60_000;
/** `YYYY-MM-DDTHH:mm` in Paris, the workspace's zone. */
const parisLocal = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  .format(at).replace(' ', 'T');

describe.skipIf(!chromiumAvailable())('publishing journey', () => {
  let server: RunningRelais;
  let sandbox: Sandbox;
  let owner: Profile;
  let karim: Profile;
  let ownerApi: ProfileApi;

  beforeAll(async () => {
    server = await startRelais({ env: { RELAIS_META_APP_SECRET: SECRET } });
    sandbox = await startSandbox({ relaisUrl: server.url, meta: { appSecret: SECRET } });
    sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: 'PAGE_TOKEN_e2e_pub_0815', instagramId: IG, instagramUsername: 'maisonlune' });
    sandbox.x.addAccount({ id: X_ACCOUNT, screenName: 'maisonlune', name: 'Maison Lune', accessToken: 'X_TOKEN_e2e_pub_0815' });
    sandbox.pinterest.addAccount({ username: 'maisonlune', accessToken: 'PIN_TOKEN_e2e_pub_0815' });
    sandbox.pinterest.addBoard({ username: 'maisonlune', name: 'Bijoux', id: '549755000815' });
    owner = await openProfile({ locale: 'fr-FR' });
    ownerApi = profileApi(owner.context, server.url);
    await ownerApi.post('/api/v1/setup', lea);
    await ownerApi.post('/api/v1/channels', { kind: 'meta', pageId: PAGE, pageToken: 'PAGE_TOKEN_e2e_pub_0815', instagramId: IG, apiBase: sandbox.meta.graphUrl });
    await ownerApi.post('/api/v1/channels', { kind: 'x', accountId: X_ACCOUNT, accessToken: 'X_TOKEN_e2e_pub_0815', apiBase: sandbox.url });
    await ownerApi.post('/api/v1/publishing/pinterest', { accessToken: 'PIN_TOKEN_e2e_pub_0815', apiBase: sandbox.url });
    await ownerApi.put('/api/v1/publishing/settings', { approvalRequired: true, rhythm: {} });
    const invited = await ownerApi.post('/api/v1/invitations', { email: karimAccount.email, role: 'community_manager' });
    karim = await openProfile({ locale: 'fr-FR' });
    await profileApi(karim.context, server.url).post('/api/v1/invitations/accept', { token: decodeURIComponent(String(invited.url).split('/').pop()!), name: karimAccount.name, password: karimAccount.password });
  });
  afterAll(async () => {
    await karim?.close();
    await owner?.close();
    await sandbox?.close();
    await server?.close();
  });

  it('composes for three networks, fixes validation live, moves the post in the calendar, gets it approved and sees it published once', async () => {
    const page = karim.page;
    await page.goto(`${server.url}/inbox`);
    // Publishing is reached from Réglages (the header keeps one row at 1280 px), or with g p.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-publishing').click();
    await page.getByTestId('publishing-page').waitFor();
    // Soon enough to watch it go out, late enough to write it first.
    const at = Math.ceil((Date.now() + 75_000) / MINUTE) * MINUTE;

    await page.keyboard.press('n');
    const composer = page.getByTestId('pub-composer');
    await composer.waitFor();
    await composer.getByTestId('pub-network-instagram').check();
    await composer.getByTestId('pub-network-x').check();
    await expect(composer.getByTestId('pub-network-facebook').isChecked()).resolves.toBe(true);
    const long = 'La collection Lune arrive demain matin : bagues, colliers et boucles d’oreilles en or recyclé, façonnés à la main dans notre atelier de Lyon. '.repeat(2).trim();
    await composer.getByTestId('pub-text').fill(long);
    // X counts this past 280 and Instagram wants an image: both said as he types, in French.
    await expectText(composer.getByTestId('pub-errors-x'), 'Trop long pour X');
    await expectText(composer.getByTestId('pub-errors-instagram'), 'Instagram exige au moins une image');
    expect(Number((await composer.getByTestId('pub-counter-x').textContent())!.split('/')[0])).toBeGreaterThan(280);
    await expect(composer.getByTestId('pub-schedule').isDisabled()).resolves.toBe(true);
    await composer.locator('[data-testid=pub-check-facebook][data-valid=true]').waitFor();
    await shot(page, 'publishing-errors');

    await composer.getByTestId('pub-override-toggle-x').check();
    await composer.getByTestId('pub-override-x').fill('La collection Lune arrive demain 🌙 bagues et colliers en or recyclé');
    await composer.locator('[data-testid=pub-check-x][data-valid=true]').waitFor();
    await composer.getByTestId('pub-upload').setInputFiles({ name: 'bague-lune.jpg', mimeType: 'image/jpeg', buffer: jpegBytes() });
    await composer.locator('[data-testid=pub-check-instagram][data-valid=true]').waitFor();
    expect(await composer.getByTestId('pub-errors-x').count()).toBe(0);
    await expectText(composer.getByTestId('pub-preview-x'), 'La collection Lune arrive demain 🌙');
    await composer.getByTestId('pub-when').fill(parisLocal(at));
    await expectText(composer.getByTestId('pub-schedule'), 'Soumettre à validation');
    await shot(page, 'publishing-composer');
    await composer.getByTestId('pub-schedule').click();
    await composer.waitFor({ state: 'detached' });

    // In the calendar, submitted: drag it to another day, then bring it back with the keyboard.
    const chip = page.locator('[data-testid=pub-chip][data-status=pending_approval]');
    await chip.waitFor();
    const postId = (await chip.getAttribute('data-post'))!;
    const day = parisLocal(at).slice(0, 10);
    const days = await page.locator('[data-testid=pub-day]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-day')));
    const [neighbour, back] = days.includes(nextDay(day, 1)) ? [nextDay(day, 1), 'ArrowLeft'] : [nextDay(day, -1), 'ArrowRight'];
    await chip.dragTo(page.locator(`[data-testid=pub-day][data-day="${neighbour}"]`));
    await page.locator(`[data-testid=pub-day][data-day="${neighbour}"] [data-testid=pub-chip][data-post="${postId}"]`).waitFor();
    const karimApi = profileApi(karim.context, server.url);
    expect(Math.abs((await karimApi.get(`/api/v1/posts/${postId}`)).scheduledAt - at)).toBe(86_400_000);
    await page.locator(`[data-testid=pub-chip][data-post="${postId}"]`).focus();
    await page.keyboard.press(`Shift+${back}`);
    await page.locator(`[data-testid=pub-day][data-day="${day}"] [data-testid=pub-chip][data-post="${postId}"]`).waitFor();
    await waitUntil(async () => (await karimApi.get(`/api/v1/posts/${postId}`)).scheduledAt === at, 'the post back at its time');
    await shot(page, 'publishing-calendar');

    // Léa approves it from the posts waiting for her.
    const admin = owner.page;
    await admin.goto(`${server.url}/publishing`);
    await admin.getByTestId('pub-pending-item').click();
    await admin.getByTestId('pub-review').waitFor();
    await admin.getByTestId('pub-approve').click();
    await admin.getByTestId('pub-composer').waitFor({ state: 'detached' });
    await admin.locator(`[data-testid=pub-chip][data-post="${postId}"][data-status=scheduled]`).waitFor();
    expect(sandbox.meta.pagePosts(PAGE)).toHaveLength(0);

    // At its time it goes out; both calendars turn it published without a reload.
    await admin.locator(`[data-testid=pub-chip][data-post="${postId}"][data-status=published]`).waitFor({ timeout: 150_000 });
    await page.locator(`[data-testid=pub-chip][data-post="${postId}"][data-status=published]`).waitFor({ timeout: 10_000 });
    expect(sandbox.meta.pagePosts(PAGE)).toHaveLength(1);
    expect(sandbox.meta.instagramMedia(PAGE)).toHaveLength(1);
    expect(sandbox.x.tweets.map((t) => t.text)).toEqual(['La collection Lune arrive demain 🌙 bagues et colliers en or recyclé']);
    expect(sandbox.meta.pagePosts(PAGE)[0]!.message).toBe(long);
    const published = await ownerApi.get(`/api/v1/posts/${postId}`);
    expect(published.versions.map((v: { status: string }) => v.status)).toEqual(['published', 'published', 'published']);
    await shot(admin, 'publishing-published');

    // The list view (l) has it, published; the best-times map (b) queues the next good slot.
    await admin.keyboard.press('l');
    await admin.locator('[data-testid=pub-list-row][data-status=published]').waitFor();
    await admin.keyboard.press('b');
    await admin.getByTestId('pub-times').locator('td[data-level]').first().waitFor();
    await expectText(admin.getByTestId('pub-times-note'), 'Pas encore assez de données');
    await admin.getByTestId('pub-queue').click();
    const queued = admin.getByTestId('pub-composer');
    await queued.waitFor();
    expect(await queued.getByTestId('pub-when').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
    await admin.keyboard.press('Escape');
    await queued.waitFor({ state: 'detached' });
    await admin.keyboard.press('?');
    await expectText(admin.getByTestId('publishing-shortcuts'), 'Nouvelle publication');
    expect(karim.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  }, 240_000);
});

function nextDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
