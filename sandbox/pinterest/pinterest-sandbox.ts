/**
 * Pinterest API v5, the subset Relais publishes with (PLATFORMS §5.1): the account, boards,
 * `POST /v5/pins` with an image by URL (Pinterest fetches it), a board's Pins to reconcile a
 * lost answer, and Pin metrics that grow with age. Errors are `{code, message}` with the HTTP
 * status; writes are counted per account in a one-minute window (`x-ratelimit-*` headers,
 * 429 once spent; exact header names and limits marked "verify").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import { readBody, sendJson, sendText } from '../http-io.ts';
import { engagementAt, fetchImage } from '../publishing-media.ts';

export interface PinterestAccount { username: string; accessToken: string }
export interface PinterestBoard { id: string; username: string; name: string }
export interface PinterestPin { id: string; username: string; boardId: string; title: string | null; description: string; link: string | null; imageUrl: string; createdAt: number }
export interface PinterestFailNext { method?: string; path?: string; status?: number; body?: unknown; times?: number; actThenHang?: boolean }

export interface PinterestSandbox {
  /** `<sandbox url>`: the API base for Relais's Pinterest channel (paths start with /v5). */
  readonly apiUrl: string;
  addAccount(input: PinterestAccount): void;
  addBoard(input: { username: string; name: string; id?: string }): PinterestBoard;
  pins(username: string): PinterestPin[];
  failNext(input: PinterestFailNext): void;
  /** Writes per account per minute (default 100). */
  setWriteQuota(limit: number): void;
  revokeToken(token: string): void;
  reset(): void;
}

const WINDOW_MS = 60_000;

export function createPinterestSandbox(deps: { clock: Clock; sandboxUrl: () => string }) {
  const accounts = new Map<string, PinterestAccount>();
  const boards = new Map<string, PinterestBoard>();
  const pins = new Map<string, PinterestPin>();
  const revoked = new Set<string>();
  let faults: (PinterestFailNext & { left: number })[] = [];
  let writeQuota = 100;
  const windows = new Map<string, { start: number; used: number }>();
  let nextId = 1_000_000;

  const sandbox: PinterestSandbox = {
    get apiUrl() { return deps.sandboxUrl(); },
    addAccount: (input) => { accounts.set(input.username, input); },
    addBoard(input) {
      const board = { id: input.id ?? String(549_755_000_000 + (nextId += 1)), username: input.username, name: input.name };
      boards.set(board.id, board);
      return board;
    },
    pins: (username) => [...pins.values()].filter((p) => p.username === username),
    failNext: (input) => { faults.push({ ...input, left: input.times ?? 1 }); },
    setWriteQuota: (limit) => { writeQuota = limit; },
    revokeToken: (token) => { revoked.add(token); },
    reset() {
      accounts.clear(); boards.clear(); pins.clear(); revoked.clear(); faults = []; windows.clear(); writeQuota = 100;
    },
  };

  const fail = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) => sendText(res, status, JSON.stringify({ code, message }), headers);
  const pinJson = (pin: PinterestPin, metrics: boolean) => ({
    id: pin.id, created_at: new Date(pin.createdAt).toISOString().slice(0, 19), board_id: pin.boardId, title: pin.title, description: pin.description, link: pin.link,
    media: { media_type: 'image', images: { originals: { url: pin.imageUrl } } },
    ...(metrics ? { pin_metrics: { lifetime_metrics: toMetrics(deps.clock.now() - pin.createdAt) } } : {}),
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const path = url.pathname;
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const account = token && !revoked.has(token) ? [...accounts.values()].find((a) => a.accessToken === token) : undefined;
    const fault = faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || path.endsWith(f.path)));
    if (fault) {
      fault.left -= 1;
      faults = faults.filter((f) => f.left > 0);
    }
    if (fault && !fault.actThenHang) return sendJson(res, fault.status ?? 500, fault.body ?? { code: 0, message: 'Something went wrong on our end. Sorry about that.' });
    if (!account) return fail(res, 401, 2, 'Authentication failed.');
    let headers: Record<string, string> = {};
    if (method !== 'GET') {
      const now = deps.clock.now();
      let window = windows.get(account.username);
      if (!window || now >= window.start + WINDOW_MS) windows.set(account.username, window = { start: now, used: 0 });
      const allowed = window.used < writeQuota;
      if (allowed) window.used += 1;
      headers = { 'x-ratelimit-limit': String(writeQuota), 'x-ratelimit-remaining': String(Math.max(0, writeQuota - window.used)), 'x-ratelimit-reset': String(Math.ceil((window.start + WINDOW_MS) / 1000)) };
      if (!allowed) return fail(res, 429, 8, 'You have exceeded your rate limit. Try again later.', headers);
    }
    let body: any;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      return fail(res, 400, 1, 'Invalid request body', headers);
    }
    if (method === 'GET' && path === '/v5/user_account') return sendJson(res, 200, { username: account.username, account_type: 'BUSINESS' });
    if (method === 'GET' && path === '/v5/boards') return sendJson(res, 200, { items: [...boards.values()].filter((b) => b.username === account.username).map((b) => ({ id: b.id, name: b.name, privacy: 'PUBLIC' })), bookmark: null });
    if (method === 'POST' && path === '/v5/boards') {
      if (typeof body.name !== 'string' || body.name.length === 0) return fail(res, 400, 1, 'Invalid parameters: name is required', headers);
      const board = sandbox.addBoard({ username: account.username, name: body.name });
      return sendText(res, 201, JSON.stringify({ id: board.id, name: board.name, privacy: 'PUBLIC' }), headers);
    }
    const boardPins = /^\/v5\/boards\/([^/]+)\/pins$/.exec(path);
    if (method === 'GET' && boardPins) {
      const board = boards.get(decodeURIComponent(boardPins[1]!));
      if (!board || board.username !== account.username) return fail(res, 404, 404, 'Board not found.');
      const list = [...pins.values()].filter((p) => p.boardId === board.id).sort((a, b) => b.createdAt - a.createdAt).slice(0, Number(url.searchParams.get('page_size') ?? 25));
      return sendJson(res, 200, { items: list.map((p) => pinJson(p, false)), bookmark: null });
    }
    const onePin = /^\/v5\/pins\/([^/]+)$/.exec(path);
    if (method === 'GET' && onePin) {
      const pin = pins.get(onePin[1]!);
      if (!pin || pin.username !== account.username) return fail(res, 404, 50, 'Pin not found.');
      return sendJson(res, 200, pinJson(pin, url.searchParams.get('pin_metrics') === 'true'));
    }
    if (method === 'POST' && path === '/v5/pins') {
      const board = boards.get(String(body.board_id ?? ''));
      if (!board || board.username !== account.username) return fail(res, 404, 4, 'Board not found.', headers);
      const problems: string[] = [];
      if (body.title != null && String(body.title).length > 100) problems.push('title: at most 100 characters');
      if (body.description != null && String(body.description).length > 800) problems.push('description: at most 800 characters');
      if (body.link != null && String(body.link).length > 2048) problems.push('link: at most 2048 characters');
      if (body.media_source?.source_type !== 'image_url') problems.push('media_source: image_url required');
      if (problems.length > 0) return fail(res, 400, 1, `Invalid parameters: ${problems.join('; ')}`, headers);
      const image = await fetchImage(body.media_source.url);
      if (!image.ok) return fail(res, 400, 1, `Sorry, we could not fetch the image (${image.reason ?? ''})`, headers);
      const pin: PinterestPin = {
        id: String(900_000_000_000_000_000n + BigInt(nextId += 7)), username: account.username, boardId: board.id, title: body.title ?? null,
        description: String(body.description ?? ''), link: body.link ?? null, imageUrl: String(body.media_source.url), createdAt: deps.clock.now(),
      };
      pins.set(pin.id, pin);
      if (fault?.actThenHang) return; // done, and no answer ever leaves
      return sendText(res, 201, JSON.stringify(pinJson(pin, false)), headers);
    }
    if (fault?.actThenHang) { await delay(0); return; }
    return fail(res, 404, 404, `No ${method} ${path} here`);
  }

  return { pinterest: sandbox, handleApi };
}

function toMetrics(ageMs: number) {
  const e = engagementAt(ageMs);
  return { impression: e.impressions, save: e.saves, pin_click: Math.floor(e.clicks / 2), outbound_click: Math.ceil(e.clicks / 2), reaction: e.likes, comment: e.comments };
}

export const isPinterestPath = (pathname: string) => pathname === '/v5' || pathname.startsWith('/v5/');
