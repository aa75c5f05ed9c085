/**
 * For tests: a tiny receiver playing Relais (records every request with its raw bytes and
 * answers as told), and a Graph client that returns status, headers and parsed body.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http-io.ts';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The exact bytes received. */
  raw: Buffer;
}

export type Responder = (req: ReceivedRequest) => { status: number; body?: string } | Promise<{ status: number; body?: string }>;

export interface FakeRelais {
  url: string;
  received: ReceivedRequest[];
  /** Replaces the default answers (handshake per Meta; 200 to every POST). */
  respond(responder: Responder): void;
  /** Forgets what was received and restores the default answers. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeRelais(options: { verifyToken?: string } = {}): Promise<FakeRelais> {
  const verifyToken = options.verifyToken ?? 'sandbox-verify-token';
  const standard: Responder = (req) => {
    if (req.method !== 'GET') return { status: 200, body: 'EVENT_RECEIVED' };
    const ok = req.query.get('hub.mode') === 'subscribe' && req.query.get('hub.verify_token') === verifyToken;
    return ok ? { status: 200, body: req.query.get('hub.challenge') ?? '' } : { status: 403 };
  };
  let responder = standard;
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://relais');
      const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, raw: await readBody(req) };
      received.push(request);
      const answer = await responder(request);
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    respond: (next) => { responder = next; },
    reset: () => {
      received.length = 0;
      responder = standard;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface GraphAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls the sandbox's Graph API: GET params go in the query, others in a JSON body. */
export async function callGraph(graphUrl: string, method: string, path: string, params: Record<string, unknown> = {}, token?: string): Promise<GraphAnswer> {
  const url = new URL(`${graphUrl}${path}`);
  const init: RequestInit = { method, headers: token ? { authorization: `Bearer ${token}` } : {} };
  if (method === 'GET' || method === 'DELETE') {
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  } else {
    init.body = JSON.stringify(params);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: await res.json() };
}
