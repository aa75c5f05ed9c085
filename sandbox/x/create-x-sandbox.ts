/** Wires the X world, the webhook sender and the API v2 subset into one `XSandbox`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from '../clock.ts';
import { createXFaults } from './api/faults.ts';
import { createRateLimits } from './api/rate-limits.ts';
import { handleXApi, type XApiDeps } from './api/router.ts';
import { performCrc } from './crc.ts';
import { envelopes } from './events.ts';
import { clearXLog, createXLog } from './records.ts';
import { createXWebhookSender, type XDeliveryOptions } from './webhook-sender.ts';
import type { XActionResult, XSandbox } from './x-sandbox.ts';
import { clearXWorld, createXWorld, requireTweet, requireUser, type XAccountRecord, type XTweetRecord } from './world.ts';

export interface XOptions {
  /** Signs webhooks and answers CRC. Default `sandbox-consumer-secret`. */
  consumerSecret?: string;
  /** `source_app_id` of Relais's sends. Default `26748321`. */
  appId?: string;
  /** Default `/hooks/x`. */
  webhookPath?: string;
  /** Per POST (X wants an answer within 10 s). */
  webhookTimeoutMs?: number;
  /** Calls per 15-minute window, by endpoint (`'POST /2/tweets'`); see `api/rate-limits.ts`. */
  quotas?: Record<string, number>;
  /** The account's own posts and DMs come back as webhooks. Default true. */
  echoes?: boolean;
}

export interface XSandboxHost {
  x: XSandbox;
  handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export function createXSandbox(options: XOptions, host: { clock: SandboxClock; relaisUrl?: string | undefined; sandboxUrl(): string }): XSandboxHost {
  const { clock } = host;
  const consumerSecret = options.consumerSecret ?? 'sandbox-consumer-secret';
  const appId = options.appId ?? '26748321';
  const webhookPath = options.webhookPath ?? '/hooks/x';
  const timeoutMs = options.webhookTimeoutMs ?? 10_000;
  let relaisUrl = host.relaisUrl;
  let enabled = true;
  let echoes = options.echoes ?? true;
  const hookUrl = (base: string) => `${base.replace(/\/+$/, '')}${webhookPath}`;
  const world = createXWorld();
  const log = createXLog();
  const sender = createXWebhookSender({ consumerSecret, timeoutMs, url: () => (relaisUrl ? hookUrl(relaisUrl) : undefined) });
  const limits = createRateLimits(() => clock.now(), options.quotas);
  const faults = createXFaults();
  const deps: XApiDeps = {
    ctx: { world, now: () => clock.now(), log, appId, echo: (payload) => { if (echoes && enabled) void sender.send(payload, 'echo'); } },
    limits, faults,
  };

  const account = (id?: string): XAccountRecord => {
    const found = id ? world.accounts.get(id) : world.accounts.values().next().value;
    if (!found) throw new Error(id ? `Unknown X account ${id}` : 'No X account: call addAccount first');
    return found;
  };
  async function act(label: string, id: string, payload: unknown, delivery?: XDeliveryOptions): Promise<XActionResult> {
    if (!enabled) return { id, payload, status: undefined, delivery: undefined };
    const sent = await sender.send(payload, label, delivery);
    return { id, payload, status: sent.status, delivery: sent };
  }
  const newTweet = (authorId: string, text: string, inReplyToId: string | null): XTweetRecord => {
    const tweet = { id: world.nextId(), authorId, text, inReplyToId, createdAt: clock.now(), sourceAppId: null, hidden: false, deleted: false };
    world.tweets.set(tweet.id, tweet);
    return tweet;
  };

  // X prefixes a reply with the parent's author and the people it led with, so the thread's
  // participants (the shop included) are mentioned and get the reply.
  const replyPrefix = (parent: XTweetRecord, from: string): string => {
    const leading = /^(?:@\w+\s+)*/.exec(parent.text)![0].match(/@\w+/g) ?? [];
    const handles = [`@${requireUser(world, parent.authorId).screenName}`, ...leading];
    const unique = [...new Set(handles.map((h) => h.toLowerCase()))].filter((h) => h !== `@${from.toLowerCase()}`);
    return unique.map((h) => handles.find((original) => original.toLowerCase() === h)!).map((h) => `${h} `).join('');
  };

  const x: XSandbox = {
    consumerSecret, appId,
    get apiBase() { return host.sandboxUrl(); },
    get webhookUrl() { return relaisUrl ? hookUrl(relaisUrl) : undefined; },
    addAccount(input) {
      const record = { ...input, acceptsDms: true, createdAt: clock.now() };
      world.accounts.set(input.id, record);
      world.users.set(input.id, record);
      return record;
    },
    addUser(input) {
      const record = { id: input.id, screenName: input.screenName, name: input.name, acceptsDms: input.acceptsDms ?? true, createdAt: clock.now() };
      world.users.set(input.id, record);
      return record;
    },
    setRelaisUrl: (url) => { relaisUrl = url; },
    webhooksEnabled: (on) => { enabled = on; },
    setEchoes: (on) => { echoes = on; },
    now: () => clock.now(),
    advanceTime: (ms) => clock.advance(ms),
    setQuota: (endpoint, limit) => limits.setQuota(endpoint, limit),

    mention(input, delivery) {
      const shop = account(input.account);
      requireUser(world, input.from);
      const text = new RegExp(`@${shop.screenName}(?!\\w)`, 'i').test(input.text) ? input.text : `@${shop.screenName} ${input.text}`;
      const tweet = newTweet(input.from, text, null);
      return act('mention', tweet.id, envelopes.tweetCreate(world, shop.id, tweet), delivery);
    },
    reply(input, delivery) {
      const shop = account(input.account);
      requireUser(world, input.from);
      const parent = requireTweet(world, input.inReplyTo);
      const tweet = newTweet(input.from, replyPrefix(parent, requireUser(world, input.from).screenName) + input.text, input.inReplyTo);
      return act('reply', tweet.id, envelopes.tweetCreate(world, shop.id, tweet), delivery);
    },
    post(input, delivery) {
      const shop = account(input.account);
      const tweet = newTweet(shop.id, input.text, null);
      return act('post', tweet.id, envelopes.tweetCreate(world, shop.id, tweet), delivery);
    },
    dm(input, delivery) {
      const shop = account(input.account);
      requireUser(world, input.from);
      const dm = { id: world.nextId(), senderId: input.from, recipientId: shop.id, text: input.text, createdAt: clock.now(), sourceAppId: null };
      world.dms.push(dm);
      return act('dm', dm.id, envelopes.directMessage(world, shop.id, dm), delivery);
    },
    like(input, delivery) {
      const shop = account(input.account);
      const payload = envelopes.favorite(world, shop.id, requireTweet(world, input.tweetId), requireUser(world, input.from), clock.now());
      return act('like', input.tweetId, payload, delivery);
    },
    deleteTweet(input, delivery) {
      const shop = account(input.account);
      const tweet = requireTweet(world, input.id);
      tweet.deleted = true;
      return act('deleteTweet', tweet.id, envelopes.tweetDelete(shop.id, tweet, clock.now()), delivery);
    },
    deliver: (body, delivery) => sender.send(body, 'raw', delivery),
    crc(url) {
      const base = url ?? relaisUrl;
      if (!base) throw new Error('No Relais URL: pass one or call setRelaisUrl');
      return performCrc(hookUrl(base), consumerSecret, timeoutMs);
    },
    idle: () => sender.idle(),

    failNext: (input) => faults.add(input),
    tweet: (id) => world.tweets.get(id),
    tweets: log.tweets, dms: log.dms, hidden: log.hidden, deleted: log.deleted, likes: log.likes, calls: log.calls,
    deliveries: sender.deliveries,
    allDms: world.dms,
    reset(resetOptions = {}) {
      sender.deliveries.length = 0;
      clearXLog(log);
      faults.clear();
      limits.reset();
      clock.reset();
      enabled = true;
      echoes = options.echoes ?? true;
      clearXWorld(world, resetOptions.keepSetup ?? false);
    },
  };

  return { x, handleApi: (req, res, url) => handleXApi(deps, req, res, url) };
}
