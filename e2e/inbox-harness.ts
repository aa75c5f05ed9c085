/**
 * What the inbox journeys share: a Relais that trusts the Meta sandbox's app secret, the
 * sandbox with a Page, two customers and a post, and Léa (owner) in Chromium. Léa's realtime
 * socket runs through a Playwright route so a journey can cut it and let it back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, WebSocketRoute } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { profileApi, type ProfileApi } from './api.ts';
import { openProfile, type Profile } from './browser.ts';
import { startRelais, type RunningRelais } from './relais-server.ts';

export const SECRET = 'e2e-meta-app-secret';
export const PAGE = '1000000000000077';
export const IG = '17841400000000077';
export const TOKEN = 'PAGE_TOKEN_e2e_0123456789';
export const POST = `${PAGE}_55`;
export const lea = { workspaceName: 'Boutique Léa', name: 'Léa Martin', email: 'lea@boutique-lea.fr', password: 'cafe-au-lait-2024' };

const shots = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Saves a screenshot to e2e/screenshots/<name>.png (git-ignored) for a person to look at. */
export function shot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(shots, { recursive: true });
  return page.screenshot({ path: join(shots, `${name}.png`) });
}

export const row = (page: Page, text: string) => page.locator('[data-testid=conversation-row]', { hasText: text });

export interface InboxHarness {
  server: RunningRelais;
  sandbox: Sandbox;
  owner: Profile;
  ownerApi: ProfileApi;
  /** Closes Léa's socket and refuses new ones until `restoreSocket`. */
  cutSocket(): Promise<void>;
  restoreSocket(): void;
  close(): Promise<void>;
}

/** `connect: true` connects the Page through the API; otherwise a journey does it in Settings. */
export async function startInboxHarness(options: { connect?: boolean } = {}): Promise<InboxHarness> {
  const server = await startRelais({ env: { RELAIS_META_APP_SECRET: SECRET } });
  const sandbox = await startSandbox({ relaisUrl: server.url, meta: { appSecret: SECRET, retrySchedule: [0, 200] } });
  sandbox.meta.addPage({ id: PAGE, name: 'Maison Lune', accessToken: TOKEN, instagramId: IG, instagramUsername: 'maisonlune' });
  sandbox.meta.addUser({ id: '6100', name: 'Camille Martin' });
  sandbox.meta.addUser({ id: '6200', name: 'Hugo Leroy' });
  sandbox.meta.addPost({ id: POST, pageId: PAGE, message: 'Nouvelle collection : bagues lune', permalinkUrl: 'https://facebook.com/maisonlune/posts/55' });
  const owner = await openProfile({ locale: 'fr-FR' });
  const sockets: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  let cut = false;
  await owner.context.routeWebSocket(/\/api\/v1\/realtime$/, (ws) => {
    if (cut) return ws.close();
    sockets.push({ page: ws, server: ws.connectToServer() });
  });
  const ownerApi = profileApi(owner.context, server.url);
  await ownerApi.post('/api/v1/setup', lea);
  if (options.connect) await ownerApi.post('/api/v1/channels', { kind: 'meta', pageId: PAGE, pageToken: TOKEN, instagramId: IG, apiBase: sandbox.meta.graphUrl });
  return {
    server, sandbox, owner, ownerApi,
    async cutSocket() {
      cut = true;
      for (const socket of sockets.splice(0)) {
        await socket.page.close();
        await socket.server.close();
      }
    },
    restoreSocket() {
      cut = false;
    },
    async close() {
      await owner.close();
      await sandbox.close();
      await server.close();
    },
  };
}
