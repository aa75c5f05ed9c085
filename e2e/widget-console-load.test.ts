/**
 * An agent reading one site-chat conversation: the visitor panel beside it refreshes for
 * that conversation's messages, not for every message the workspace receives.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { row } from './inbox-harness.ts';
import { startWidgetHarness, type WidgetHarness } from './widget-harness.ts';

describe.skipIf(!chromiumAvailable())('site chat panel in a busy workspace', () => {
  let h: WidgetHarness;

  /** The widget API as the shop's frame calls it. */
  const widgetCall = (path: string, body: unknown, token?: string) => new Promise<any>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const call = request(`${h.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.shop, ...(token ? { 'x-relais-visitor': token } : {}) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    call.on('error', reject);
    call.end(payload);
  });
  const visitorSays = async (texts: string[]) => {
    const { token } = await widgetCall('/widget/api/session', { channelId: h.channelId, parentOrigin: h.shop });
    for (const [i, text] of texts.entries()) await widgetCall('/widget/api/messages', { clientMessageId: `load-${Date.now()}-${i}`, text }, token);
  };

  beforeAll(async () => {
    h = await startWidgetHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('does not refetch the visitor panel for messages of other conversations', async () => {
    await visitorSays(['Bonjour, ma bague est trop grande']);
    const agent = h.owner.page;
    await agent.goto(`${h.server.url}/inbox`);
    await agent.getByTestId('view-open').click();
    await row(agent, 'ma bague est trop grande').click();
    await agent.getByTestId('webchat-panel').waitFor({ timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));

    let panelFetches = 0;
    agent.on('request', (sent) => {
      if (/\/api\/v1\/conversations\/[^/]+\/webchat$/.test(new URL(sent.url()).pathname)) panelFetches += 1;
    });
    await visitorSays(['Autre visiteur 1', 'Autre visiteur 2', 'Autre visiteur 3', 'Autre visiteur 4', 'Autre visiteur 5']);
    await row(agent, 'Autre visiteur 5').waitFor({ timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(panelFetches).toBe(0);
  });
});
