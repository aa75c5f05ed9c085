import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { forbiddenRange } from './address-policy.ts';
import { OutboundError } from './outbound-error.ts';

export interface OutboundPolicy {
  /** Loopback and private targets allowed: the sandbox on 127.0.0.1 (tests, demo). */
  allowPrivate: boolean;
  /** Plain http refused (production). */
  requireHttps: boolean;
}

/**
 * The installation's policy, read when a request is made so the CLI, the server and the
 * workers all follow the same two settings without plumbing: `RELAIS_ALLOW_PRIVATE_API_BASE=1`
 * lets the sandbox on a local address be reached; `NODE_ENV=production` requires https
 * (unless private bases are allowed, which production never needs).
 */
export function policyFromEnv(env: Record<string, string | undefined> = process.env): OutboundPolicy {
  const allowPrivate = env.RELAIS_ALLOW_PRIVATE_API_BASE === '1' || env.RELAIS_ALLOW_PRIVATE_API_BASE === 'true';
  return { allowPrivate, requireHttps: env.NODE_ENV === 'production' && !allowPrivate };
}

export interface GuardedRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /**
   * The origin (`https://graph.facebook.com`) the credentials in `headers` belong to: a URL
   * on any other origin (a `Link` header pointing elsewhere) is refused before sending.
   */
  credentialOrigin?: string;
  policy?: OutboundPolicy;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

// Pooled connections are kept apart per policy: a socket opened while private targets were
// allowed is never reused for a request made under the strict policy.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: 'http:' | 'https:', policy: OutboundPolicy): http.Agent {
  const key = `${protocol}${policy.allowPrivate ? 'private' : 'public'}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 64, lookup: guardedLookup(policy) };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * `dns.lookup` that judges every address the name resolves to and hands the socket only
 * those it judged: the connection goes to the checked address, so a name that resolves to
 * a public address for a check and to 127.0.0.1 for the connection (DNS rebinding) gets
 * nowhere.
 */
function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = policy.allowPrivate ? undefined : list.find((entry) => forbiddenRange(entry.address) !== null);
      if (refused || list.length === 0) {
        // The range, not the address: the caller learns nothing of the internal network's layout.
        const why = refused ? `${hostname} resolves to a ${forbiddenRange(refused.address)} address` : `${hostname} has no address`;
        return callback(Object.assign(new OutboundError('address', `Refused: ${why}`), { code: 'ERELAISREFUSED' }), []);
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Checks a URL as far as can be done without resolving it: scheme, literal addresses, origin. */
export function checkOutboundUrl(input: string | URL, options: Pick<GuardedRequest, 'credentialOrigin' | 'policy'> = {}): URL {
  const policy = options.policy ?? policyFromEnv();
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new OutboundError('scheme', 'Refused: not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundError('scheme', `Refused: ${url.protocol} URLs are not fetched`);
  if (policy.requireHttps && url.protocol !== 'https:') throw new OutboundError('scheme', 'Refused: https is required');
  if (options.credentialOrigin !== undefined && url.origin !== options.credentialOrigin) {
    throw new OutboundError('origin', `Refused: ${url.origin} is not ${options.credentialOrigin}, the origin these credentials belong to`);
  }
  // The WHATWG parser has already turned 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into
  // 127.0.0.1, and [::ffff:127.0.0.1] into [::ffff:7f00:1]; the socket never resolves a
  // literal, so it is judged here.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (policy.allowPrivate) return url;
  // `localhost` and its subdomains are this machine whatever a resolver says (RFC 6761).
  if (/(^|\.)localhost\.?$/i.test(host)) throw new OutboundError('address', `Refused: ${host} is this machine`);
  if (isIP(host) !== 0) {
    const range = forbiddenRange(host);
    if (range) throw new OutboundError('address', `Refused: ${host} is a ${range} address`);
  }
  return url;
}

/**
 * The one way Relais makes a server-side HTTP request (platform APIs, shops, and whatever
 * comes later). Refuses other schemes, http in production, loopback/private/link-local/CGNAT/
 * multicast/reserved targets however spelt and however resolved, and credentials sent to
 * another origin; follows no redirect (a 3xx comes back as it is); bounds the time and the
 * size of the answer. Failures are `OutboundError`s, never a raw socket error.
 *
 * @example const response = await guardedFetch('https://graph.facebook.com/v19.0/me', { headers: { authorization: 'Bearer …' }, credentialOrigin: 'https://graph.facebook.com' });
 */
export async function guardedFetch(input: string | URL, init: GuardedRequest = {}): Promise<Response> {
  const policy = init.policy ?? policyFromEnv();
  const url = checkOutboundUrl(input, { credentialOrigin: init.credentialOrigin, policy });
  const protocol = url.protocol as 'http:' | 'https:';
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = init.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  const send = protocol === 'https:' ? https.request : http.request;

  let request: http.ClientRequest;
  try {
    request = send(url, { method: init.method ?? 'GET', headers, agent: agentFor(protocol, policy) });
  } catch (error) {
    // Headers Node refuses (a token with a line break) fail before anything is sent.
    throw new OutboundError('scheme', `Refused: ${(error as Error).message}`, false, { cause: error });
  }
  return new Promise<Response>((resolve, reject) => {
    let written = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: OutboundError) => settle(() => {
      request.destroy();
      reject(error);
    });
    const timer = setTimeout(() => fail(new OutboundError('timeout', `${url.host} did not answer within ${timeoutMs} ms`, true)), timeoutMs);
    request.on('response', (response: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const broke = (cause?: unknown) => fail(new OutboundError('unreachable', `The connection to ${url.host} broke`, true, { cause }));
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(new OutboundError('too_large', `The answer from ${url.host} is larger than ${maxBytes} bytes`, true));
        else chunks.push(chunk);
      });
      response.on('error', broke);
      response.on('aborted', () => broke());
      response.on('end', () => settle(() => {
        try {
          resolve(toResponse(response, Buffer.concat(chunks)));
        } catch (error) {
          reject(error);
        }
      }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const refusal = [error, (error as { cause?: unknown }).cause].find((candidate) => candidate instanceof OutboundError);
      if (refusal) return fail(refusal as OutboundError);
      if (error.code === 'ERELAISREFUSED') return fail(new OutboundError('address', error.message));
      fail(new OutboundError('unreachable', `${url.host} could not be reached (${error.code ?? 'error'})`, written, { cause: error }));
    });
    request.on('finish', () => { written = true; });
    request.end(init.body);
  });
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function toResponse(response: http.IncomingMessage, body: Buffer): Response {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 599) throw new OutboundError('unreachable', `Unexpected HTTP status ${status}`, true);
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(body), { status, statusText: response.statusMessage ?? '', headers });
}
