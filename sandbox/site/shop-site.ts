/**
 * The shop's own website, the one outside party of the site chat: a page at `/shop` that
 * embeds Relais's widget loader, and visitors who write through the widget's HTTP API
 * (session, identify, message) with the page's Origin, as the widget does. The shop's
 * server side signs a known customer's identity with the channel's identify secret
 * (`v2.<seconds>.<HMAC-SHA256 hex>`, src/channels/webchat/README.md).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SandboxClock } from '../clock.ts';
import { sendRequest } from '../http-client.ts';

export interface SiteChat {
  /** Relais's base URL, where `widget.js` and the widget API are. */
  relaisUrl: string;
  /** The site chat's channel id (`data-channel`). */
  channelId: string;
  /** Signs known customers' identities; without it visitors stay anonymous. */
  identifySecret?: string;
}

export interface SiteVisitorInput {
  /** Names the visitor, so a second message continues their conversation. Default: a new visitor. */
  visitor?: string;
  text: string;
  /** A signed-in customer of the shop: the page signs this identity. */
  identity?: { email?: string; name?: string; customerId?: string; cartToken?: string };
}

export interface SiteMessage {
  visitor: string;
  visitorId: string;
  text: string;
  identified: 'verified' | 'unverified' | 'refused' | null;
  /** Relais's answer to the message (202 when taken). */
  status: number;
}

export interface ShopSite {
  /** `<sandbox>/shop`, once the chat is set. */
  readonly pageUrl: string;
  setChat(chat: SiteChat): void;
  /** A visitor writes in the chat bubble of the page. */
  visitorMessage(input: SiteVisitorInput): Promise<SiteMessage>;
  readonly messages: SiteMessage[];
}

const FIELDS = ['email', 'name', 'customerId', 'cartToken'] as const;

/** What the shop's server hands the page for `Relais.identify(identity, signature)`. */
export function signSiteIdentity(secret: string, identity: SiteVisitorInput['identity'] & object, atMs: number): string {
  const seconds = Math.floor(atMs / 1000);
  const canonical = FIELDS.map((field) => `${field}=${identity[field] ?? ''}`).join('\n');
  return `v2.${seconds}.${createHmac('sha256', secret).update(`v2\n${seconds}\n${canonical}`).digest('hex')}`;
}

/** Relais answers JSON; anything else (a proxy's page) is kept as text for the error message. */
function parseAnswer(body: string): any {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return body;
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function createShopSite(host: { clock: SandboxClock; sandboxUrl(): string }) {
  let chat: SiteChat | undefined;
  const visitors = new Map<string, { token: string; visitorId: string }>();
  const messages: SiteMessage[] = [];
  const origin = () => new URL(host.sandboxUrl()).origin;

  async function call(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
    if (!chat) throw new Error('No site chat: call setChat first');
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: origin() };
    if (token) headers['x-relais-visitor'] = token;
    const answer = await sendRequest({ method: 'POST', url: `${chat.relaisUrl}${path}`, headers, body: JSON.stringify(body), timeoutMs: 10_000 });
    return { status: answer.status, body: parseAnswer(answer.body) };
  }

  const site: ShopSite = {
    get pageUrl() {
      return `${host.sandboxUrl()}/shop`;
    },
    setChat(next) {
      chat = { ...next, relaisUrl: next.relaisUrl.replace(/\/$/, '') };
      visitors.clear();
    },
    async visitorMessage(input) {
      const name = input.visitor ?? `visitor-${randomUUID().slice(0, 8)}`;
      let visitor = visitors.get(name);
      if (!visitor) {
        const session = await call('/widget/api/session', { channelId: chat?.channelId, parentOrigin: origin() });
        if (session.status !== 200) throw new Error(`Relais refused the chat session (HTTP ${session.status}): ${JSON.stringify(session.body)}`);
        visitor = { token: session.body.token as string, visitorId: session.body.visitorId as string };
        visitors.set(name, visitor);
      }
      let identified: SiteMessage['identified'] = null;
      if (input.identity) {
        const signature = chat?.identifySecret ? signSiteIdentity(chat.identifySecret, input.identity, host.clock.now()) : null;
        const answer = await call('/widget/api/identify', { identity: input.identity, signature }, visitor.token);
        identified = answer.status === 200 ? answer.body.status : null;
      }
      const sent = await call('/widget/api/messages', { clientMessageId: `site-${randomUUID()}`, text: input.text }, visitor.token);
      const message = { visitor: name, visitorId: visitor.visitorId, text: input.text, identified, status: sent.status };
      messages.push(message);
      return message;
    },
    messages,
  };

  /** The shop's page: its products, and the script tag a shop pastes to get the chat. */
  function servePage(res: ServerResponse): void {
    const script = chat
      ? `<script src="${escapeHtml(`${chat.relaisUrl}/widget.js`)}" data-channel="${escapeHtml(chat.channelId)}" async></script>`
      : '<p class="note">No site chat yet: POST /_sandbox/site/setChat {"relaisUrl","channelId"}.</p>';
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Maison Lune — bijoux et robes en lin</title>
<style>body{font-family:Georgia,serif;background:#faf6ef;color:#2b2118;margin:0;padding:32px 48px}header{display:flex;justify-content:space-between;align-items:baseline}
.products{display:grid;grid-template-columns:repeat(3,minmax(0,220px));gap:24px;margin-top:24px}.product{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 3px #0002}
.product .photo{height:140px;border-radius:8px;background:#e8dccb}.price{font-weight:bold}.note{color:#6b5d4f;margin-top:32px}</style></head>
<body><header><h1>Maison Lune</h1><span>Paris · fabriqué en France</span></header>
<p>Bijoux en laiton doré et robes en lin. Une question ? Écrivez-nous dans la bulle en bas à droite : l’équipe répond depuis Relais.</p>
<section class="products" aria-label="Produits">
<article class="product"><div class="photo"></div><h2>Robe Céleste en lin</h2><p class="price">89,00 €</p></article>
<article class="product"><div class="photo"></div><h2>Créoles Lune</h2><p class="price">39,00 €</p></article>
<article class="product"><div class="photo"></div><h2>Sautoir Biarritz</h2><p class="price">54,00 €</p></article>
</section>
<p class="note">Page de démonstration servie par le simulateur de Relais (sandbox).</p>
${script}</body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(html)) });
    res.end(html);
  }

  return { site, servePage };
}
