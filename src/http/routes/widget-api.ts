import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createMemoryThrottle, type ThrottleLimit } from '../../accounts/index.ts';
import { checkIdentitySignature, identifySecretsOf, loadChannelContext, originAllowed, signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_RENEWABLE_MS, VISITOR_TOKEN_TTL_MS, webchatRequest, type WebchatSettings } from '../../channels/index.ts';
import { isOpen, nextOpening } from '../../care/index.ts';
import {
  createVisitor, identifyVisitor, leaveVisitorEmail, loadWebchatChannel, markWebchatRead, ownUploads, saveVisitorUpload, visitorExists, visitorHistory,
  WEBCHAT_UPLOAD_MAX_BYTES, type WebchatChannel,
} from '../../inbox/index.ts';
import { AppError, parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { assertWidgetOrigin } from './widget-access.ts';
import { visitorCallOf } from '../authenticate.ts';
import { allow, publicAccess, visitorAccess } from '../access.ts';
import { identifyBody, messageBody, sessionBody } from './widget.validators.ts';

const MINUTE = 60_000;

/** What the frame needs to draw itself: no secret, nothing about other visitors. */
function publicSettings(channel: WebchatChannel, shopName: string, now: number) {
  const settings: WebchatSettings = channel.settings;
  const hours = settings.businessHours;
  const open = hours ? isOpen(hours, now) : true;
  return {
    // The visitor talks to the shop: its name heads the chat, not the channel's internal one.
    name: shopName, primaryColor: settings.primaryColor, textColor: settings.textColor, greeting: settings.greeting,
    position: settings.position, language: settings.language, open, backAt: open || !hours ? null : nextOpening(hours, now),
  };
}

/**
 * The visitor's side of the chat: a session (a token Relais signs), history, messages
 * (through the same durable intake as webhooks), identify, attachments and read marks.
 * Rate limited per visitor and per IP; every call checks the Origin.
 */
export async function widgetApiRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const clock = deps.inbox.clock;
  const key = () => deps.secrets.get('webchatKey') ?? '';
  // Request rates, not secrets: taken before the work. In memory (atomic in the process), or in
  // Redis in scale mode, where every `serve` process shares one budget per visitor and IP.
  const throttle = deps.shared?.throttle ?? createMemoryThrottle({ clock });
  const perIp = { max: 120, windowMs: 10 * MINUTE };
  const perVisitor = { max: 30, windowMs: MINUTE };
  const newVisitorsPerIp = { max: 20, windowMs: 10 * MINUTE };
  const limit = async (...keys: [ThrottleLimit, string][]) => {
    let wait = 0;
    for (const [rule, name] of keys) wait = Math.max(wait, await throttle.take(`${rule.max}/${rule.windowMs}:${name}`, rule));
    if (wait > 0) throw new AppError('request.rate_limited', 'Too many messages; wait a moment', { retryAfterSeconds: wait });
  };
  const ipOf = (request: FastifyRequest) => `ip:${request.ip}`;
  const shopNameOf = async (channel: WebchatChannel) => (await deps.store.db.selectFrom('workspaces').select('name')
    .where('id', '=', channel.workspaceId).executeTakeFirst())?.name ?? channel.name;

  app.post('/widget/api/session', allow(publicAccess), async (request) => {
    const body = parseInput(sessionBody, request.body);
    const channel = await loadWebchatChannel(deps.store.db, body.channelId);
    if (!originAllowed(channel.settings, body.parentOrigin)) throw new AppError('auth.origin_refused', 'This site may not show this chat');
    assertWidgetOrigin(request, deps, channel, true);
    await limit([perIp, ipOf(request)]);
    // An expired token still renews itself for a while: the returning visitor keeps their thread.
    const claims = verifyVisitorToken(key(), body.token, { now: clock.now(), maxAgeMs: VISITOR_TOKEN_RENEWABLE_MS });
    let visitorId = claims && claims.channelId === channel.channelId && (await visitorExists(deps.store.db, channel, claims.visitorId)) ? claims.visitorId : null;
    if (!visitorId) {
      await limit([newVisitorsPerIp, ipOf(request)]);
      visitorId = await createVisitor(deps.inbox, channel);
    }
    // Every session call rotates the token: the widget asks again before it expires.
    const token = signVisitorToken(key(), { channelId: channel.channelId, visitorId, issuedAt: clock.now() });
    return { token, expiresAt: clock.now() + VISITOR_TOKEN_TTL_MS, visitorId, settings: publicSettings(channel, await shopNameOf(channel), clock.now()), history: await visitorHistory(deps.inbox, channel, visitorId) };
  });

  app.get('/widget/api/history', allow(visitorAccess('optional')), async (request) => {
    const { channel, claims } = visitorCallOf(request);
    return visitorHistory(deps.inbox, channel, claims.visitorId);
  });

  app.post('/widget/api/messages', allow(visitorAccess()), async (request, reply) => {
    const { channel, claims } = visitorCallOf(request);
    const body = parseInput(messageBody, request.body);
    await limit([perVisitor, `visitor:${claims.visitorId}`], [perIp, ipOf(request)]);
    const attachments = (await ownUploads(deps.store.db, channel, claims.visitorId, body.attachments))
      .map((file) => ({ type: file.type, name: file.name, url: `${deps.config.publicUrl}${file.path}` }));
    if (body.email) await leaveVisitorEmail(deps.inbox, channel, claims.visitorId, body.email);
    const request_ = webchatRequest(key(), {
      account: channel.account, visitorId: claims.visitorId, clientMessageId: body.clientMessageId, name: null,
      text: body.text, attachments, at: clock.now(),
    });
    const status = await deps.recordDelivery(deps.channels.require('webchat'), deps.secrets, request_);
    return reply.status(202).send({ status });
  });

  app.post('/widget/api/identify', allow(visitorAccess()), async (request) => {
    const { channel, claims } = visitorCallOf(request);
    const body = parseInput(identifyBody, request.body);
    await limit([perVisitor, `visitor:${claims.visitorId}`]);
    const { credentials } = await loadChannelContext({ db: deps.store.db, sealer: deps.inbox.sealer }, channel.workspaceId, channel.channelId);
    const check = body.signature ? checkIdentitySignature(identifySecretsOf(credentials, clock.now()), body.identity, body.signature, clock.now()) : null;
    const verdict = !check ? 'unverified' : check.valid ? 'verified' : 'refused';
    await identifyVisitor(deps.inbox, channel, claims.visitorId, body.identity, verdict);
    return { status: verdict, ...(check && !check.valid ? { reason: check.reason } : {}) };
  });

  app.post('/widget/api/read', allow(visitorAccess()), async (request) => {
    const { channel, claims } = visitorCallOf(request);
    await limit([perVisitor, `visitor:${claims.visitorId}`]);
    const { at, conversationId } = await markWebchatRead(deps.inbox, channel, claims.visitorId, 'visitor');
    if (conversationId) deps.bus.signal(channel.workspaceId, { type: 'visitor', conversationId, readAt: at });
    return { at };
  });

  await app.register(async (uploads) => {
    uploads.addContentTypeParser(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'], { parseAs: 'buffer', bodyLimit: WEBCHAT_UPLOAD_MAX_BYTES }, (_request, body, done) => done(null, body));
    uploads.post('/widget/api/uploads', allow(visitorAccess()), async (request, reply) => {
      const { channel, claims } = visitorCallOf(request);
      await limit([perVisitor, `visitor:${claims.visitorId}`], [perIp, ipOf(request)]);
      const header = request.headers['x-file-name'];
      const name = safeDecode(Array.isArray(header) ? header[0] : header);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const saved = await saveVisitorUpload(deps.inbox, channel, claims.visitorId, { name, declaredType: String(request.headers['content-type'] ?? ''), bytes });
      return reply.status(201).send({ id: saved.id, name: saved.name, type: saved.kind, url: `${deps.config.publicUrl}${saved.path}` });
    });
  });
}

function safeDecode(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return '';
  }
}
