/**
 * The shop site's control API: `POST /_sandbox/site/setChat` names the Relais and the site
 * chat its page embeds, `POST /_sandbox/site/message` is a visitor writing in the chat (signed
 * in when `identity` is given), `GET /_sandbox/site/log` lists what visitors sent. The page
 * itself is `GET /shop`.
 */
import { z } from 'zod';
import type { ControlSurface } from '../control/serve-control.ts';
import type { ShopSite } from './shop-site.ts';

const chat = z.object({ relaisUrl: z.url(), channelId: z.string().min(1), identifySecret: z.string().min(1).optional() });
const message = z.object({
  visitor: z.string().min(1).max(100).optional(),
  text: z.string().min(1).max(2000),
  identity: z.object({ email: z.email().optional(), name: z.string().min(1).optional(), customerId: z.string().min(1).optional(), cartToken: z.string().min(1).optional() }).optional(),
});

export function siteControl(site: ShopSite): ControlSurface {
  return {
    log: () => ({ pageUrl: site.pageUrl, messages: site.messages }),
    commands: {
      setChat: (body) => { site.setChat(chat.parse(body)); return { pageUrl: site.pageUrl }; },
      message: (body) => site.visitorMessage(message.parse(body)),
    },
  };
}
