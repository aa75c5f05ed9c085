/**
 * Réglages › Jetons d'API, as an owner: create a read token (its value shown once), see it
 * listed, use it from outside the browser, see its last use after a reload, revoke it. Then
 * the team model's retraining, whose progress bar moves to full from the job's events alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('API tokens and progress in Réglages', () => {
  let h: InboxHarness;
  beforeAll(async () => { h = await startInboxHarness(); });
  afterAll(async () => { await h?.close(); });

  it('creates a read token, shows it once, records its use, and revokes it', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/tokens`);
    const form = page.getByTestId('token-new');
    await form.getByLabel('Nom').fill('Tableur compta');
    await form.getByLabel('Lecture').check();
    await form.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^rls_/);
    await expect(page.getByTestId('token-secret-box').getByRole('button', { name: 'Copier' }).isVisible()).resolves.toBe(true);
    const row = page.getByTestId('token-row').filter({ hasText: 'Tableur compta' });
    await expectText(row, 'Lecture');
    await expectText(row.getByTestId('token-last-used'), 'Jamais utilisé');

    // Used from outside the browser, as the shop's spreadsheet would: it reads, and may not write.
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${h.server.url}/api/v1/conversations`, { headers: bearer })).status).toBe(200);
    const write = await fetch(`${h.server.url}/api/v1/labels`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', color: '#123456' }) });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('auth.token_scope');

    // Leaving the page drops the secret for good; the list shows the use.
    await page.reload();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    const listed = page.getByTestId('token-row').filter({ hasText: 'Tableur compta' });
    const lastUsed = listed.getByTestId('token-last-used');
    await waitUntil(async () => /maintenant|il y a/.test((await lastUsed.textContent()) ?? ''), 'the last use to be shown');
    expect(await lastUsed.getAttribute('title')).toMatch(/^Depuis /);

    await listed.getByRole('button', { name: 'Révoquer' }).click();
    await listed.getByRole('button', { name: 'Révoquer « Tableur compta »' }).click();
    await expectText(listed.getByTestId('token-state'), 'Révoqué le');
    expect((await fetch(`${h.server.url}/api/v1/conversations`, { headers: bearer })).status).toBe(401);
    expect(h.owner.errors).toEqual([]);
  }, 60_000);

  it('shows the retraining as a live progress bar that completes without a reload', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/model`);
    await page.getByTestId('model-none').waitFor();
    await page.getByTestId('model-retrain').click();
    const bar = page.getByRole('progressbar', { name: 'Réentraînement du modèle' });
    await bar.waitFor();
    await waitUntil(async () => (await page.getByTestId('progress-insight.retrain').getAttribute('data-status')) === 'done', 'the retraining to finish', 15_000);
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    await expectText(page.getByTestId('progress-insight.retrain'), 'Terminé');
    // Its end rereads the model: version 1 appears in place.
    await expectText(page.getByTestId('model-version'), '1');
    expect(h.owner.errors).toEqual([]);
  }, 40_000);
});
