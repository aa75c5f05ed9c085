/**
 * An admin subscribes her ERP to Relais events in Réglages › Webhooks sortants: the secret is
 * shown once, a test event reaches the receiver signed, the log says delivered, and « Renvoyer »
 * sends it again with the same webhook-id.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { startInboxHarness, type InboxHarness } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';

describe.skipIf(!chromiumAvailable())('outgoing webhooks in the console', () => {
  let h: InboxHarness;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    h = await startInboxHarness();
  });
  afterAll(async () => {
    await h?.close();
    receiver.closeAllConnections();
    receiver.close();
  });

  it('creates a subscription, shows the secret once, sends a test and replays it', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/relais`;
    const page = h.owner.page;
    await page.goto(`${h.server.url}/settings/webhooks`);
    const form = page.getByTestId('webhook-new');
    await form.locator('input[name=url]').fill(url);
    await form.locator('input[name=description]').fill('ERP');
    await form.getByLabel('message.received').check();
    await form.locator('button[type=submit]').click();
    const secret = await page.getByTestId('webhook-secret-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByTestId('webhook-row').filter({ hasText: url });
    await expectText(row.getByTestId('webhook-status'), 'Actif');

    await row.getByTestId('webhook-test').click();
    await waitUntil(() => received.length === 1, 'the test event');
    const verify = (i: number) => new Webhook(secret).verify(received[i]!.body, {
      'webhook-id': String(received[i]!.headers['webhook-id']), 'webhook-timestamp': String(received[i]!.headers['webhook-timestamp']), 'webhook-signature': String(received[i]!.headers['webhook-signature']),
    }) as { type: string };
    expect(verify(0).type).toBe('webhook.test');
    await waitUntil(async () => {
      await row.getByTestId('webhook-log').getByRole('button', { name: /Actualiser|Refresh/ }).click();
      return (await row.locator('[data-testid=webhook-delivery][data-state=delivered]').count()) === 1;
    }, 'the log to say delivered');

    await row.getByTestId('webhook-replay').first().click();
    await waitUntil(() => received.length === 2, 'the replay');
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
    expect(verify(1).type).toBe('webhook.test');
    // Reloaded, the page never shows the secret again.
    await page.reload();
    await expectText(page.getByTestId('webhook-row'), 'ERP');
    expect(await page.content()).not.toContain(secret.slice(6));
    expect(h.owner.errors).toEqual([]);
  }, 60_000);
});
