/**
 * What the site-chat journeys share: a Relais with the widget built, Léa (owner) signed in
 * with a site chat for the demo shop, and the demo shop itself: a second HTTP server on
 * another port whose page embeds the script tag. The shop is reachable at two origins
 * (localhost and 127.0.0.1): only the first is allowed, so the second plays a foreign site.
 */
import { spawnSync } from 'node:child_process';
import type { FrameLocator, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { profileApi, type ProfileApi } from './api.ts';
import { openProfile, type Profile } from './browser.ts';
import { lea } from './inbox-harness.ts';
import { startRelais, type RunningRelais } from './relais-server.ts';

/** The chat frame the loader adds to a shop page. */
export const widgetFrame = (page: Page): FrameLocator => page.frameLocator('iframe[data-relais-widget]');

export interface WidgetHarness {
  server: RunningRelais;
  owner: Profile;
  ownerApi: ProfileApi;
  channelId: string;
  identifySecret: string;
  /** The allowed shop origin, and the same shop seen from a foreign origin. */
  shop: string;
  foreign: string;
  /** The identity the shop's page passes to `Relais.identify`, and its signature. */
  setIdentify(script: string): void;
  close(): Promise<void>;
}

function shopPage(relaisUrl: string, channelId: string, identify: string): string {
  // The shop's own styles are hostile on purpose: none of them may reach the chat.
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Maison Lune</title>
<style>body{font-family:Georgia,serif;background:#faf6ef;margin:0;padding:40px} button{background:hotpink!important;font-size:40px!important}
iframe{display:none!important;border:10px solid red;visibility:hidden!important;opacity:0!important;pointer-events:none!important;transform:translateX(-2000px)!important} .hero{height:300px;background:#e8dccb;border-radius:12px;padding:24px}</style></head>
<body><h1>Maison Lune</h1><div class="hero"><p>Bagues et colliers lune, faits main à Lyon.</p><button type="button">Ajouter au panier</button></div>
<script src="${relaisUrl}/widget.js" data-channel="${channelId}" async></script>
<script>${identify}</script></body></html>`;
}

export async function startWidgetHarness(): Promise<WidgetHarness> {
  const built = spawnSync(process.execPath, ['scripts/build-widget.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`widget build failed: ${built.stderr}`);
  const server = await startRelais();
  const owner = await openProfile({ locale: 'fr-FR' });
  const ownerApi = profileApi(owner.context, server.url);
  await ownerApi.post('/api/v1/setup', lea);

  let identify = '';
  let page = '';
  const shopServer: Server = createServer((request, response) => {
    // `/` is the French shop; `/en` the same page in English.
    if (request.url !== '/' && request.url !== '/en') return void response.writeHead(404).end();
    const html = page.replace('__IDENTIFY__', identify);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(request.url === '/en' ? html.replace('<html lang="fr">', '<html lang="en">') : html);
  });
  await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
  const port = (shopServer.address() as { port: number }).port;
  const shop = `http://localhost:${port}`;
  const { id: channelId } = await ownerApi.post('/api/v1/channels/webchat', { allowedOrigins: [shop], name: 'Maison Lune' });
  const { identifySecret } = await ownerApi.get(`/api/v1/channels/${channelId}/webchat`);
  page = shopPage(server.url, channelId, '__IDENTIFY__');
  return {
    server, owner, ownerApi, channelId, identifySecret, shop, foreign: `http://127.0.0.1:${port}`,
    setIdentify(script) {
      identify = script;
    },
    async close() {
      await owner.close();
      await new Promise((resolve) => shopServer.close(resolve));
      await server.close();
    },
  };
}
