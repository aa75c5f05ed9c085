/**
 * A message the widget could not send is sent again, whole, when the visitor taps "retry":
 * a picture sent while the line was down reaches the team as the picture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { startWidgetHarness, widgetFrame as widget, type WidgetHarness } from './widget-harness.ts';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!chromiumAvailable())('site chat retry', () => {
  let h: WidgetHarness;
  let visitor: Profile;

  beforeAll(async () => {
    h = await startWidgetHarness();
    visitor = await openProfile({ locale: 'fr-FR' });
  });
  afterAll(async () => {
    await visitor?.close();
    await h?.close();
  });

  it('sends a failed picture again with its file when the visitor retries', async () => {
    let refused = 0;
    // The first send of a message meets a broken line; the upload itself went through.
    await visitor.context.route('**/widget/api/messages', async (route) => {
      if (refused++ === 0) return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }) });
      return route.continue();
    });
    const shop = visitor.page;
    await shop.goto(`${h.shop}/`);
    const chat = widget(shop);
    await chat.getByTestId('launcher').click();
    await chat.getByTestId('file').setInputFiles({ name: 'bague.png', mimeType: 'image/png', buffer: png });
    const failed = chat.locator('[data-testid=message][data-direction=in][data-state=failed]');
    await failed.waitFor({ timeout: 8000 });
    await failed.locator('button.retry').click();
    await chat.locator('[data-testid=message][data-direction=in][data-state=sent] img[alt="bague.png"]').waitFor({ timeout: 10_000 });

    const deadline = Date.now() + 15_000;
    let attachments: { name: string }[] = [];
    while (Date.now() < deadline && attachments.length === 0) {
      const { conversations } = await h.ownerApi.get('/api/v1/conversations');
      if (conversations[0]) {
        const thread = await h.ownerApi.get(`/api/v1/conversations/${conversations[0].id}`);
        attachments = thread.messages.flatMap((m: { attachments: { name: string }[] }) => m.attachments);
      }
      if (attachments.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(attachments.map((a) => a.name)).toEqual(['bague.png']);
    expect(refused).toBe(2);
  });
});
