/**
 * One outgoing HTTP request with a total time limit, on node:http without connection reuse,
 * so every webhook is its own connection (as Meta's are) and nothing lingers after a test.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface IncomingAnswer {
  status: number;
  body: string;
}

const maxAnswerBytes = 64 * 1024;

export function sendRequest(out: OutgoingRequest): Promise<IncomingAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(out.url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: out.method, headers: out.headers, agent: false, signal: out.signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxAnswerBytes) chunks.push(chunk);
      });
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', (error) => { clearTimeout(timer); reject(error); });
    });
    // node's `timeout` option is an idle timeout; Meta's 20 s is for the whole exchange.
    const timer = setTimeout(() => req.destroy(new Error(`No answer within ${out.timeoutMs} ms`)), out.timeoutMs);
    req.on('error', (error) => { clearTimeout(timer); reject(error); });
    req.end(out.body);
  });
}
