/**
 * The sandbox server: one node:http listener for the platform APIs (Graph under `/vNN.N/`)
 * and the control API under `/_sandbox/`. It shares nothing with Relais but HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxClock, type Clock } from './clock.ts';
import { sendJson } from './http-io.ts';
import { serveControl, type ControlSurface } from './control/serve-control.ts';
import { handleMetaControl } from './meta/control-api.ts';
import { xControl } from './x/control-api.ts';
import { shopifyControl } from './shopify/control-api.ts';
import { wooControl } from './woocommerce/control-api.ts';
import { createMetaSandbox, type MetaOptions } from './meta/create-meta-sandbox.ts';
import { isGraphPath } from './meta/graph/graph-router.ts';
import type { MetaSandbox } from './meta/meta-sandbox.ts';
import { createXSandbox, type XOptions } from './x/create-x-sandbox.ts';
import { isXApiPath } from './x/api/router.ts';
import type { XSandbox } from './x/x-sandbox.ts';
import { createShopifySandbox, type ShopifyOptions, type ShopifySandbox } from './shopify/shopify-sandbox.ts';
import { isShopifyAdminPath } from './shopify/admin-api.ts';
import { createWooSandbox, type WooSandbox } from './woocommerce/woo-sandbox.ts';
import { isWooPath } from './woocommerce/rest-api.ts';
import { createPinterestSandbox, isPinterestPath, type PinterestSandbox } from './pinterest/pinterest-sandbox.ts';
import { createShopSite, type ShopSite } from './site/shop-site.ts';
import { siteControl } from './site/control-api.ts';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Relais's base URL; webhooks go to `<relaisUrl>/hooks/meta`. Settable later. */
  relaisUrl?: string;
  /** Default app secret `sandbox-app-secret`. */
  meta?: MetaOptions;
  /** X: default consumer secret `sandbox-consumer-secret`; webhooks to `<relaisUrl>/hooks/x`. */
  x?: XOptions;
  /** Shopify: default app secret `sandbox-shopify-secret`; webhooks to `<relaisUrl>/hooks/shopify`. */
  shopify?: ShopifyOptions;
  /** The time the sandbox starts from (default the system clock); `meta.advanceTime` adds to it. */
  clock?: Clock;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  meta: MetaSandbox;
  /** X API v2 subset under `/2/` and the Account Activity webhook sender. */
  x: XSandbox;
  /** Shopify webhooks and the Admin REST subset under `/admin/api/<version>/`. */
  shopify: ShopifySandbox;
  /** WooCommerce webhooks (and ping) and the REST subset under `/wp-json/wc/v3/`. */
  woo: WooSandbox;
  /** Pinterest API v5 (`/v5/`): accounts, boards, Pins and their metrics. */
  pinterest: PinterestSandbox;
  /** The shop's own website: `/shop` embeds the site chat; its visitors write through the widget API. */
  site: ShopSite;
  /** Stops retries, drops hung connections and closes the port. */
  close(): Promise<void>;
}

/**
 * @example
 * const sandbox = await startSandbox({ relaisUrl: 'http://127.0.0.1:3000', meta: { appSecret: 's3cret' } });
 * sandbox.meta.addPage({ id: '1001', name: 'Boutique', accessToken: 'PAGE_TOKEN' });
 * // Relais's Meta channel: api base sandbox.meta.graphUrl, token PAGE_TOKEN
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = createSandboxClock(options.clock);
  let url = '';
  const metaHost = createMetaSandbox(options.meta ?? { appSecret: 'sandbox-app-secret' }, { clock, relaisUrl: options.relaisUrl, sandboxUrl: () => url });
  const { meta } = metaHost;
  const xHost = createXSandbox(options.x ?? {}, { clock, relaisUrl: options.relaisUrl, sandboxUrl: () => url });
  const { x } = xHost;
  const shopifyHost = createShopifySandbox(options.shopify ?? {}, { clock, relaisUrl: options.relaisUrl, sandboxUrl: () => url });
  const wooHost = createWooSandbox({ clock, sandboxUrl: () => url });
  const pinterestHost = createPinterestSandbox({ clock, sandboxUrl: () => url });
  const siteHost = createShopSite({ clock, sandboxUrl: () => url });

  const controls: Record<string, ControlSurface> = { x: xControl(x), shopify: shopifyControl(shopifyHost.shopify), woocommerce: wooControl(wooHost.woo), site: siteControl(siteHost.site) };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'http://sandbox');
    if (target.pathname.startsWith('/_sandbox/meta/')) return handleMetaControl(meta, req, res, target.pathname.slice('/_sandbox/meta/'.length));
    const control = /^\/_sandbox\/([a-z]+)\/([A-Za-z]+)$/.exec(target.pathname);
    if (control && Object.hasOwn(controls, control[1]!)) return serveControl(controls[control[1]!]!, req, res, control[2]!);
    if (isGraphPath(target.pathname)) return metaHost.handleGraph(req, res, target);
    if (isXApiPath(target.pathname)) return xHost.handleApi(req, res, target);
    if (isShopifyAdminPath(target.pathname)) return shopifyHost.handleAdmin(req, res, target);
    if (isWooPath(target.pathname)) return wooHost.handleApi(req, res, target);
    if (isPinterestPath(target.pathname)) return pinterestHost.handleApi(req, res, target);
    if (target.pathname === '/shop' && req.method === 'GET') return siteHost.servePage(res);
    if (target.pathname === '/' || target.pathname === '/_sandbox') {
      return sendJson(res, 200, {
        sandbox: 'relais', control: ['meta', ...Object.keys(controls)].map((platform) => `/_sandbox/${platform}/<action>`),
        meta: { graphUrl: meta.graphUrl, webhookUrl: meta.webhookUrl, appId: meta.appId },
        x: { apiBase: x.apiBase, webhookUrl: x.webhookUrl }, shopify: { apiBase: shopifyHost.shopify.apiBase }, woocommerce: { apiBase: wooHost.woo.apiBase },
        site: { pageUrl: siteHost.site.pageUrl },
      });
    }
    sendJson(res, 404, { error: { message: `Nothing at ${target.pathname}` } });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: error instanceof Error ? error.message : String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  url = `http://${reachable}:${port}`;

  return {
    url,
    meta,
    x,
    shopify: shopifyHost.shopify,
    woo: wooHost.woo,
    pinterest: pinterestHost.pinterest,
    site: siteHost.site,
    async close() {
      metaHost.close();
      server.closeAllConnections(); // calls left hanging on purpose (actThenHang) included
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
