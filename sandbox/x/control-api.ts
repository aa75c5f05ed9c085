/**
 * X's control API: `POST /_sandbox/x/<action>` (a mention, a reply, a DM, …: each sends the
 * Account Activity webhook X would), `GET /_sandbox/x/log` for what Relais posted and sent.
 */
import { z } from 'zod';
import type { ControlSurface } from '../control/serve-control.ts';
import type { XActionResult, XSandbox } from './x-sandbox.ts';

const delivery = z.object({ badSignature: z.boolean().optional(), unsigned: z.boolean().optional(), url: z.string().optional() }).optional();
const account = z.string().optional();
const mention = z.object({ from: z.string().min(1), text: z.string().min(1), account, delivery });
const reply = z.object({ from: z.string().min(1), inReplyTo: z.string().min(1), text: z.string().min(1), account, delivery });
const post = z.object({ text: z.string().min(1), account, delivery });
const like = z.object({ from: z.string().min(1), tweetId: z.string().min(1), account, delivery });
const deleteTweet = z.object({ id: z.string().min(1), account, delivery });
const accountInput = z.object({ id: z.string().regex(/^\d+$/), screenName: z.string().min(1), name: z.string().min(1), accessToken: z.string().min(1) });
const userInput = z.object({ id: z.string().regex(/^\d+$/), screenName: z.string().min(1), name: z.string().min(1), acceptsDms: z.boolean().optional() });
const failNext = z.object({
  method: z.string().optional(), path: z.string().optional(), pathPattern: z.string().optional(), times: z.number().int().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(), body: z.unknown().optional(), headers: z.record(z.string(), z.string()).optional(),
  delayMs: z.number().min(0).optional(), actThenHang: z.boolean().optional(),
});

/** The payload holds X's ids as big integers; the delivery carries the exact bytes sent. */
const answer = async (result: Promise<XActionResult>) => {
  const { id, status, delivery: sent } = await result;
  return { id, status, delivery: sent };
};

export function xControl(x: XSandbox): ControlSurface {
  return {
    log: () => {
      const { tweets, dms, hidden, deleted, likes, calls, deliveries, allDms } = x;
      return { tweets, dms, hidden, deleted, likes, calls, deliveries, allDms };
    },
    commands: {
      mention: (body) => { const { delivery: d, ...input } = mention.parse(body); return answer(x.mention(input, d)); },
      reply: (body) => { const { delivery: d, ...input } = reply.parse(body); return answer(x.reply(input, d)); },
      dm: (body) => { const { delivery: d, ...input } = mention.parse(body); return answer(x.dm(input, d)); },
      post: (body) => { const { delivery: d, ...input } = post.parse(body); return answer(x.post(input, d)); },
      like: (body) => { const { delivery: d, ...input } = like.parse(body); return answer(x.like(input, d)); },
      deleteTweet: (body) => { const { delivery: d, ...input } = deleteTweet.parse(body); return answer(x.deleteTweet(input, d)); },
      deliver: (body) => x.deliver(body.body, delivery.parse(body.delivery)),
      crc: (body) => x.crc(z.object({ relaisUrl: z.string().optional() }).parse(body).relaisUrl),
      addAccount: (body) => { const { accessToken: _token, ...record } = x.addAccount(accountInput.parse(body)); return record; },
      addUser: (body) => x.addUser(userInput.parse(body)),
      setRelaisUrl: (body) => x.setRelaisUrl(z.object({ url: z.url() }).parse(body).url),
      webhooksEnabled: (body) => x.webhooksEnabled(z.object({ on: z.boolean() }).parse(body).on),
      setEchoes: (body) => x.setEchoes(z.object({ on: z.boolean() }).parse(body).on),
      advanceTime: (body) => x.advanceTime(z.object({ ms: z.number() }).parse(body).ms),
      setQuota: (body) => { const { endpoint, limit } = z.object({ endpoint: z.string().min(1), limit: z.number().int().min(0) }).parse(body); x.setQuota(endpoint, limit); },
      failNext: (body) => {
        const { pathPattern, ...rule } = failNext.parse(body);
        x.failNext({ ...rule, path: pathPattern !== undefined ? new RegExp(pathPattern) : rule.path });
      },
      idle: () => x.idle(),
      reset: (body) => x.reset({ keepSetup: z.object({ keepSetup: z.boolean().optional() }).parse(body).keepSetup }),
    },
  };
}
