import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, sha256Hex, type Clock } from '../kernel/index.ts';
import { isUniqueViolation, type Db } from '../store/index.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered (Stripe keeps them 24 hours too). */
const KEPT_MS = 24 * 60 * 60_000;
/** A key still running after this long belongs to a process that died: it may run again. */
const STALE_MS = 60_000;
const KEY_FORMAT = /^[\x21-\x7e]{8,100}$/;

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * Runs a send route once per idempotency key, the way Stripe does: the key comes in the
 * `Idempotency-Key` header or as `idempotencyKey` in the body (the console's way), and is
 * required. The same key with the same request answers the first answer again (with
 * `idempotent-replayed: true`); with another request it is refused, 409 `idempotency.conflict`;
 * while the first is still running, 409 `idempotency.in_progress`. A failed request forgets
 * its key, so the client may retry it. Keys are per workspace and kept a day.
 *
 * @example return idempotent({ db, clock }, request, reply, workspaceId, body.idempotencyKey, async () => ({ status: 201, body: await send() }));
 */
export async function idempotent(
  deps: { db: Db; clock: Clock },
  request: FastifyRequest,
  reply: FastifyReply,
  workspaceId: string,
  bodyKey: string | undefined,
  run: (key: string) => Promise<Answer>,
): Promise<unknown> {
  const key = keyOf(request, bodyKey);
  const fingerprint = sha256Hex(stableJson({ method: request.method, route: request.routeOptions.url, params: request.params, body: withoutKey(request.body) }));
  const now = deps.clock.now();
  await deps.db.deleteFrom('idempotency_keys').where('created_at', '<', now - KEPT_MS).execute();
  const replayed = await claim(deps.db, workspaceId, key, fingerprint, now);
  if (replayed) {
    reply.header('idempotent-replayed', 'true');
    return reply.status(replayed.status).send(replayed.body);
  }
  let answer: Answer;
  try {
    answer = await run(key);
  } catch (error) {
    await deps.db.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('key', '=', key).where('status', 'is', null).execute();
    throw error;
  }
  await deps.db.updateTable('idempotency_keys').set({ status: answer.status, response: JSON.stringify(answer.body ?? null) })
    .where('workspace_id', '=', workspaceId).where('key', '=', key).execute();
  return reply.status(answer.status).send(answer.body);
}

function keyOf(request: FastifyRequest, bodyKey: string | undefined): string {
  const header = request.headers[IDEMPOTENCY_HEADER];
  const headerKey = Array.isArray(header) ? header[0] : header;
  if (headerKey !== undefined && bodyKey !== undefined && headerKey !== bodyKey) {
    throw new AppError('request.invalid', 'The Idempotency-Key header and idempotencyKey differ', { fields: { idempotencyKey: ['differs from the Idempotency-Key header'] } });
  }
  const key = headerKey ?? bodyKey;
  if (key === undefined) throw new AppError('idempotency.key_required', 'Send an Idempotency-Key header (any unique string of 8 to 100 characters) with every send');
  if (!KEY_FORMAT.test(key)) throw new AppError('request.invalid', 'An idempotency key is 8 to 100 visible ASCII characters', { fields: { idempotencyKey: ['8 to 100 visible ASCII characters'] } });
  return key;
}

/** The first request's answer when this key was already used for the same request; null when this call runs it. */
async function claim(db: Db, workspaceId: string, key: string, fingerprint: string, now: number): Promise<Answer | null> {
  try {
    await db.insertInto('idempotency_keys').values({ workspace_id: workspaceId, key, fingerprint, status: null, response: null, created_at: now }).execute();
    return null;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await db.selectFrom('idempotency_keys').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
  if (!row) throw new AppError('idempotency.in_progress', 'A request with this idempotency key is still running; try again in a moment');
  if (row.fingerprint !== fingerprint) throw new AppError('idempotency.conflict', 'This idempotency key was used for a different request; use a new key');
  if (row.status !== null) return { status: row.status, body: JSON.parse(row.response ?? 'null') };
  if (now - Number(row.created_at) < STALE_MS) throw new AppError('idempotency.in_progress', 'A request with this idempotency key is still running; try again in a moment');
  // The process that took the key died mid-way: take it over (the send itself is keyed too).
  const taken = await db.updateTable('idempotency_keys').set({ created_at: now }).where('workspace_id', '=', workspaceId).where('key', '=', key)
    .where('status', 'is', null).where('created_at', '=', row.created_at).executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw new AppError('idempotency.in_progress', 'A request with this idempotency key is still running; try again in a moment');
  return null;
}

function withoutKey(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { idempotencyKey: _key, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** JSON with object keys sorted, so the same request written in another key order is the same request. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
