/** Wires the Meta world, the webhook sender and the Graph API into one `MetaSandbox`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from '../clock.ts';
import { commentAdded, commentEdited, commentHidden, commentRemoved, instagramCommentAdded, reactionAdded } from './comment-events.ts';
import { envelopes, type EventContext, type MetaEvent } from './event.ts';
import { createFaultList } from './graph/faults.ts';
import { handleGraph } from './graph/graph-router.ts';
import { createUsageMeter } from './graph/usage.ts';
import { createMetaIds } from './ids.ts';
import { instagramDm, messengerMessage, pageInboxReply } from './messaging-events.ts';
import type { ActionResult, MetaEventBuilders, MetaSandbox } from './meta-sandbox.ts';
import { clearLog, createMetaLog } from './records.ts';
import { verifyCallback as handshake } from './verify-callback.ts';
import { createWebhookSender, type DeliveryOptions } from './webhook-sender.ts';
import { addMedia, addPage, addPost, addUser, clearActivity, clearAll, createWorld } from './world.ts';

export interface MetaOptions {
  appSecret: string;
  /** Default `sandbox-verify-token`. */
  verifyToken?: string;
  /** Default `917263548201734`; sent as `app_id` in echoes. */
  appId?: string;
  appName?: string;
  /** Milliseconds before each retry of a failed webhook. Default `[0, 200, 1000]`. */
  retrySchedule?: number[];
  /** Meta gives up on a webhook POST after 20 s. */
  webhookTimeoutMs?: number;
  /** Default `/hooks/meta`. */
  webhookPath?: string;
  /** Default true. */
  echoes?: boolean;
  /** Graph calls per hour that make 100 % in the usage headers. Default 200. */
  callQuota?: number;
}

export interface MetaSandboxHost {
  meta: MetaSandbox;
  handleGraph(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  close(): void;
}

export function createMetaSandbox(options: MetaOptions, host: { clock: SandboxClock; relaisUrl?: string | undefined; sandboxUrl(): string }): MetaSandboxHost {
  const { clock } = host;
  const appId = options.appId ?? '917263548201734';
  const verifyToken = options.verifyToken ?? 'sandbox-verify-token';
  const webhookPath = options.webhookPath ?? '/hooks/meta';
  const timeoutMs = options.webhookTimeoutMs ?? 20_000;
  let relaisUrl = host.relaisUrl;
  let echoes = options.echoes ?? true;
  const hookUrl = (base: string) => `${base.replace(/\/+$/, '')}${webhookPath}`;

  const world = createWorld();
  const log = createMetaLog();
  const ids = createMetaIds();
  const ctx: EventContext = { world, clock, ids, appId };
  const sender = createWebhookSender({
    appSecret: options.appSecret, retrySchedule: options.retrySchedule ?? [0, 200, 1000], timeoutMs,
    url: () => (relaisUrl ? hookUrl(relaisUrl) : undefined),
  });
  const usage = createUsageMeter(clock, options.callQuota ?? 200);
  const faults = createFaultList();
  const send = (events: MetaEvent[], label: string) => {
    for (const payload of envelopes(events, clock.now())) void sender.send(payload, label);
  };
  const graphDeps = {
    ctx: { ...ctx, log, appName: options.appName ?? 'Relais Sandbox', echo: (events: MetaEvent[]) => { if (echoes) send(events, 'echo'); } },
    usage,
    faults,
  };

  const events: MetaEventBuilders = {
    comment: (input) => commentAdded(ctx, input),
    editComment: (input) => commentEdited(ctx, input),
    removeComment: (input) => commentRemoved(ctx, input),
    hideComment: (input) => commentHidden(ctx, input, true),
    unhideComment: (input) => commentHidden(ctx, input, false),
    reaction: (input) => reactionAdded(ctx, input),
    messengerMessage: (input) => messengerMessage(ctx, input),
    instagramComment: (input) => instagramCommentAdded(ctx, input),
    instagramDm: (input) => instagramDm(ctx, input),
    pageInboxReply: (input) => pageInboxReply(ctx, input),
  };

  async function act<Ids extends object>(label: string, event: MetaEvent<Ids>, delivery?: DeliveryOptions): Promise<ActionResult<Ids>> {
    const [payload] = envelopes([event], clock.now());
    const deliveries = await sender.send(payload!, label, delivery);
    return { ...event.ids, payload: payload!, status: deliveries[0]?.status, deliveries };
  }

  const meta: MetaSandbox = {
    appId,
    appSecret: options.appSecret,
    verifyToken,
    get graphUrl() { return `${host.sandboxUrl()}/v19.0`; },
    get webhookUrl() { return relaisUrl ? hookUrl(relaisUrl) : undefined; },

    addPage: (input) => addPage(world, input),
    addUser: (input) => addUser(world, input),
    addPost: (input) => addPost(world, input, clock.now()),
    addMedia: (input) => addMedia(world, input, clock.now()),
    setRelaisUrl: (url) => { relaisUrl = url; },
    setEchoes: (on) => { echoes = on; },
    now: () => clock.now(),
    advanceTime: (ms) => clock.advance(ms),

    comment: (input, delivery) => act('comment', events.comment(input), delivery),
    editComment: (input, delivery) => act('editComment', events.editComment(input), delivery),
    removeComment: (input, delivery) => act('removeComment', events.removeComment(input), delivery),
    hideComment: (input, delivery) => act('hideComment', events.hideComment(input), delivery),
    unhideComment: (input, delivery) => act('unhideComment', events.unhideComment(input), delivery),
    reaction: (input, delivery) => act('reaction', events.reaction(input), delivery),
    messengerMessage: (input, delivery) => act('messengerMessage', events.messengerMessage(input), delivery),
    instagramComment: (input, delivery) => act('instagramComment', events.instagramComment(input), delivery),
    instagramDm: (input, delivery) => act('instagramDm', events.instagramDm(input), delivery),
    pageInboxReply: (input, delivery) => act('pageInboxReply', events.pageInboxReply(input), delivery),
    events,
    async batch(list, batchOptions = {}) {
      const ordered = batchOptions.reorder ? [...list].reverse() : list;
      const payloads = batchOptions.separate ? ordered.flatMap((e) => envelopes([e], clock.now())) : envelopes(ordered, clock.now());
      const deliveries = [];
      for (const payload of payloads) deliveries.push(...await sender.send(payload, 'batch', batchOptions));
      return { payloads, deliveries };
    },
    async deliver(body, delivery) {
      const deliveries = await sender.send(body, 'raw', delivery);
      return { payload: deliveries[0]?.payload ?? body, status: deliveries[0]?.status, deliveries };
    },
    async verifyCallback(url, verify = {}) {
      const base = url ?? relaisUrl;
      if (!base) throw new Error('No Relais URL: pass one or call setRelaisUrl');
      return handshake(hookUrl(base), verify.verifyToken ?? verifyToken, timeoutMs);
    },
    idle: () => sender.idle(),

    failNext: (input) => faults.add(input),
    throttle: (input) => usage.throttle(input),
    unthrottle: () => usage.unthrottle(),
    setUsage: (override) => usage.setUsage(override),
    revokeToken: (token) => { world.revokedTokens.add(token); },
    setInstagramQuota: (total) => { world.igQuotaTotal = total; },
    pagePosts: (pageId) => [...world.posts.values()].filter((p) => p.pageId === pageId).sort((a, b) => b.createdAt - a.createdAt),
    instagramMedia: (pageId) => [...world.media.values()].filter((m) => m.pageId === pageId).sort((a, b) => b.createdAt - a.createdAt),

    sent: log.sent,
    replies: log.replies,
    hidden: log.hidden,
    deleted: log.deleted,
    likes: log.likes,
    calls: log.calls,
    deliveries: sender.deliveries,
    reset(resetOptions = {}) {
      sender.cancel();
      sender.deliveries.length = 0;
      clearLog(log);
      faults.clear();
      usage.reset();
      clock.reset();
      echoes = options.echoes ?? true;
      if (resetOptions.keepSetup) clearActivity(world);
      else clearAll(world);
    },
  };

  return {
    meta,
    handleGraph: (req, res, url) => handleGraph(graphDeps, req, res, url),
    close: () => sender.cancel(),
  };
}
