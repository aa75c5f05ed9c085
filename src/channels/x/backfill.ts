import type { InboundItem } from '../inbound-item.ts';
import type { ChannelContext, FailureKind } from '../provider.ts';
import { XRateGated, type XApi, type XResponse } from './api.ts';
import { commentFromV2, messageFromV2, usersById } from './backfill-items.ts';
import { selfId } from './outbound.ts';
import type { RateGate } from './rate-gate.ts';

/** A back-fill call X refused; `kind` and `retryAfterMs` tell the job when to try again. */
export class XBackfillError extends Error {
  constructor(message: string, readonly kind: FailureKind, readonly retryAfterMs?: number) {
    super(message);
  }
}

/** Where the last back-fill stopped: the newest mention and DM event ids seen, in one string. */
export interface XBackfillCursor { mentions?: string | undefined; dms?: string | undefined }

/** @example encodeXCursor({ mentions: '185…', dms: '190…' }) // 'mentions=185…&dms=190…' */
export function encodeXCursor(cursor: XBackfillCursor): string | null {
  const params = new URLSearchParams();
  if (cursor.mentions) params.set('mentions', cursor.mentions);
  if (cursor.dms) params.set('dms', cursor.dms);
  return params.size > 0 ? params.toString() : null;
}

export function decodeXCursor(cursor: string | null): XBackfillCursor {
  const params = new URLSearchParams(cursor ?? '');
  const id = (name: string) => (/^\d+$/.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  return { mentions: id('mentions'), dms: id('dms') };
}

const MAX_PAGES = 5;
const newer = (a: string, b: string | undefined) => b === undefined || BigInt(a) > BigInt(b);

/**
 * What webhooks may have missed (X retries nothing below Enterprise, PLATFORMS.md §2.2):
 * mentions since the last mention seen (`since_id`), and DM events newer than the last one
 * seen (`GET /2/dm_events` has no `since_id`: pages are read newest first until a known id).
 * At most 5 pages of 100 each per run; the next run goes on from the cursor.
 *
 * @throws XBackfillError when X refuses (429 with the wait, 401, 5xx).
 */
export async function backfillX(api: XApi, gate: RateGate, channel: ChannelContext, cursor: string | null): Promise<{ items: InboundItem[]; cursor: string | null }> {
  const since = decodeXCursor(cursor);
  const me = selfId(channel);
  const mentions = await pages(api, gate, channel, `/2/users/${encodeURIComponent(me)}/mentions`, {
    since_id: since.mentions, max_results: '100', 'tweet.fields': 'author_id,created_at,referenced_tweets,conversation_id,note_tweet',
    expansions: 'author_id', 'user.fields': 'name,username',
  }, () => false);
  const dms = await pages(api, gate, channel, '/2/dm_events', {
    max_results: '100', event_types: 'MessageCreate', 'dm_event.fields': 'id,text,event_type,created_at,sender_id,participant_ids,dm_conversation_id',
    expansions: 'sender_id,participant_ids', 'user.fields': 'name,username',
  }, (event) => since.dms !== undefined && !newer(String(event?.id ?? '0'), since.dms));
  const items: InboundItem[] = [
    ...mentions.data.map((tweet) => commentFromV2(tweet, mentions.users, me)),
    ...dms.data.filter((event) => newer(String(event?.id ?? '0'), since.dms)).map((event) => messageFromV2(event, dms.users, me)),
  ].filter((item) => item !== null).sort((a, b) => a.occurredAt - b.occurredAt);
  const newest = (list: any[], previous: string | undefined) => list.reduce<string | undefined>((best, item) => (/^\d+$/.test(String(item?.id)) && newer(String(item.id), best) ? String(item.id) : best), previous);
  return { items, cursor: encodeXCursor({ mentions: newest(mentions.data, since.mentions), dms: newest(dms.data, since.dms) }) };
}

async function pages(api: XApi, gate: RateGate, channel: ChannelContext, path: string, query: Record<string, string | undefined>, known: (item: any) => boolean) {
  const data: any[] = [];
  const users = new Map();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await get(api, gate, channel, path, { ...query, pagination_token: token });
    const list: any[] = Array.isArray(answer.body?.data) ? answer.body.data : [];
    for (const [id, user] of usersById(answer.body?.includes)) users.set(id, user);
    const fresh = list.filter((item) => !known(item));
    data.push(...fresh);
    token = typeof answer.body?.meta?.next_token === 'string' ? answer.body.meta.next_token : undefined;
    if (!token || fresh.length < list.length) break;
  }
  return { data, users };
}

async function get(api: XApi, gate: RateGate, channel: ChannelContext, path: string, query: Record<string, string | undefined>): Promise<XResponse> {
  let answer: XResponse;
  try {
    answer = await api(channel, 'GET', path, { query });
  } catch (error) {
    if (error instanceof XRateGated) throw new XBackfillError(error.message, 'rate_limited', error.retryAfterMs);
    throw new XBackfillError(`X back-fill failed: ${(error as Error).message}`, 'transient');
  }
  if (answer.status === 200) return answer;
  const kind: FailureKind = answer.status === 429 ? 'rate_limited' : answer.status === 401 ? 'auth' : answer.status >= 500 ? 'transient' : 'permanent';
  throw new XBackfillError(`X back-fill: ${path} answered HTTP ${answer.status}`, kind, kind === 'rate_limited' ? gate.untilReset(answer.headers) : undefined);
}
