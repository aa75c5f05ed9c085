/** Small node:http helpers shared by the API surfaces the sandbox serves. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const maxBodyBytes = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new Error('Request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Parameters from the query string merged with a JSON or form-encoded body, the way Graph
 * reads them (a client may send any of the three). Throws on a JSON body that does not parse.
 */
export function readParams(url: URL, contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body.length === 0) return params;
  const text = body.toString('utf8');
  if (contentType?.includes('json')) {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) Object.assign(params, parsed);
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
  }
  return params;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body));
}
