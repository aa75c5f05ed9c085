/**
 * A contest in Chromium against a real Relais and the Meta sandbox: Léa creates a contest from
 * a Facebook post, watches entries arrive live, draws once it has ended, downloads the proof
 * (which re-runs to the same winner) and sees the winner told by private reply.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawFromCsv } from '../src/contests/index.ts';
import { chromiumAvailable } from './browser.ts';
import { POST, shot, startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('contest journey', () => {
  let h: InboxHarness;

  beforeAll(async () => {
    h = await startInboxHarness({ connect: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a contest from a post, shows entries live, draws, downloads the proof and tells the winner', async () => {
    const page = h.owner.page;
    // The post is known once a comment arrives on it.
    await h.sandbox.meta.comment({ postId: POST, from: '6100', message: 'Je participe #Lune avec @julie 🌙' });
    await waitUntil(async () => (await h.ownerApi.get('/api/v1/contests/posts')).posts.length === 1, 'the post to be known');

    await page.goto(`${h.server.url}/contests`);
    const form = page.getByTestId('contest-form');
    await form.getByTestId('contest-post').check();
    await form.locator('input[name=name]').fill('Bague lune');
    const local = (ms: number) => page.evaluate((at) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 19), ms);
    const endsAt = Date.now() + 15_000;
    await form.locator('input[name=start]').fill(await local(Date.now() - 60_000));
    await form.locator('input[name=end]').fill(await local(endsAt));
    await form.locator('input[name=keyword]').fill('#Lune');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('contest-commitment').waitFor();
    const commitment = (await page.getByTestId('contest-commitment').textContent())!.trim();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    await expectText(page.getByTestId('live-facebook-entries'), '1');

    // Entries arrive while Léa watches: the counts move without a reload.
    await h.sandbox.meta.comment({ postId: POST, from: '6200', message: 'Trop belle ! #Lune' });
    await expectText(page.getByTestId('live-facebook-entries'), '2', 10_000);
    await expectText(page.getByTestId('live-facebook-eligible'), '2');
    await h.sandbox.meta.comment({ postId: POST, from: '6200', message: 'Encore moi #Lune' });
    await expectText(page.getByTestId('live-facebook-entries'), '3', 10_000);
    await expectText(page.getByTestId('live-facebook-eligible'), '2');
    await expectText(page.locator('[data-testid=contest-entry][data-eligible=no]'), 'Déjà inscrit');
    await shot(page, 'contest-live');

    await waitUntil(() => Date.now() > endsAt + 500, 'the end of the contest', 20_000);
    await page.getByTestId('contest-draw').click();
    await page.getByTestId('contest-seed').waitFor();
    await expect(page.getByTestId('contest-winner').count()).resolves.toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contest-proof').click()]);
    const proof = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(proof.commitment).toBe(commitment);
    expect(createHash('sha256').update(proof.seed).digest('hex')).toBe(commitment);
    const again = drawFromCsv(Buffer.from(proof.entriesCsv, 'utf8'), proof.seed, proof.winners, proof.alternates);
    expect(again.entriesHash).toBe(proof.entriesHash);
    expect(again.picks.map((p) => p.entry.entryId)).toEqual(proof.picks.map((p: any) => p.entryId));

    await page.getByTestId('contest-notify').click();
    await page.locator('[data-testid=contest-winner][data-notice=sent]').waitFor({ timeout: 10_000 });
    await expectText(page.locator('[data-testid=contest-winner][data-notice=sent]'), 'Prévenu');
    await expectText(page.locator('[data-testid=contest-winner][data-notice=pending]'), 'Pas encore prévenu');
    await waitUntil(() => h.sandbox.meta.sent.some((m) => m.commentId && m.text?.includes('Bague lune')), 'the private reply at the sandbox');
    expect(await page.getByTestId('contest-announcement').inputValue()).toContain('Bravo à');
    await shot(page, 'contest-drawn');

    // Both entrants now show among the ambassadors, with why.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-contests').click();
    await page.getByTestId('nav-ambassadors').click();
    await expectText(page.getByTestId('ambassadors'), 'Camille Martin');
    await expectText(page.getByTestId('ambassadors'), 'Hugo Leroy');
    await expectText(page.getByTestId('ambassador-why').first(), 'participation(s) à un jeu');
    await shot(page, 'ambassadors');
    expect(h.owner.errors).toEqual([]);
  }, 60_000); // the contest must run 15 s before its draw
});
