/** DMs and user lookups (PLATFORMS.md §2.4). */
import { envelopes } from '../events.ts';
import type { XDmRecord } from '../world.ts';
import { problems, type XApiContext, type XApiRequest, type XApiResult } from './context.ts';
import { page, userIncludes, v2DmEvent, v2User } from './listing.ts';

const MAX_DM_CHARACTERS = 10_000;

export function sendDm(ctx: XApiContext, req: XApiRequest): XApiResult {
  const recipient = ctx.world.users.get(req.params.id!);
  if (!recipient) throw problems.notFound('user', req.params.id!);
  const text: unknown = req.body?.text;
  if (typeof text !== 'string' || text.length === 0) throw problems.invalid('text', 'text must be a non-empty string');
  if ([...text].length > MAX_DM_CHARACTERS) throw problems.invalid('text', `text must be at most ${MAX_DM_CHARACTERS} characters`);
  if (!recipient.acceptsDms) throw problems.forbidden('You are not permitted to send Direct Messages to this user.');
  const dm: XDmRecord = { id: ctx.world.nextId(), senderId: req.account.id, recipientId: recipient.id, text, createdAt: ctx.now(), sourceAppId: ctx.appId };
  ctx.world.dms.push(dm);
  ctx.log.dms.push({ id: dm.id, accountId: req.account.id, recipientId: recipient.id, text, at: dm.createdAt });
  const [low, high] = [dm.senderId, dm.recipientId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  return {
    status: 201,
    body: { data: { dm_conversation_id: `${low}-${high}`, dm_event_id: dm.id } },
    after: () => ctx.echo(envelopes.directMessage(ctx.world, req.account.id, dm)),
  };
}

/** Every DM event of the account, newest first (`GET /2/dm_events`). */
export function dmEvents(ctx: XApiContext, req: XApiRequest): XApiResult {
  return events(ctx, req, ctx.world.dms.filter((dm) => dm.senderId === req.account.id || dm.recipientId === req.account.id));
}

/** One conversation's events (`GET /2/dm_conversations/with/:id/dm_events`). */
export function conversationEvents(ctx: XApiContext, req: XApiRequest): XApiResult {
  const other = req.params.id!;
  const me = req.account.id;
  return events(ctx, req, ctx.world.dms.filter((dm) => (dm.senderId === me && dm.recipientId === other) || (dm.senderId === other && dm.recipientId === me)));
}

function events(ctx: XApiContext, req: XApiRequest, list: XDmRecord[]): XApiResult {
  const types = req.query.get('event_types');
  if (types !== null && !types.split(',').includes('MessageCreate')) return { status: 200, body: { meta: { result_count: 0 } } };
  const body = page(list, req.query, (dm) => v2DmEvent(dm, req.query), (slice) => userIncludes(ctx.world, req.query, 'sender_id', slice.flatMap((dm) => [dm.senderId, dm.recipientId])));
  return { status: 200, body };
}

export function me(_ctx: XApiContext, req: XApiRequest): XApiResult {
  return { status: 200, body: { data: v2User(req.account, req.query) } };
}

export function userById(ctx: XApiContext, req: XApiRequest): XApiResult {
  const user = ctx.world.users.get(req.params.id!);
  // X answers 200 with an `errors` array for a missing user in a lookup.
  if (!user) return { status: 200, body: { errors: problems.notFound('user', req.params.id!).body.errors } };
  return { status: 200, body: { data: v2User(user, req.query) } };
}
