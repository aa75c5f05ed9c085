import { AppError } from '../kernel/index.ts';
import { policyFromEnv, type OutboundPolicy } from './guarded-fetch.ts';

/**
 * A platform's credentials go only to that platform's own hosts: a page token to
 * graph.facebook.com, a Shopify token to the shop's myshopify.com domain. Another API base is
 * accepted only where private bases are allowed (the sandbox: tests and the demo).
 *
 * @example assertPlatformHost('https://graph.facebook.com/v19.0', ['graph.facebook.com'], 'channel')
 */
export function assertPlatformHost(apiBase: string, hosts: readonly string[], area: 'channel' | 'shop', policy: OutboundPolicy = policyFromEnv()): void {
  if (policy.allowPrivate) return;
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new AppError(`${area}.address_refused`, 'The API address is not a URL');
  }
  if (url.protocol !== 'https:' || !hosts.includes(url.hostname.toLowerCase()) || url.port !== '') {
    throw new AppError(`${area}.address_refused`, `The API address must be https://${hosts[0]}: the credentials are sent only to the platform's own host`);
  }
}
