/**
 * The owner's reports: open the care report, drill from the first response's p90 into the
 * slow conversations, export them as CSV with a progress bar, then read it all in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { rawRows } from '../src/reports/testing.ts';

const MIN = 60_000;

describe.skipIf(!chromiumAvailable())('reports journey', () => {
  let h: InboxHarness;
  beforeAll(async () => {
    h = await startInboxHarness({ connect: true });
    const me = await h.ownerApi.get('/api/v1/me');
    const raw = rawRows(() => h.server.relais.store.db, me.workspace.id);
    const channelId = await raw.channel('x', 'X Maison Lune');
    // Ten conversations two days ago, answered after 1…10 minutes (calendar): the p90 is
    // 9 min 6 s (rank 1 + 0.9 × 9 = 9.1), so exactly one conversation, the 10-minute one, is slower.
    const start = Date.now() - 2 * 86_400_000;
    for (let i = 1; i <= 10; i++) {
      const at = start + i * 3_600_000;
      const conversationId = await raw.conversation(channelId, at);
      await raw.message({ conversationId, channelId, direction: 'in', at, sentiment: i % 3 === 0 ? 'negative' : 'positive', text: `Bonjour, commande ${i}` });
      await raw.message({ conversationId, channelId, direction: 'out', author: 'user', authorId: me.user.id, at: at + i * MIN });
    }
  }, 120_000);
  afterAll(async () => h?.close());

  it('opens the care report, drills from the p90 into the slow conversations, exports them and switches to English', async () => {
    const page = h.owner.page;
    await page.goto(`${h.server.url}/reports`);
    await page.getByTestId('care-report').waitFor();
    expect(await page.getByTestId('care-conversations').textContent()).toBe('10');
    await page.getByTestId('report-chart').waitFor();
    await page.getByTestId('report-definitions').waitFor();

    await page.getByTestId('first-response-p90-calendar').click();
    await page.getByTestId('drill-panel').waitFor();
    await page.getByTestId('drill-row').first().waitFor();
    expect(await page.getByTestId('drill-row').count()).toBe(1);
    expect(await page.getByTestId('drill-rows').textContent()).toContain('10');

    await page.getByTestId('drill-export').click();
    await page.getByTestId('export-progress').waitFor();
    const download = page.getByTestId('export-download');
    await download.waitFor();
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await download.getAttribute('href'))!);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('conversationId');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(String(10 * MIN));

    await page.getByTestId('language-select').first().selectOption('en');
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByText('90th percentile').first().waitFor();
    await page.getByText('This is a comparison, not proof', { exact: false }).waitFor();
  }, 60_000);
});
