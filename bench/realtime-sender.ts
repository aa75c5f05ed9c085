// Posts signed Meta webhooks at a fixed rate from its own thread, noting when each left.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { meta, signedMetaRequest } from '../src/channels/testing.ts';
import { externalIdOf, wallClock, type SenderJob, type SenderResult } from './realtime-events.ts';

const job = workerData as SenderJob;
const target = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const sentAt: (number | undefined)[] = [];
const acks: number[] = [];
let errors = 0;

function post(n: number): Promise<void> {
  const at = Date.now();
  const entry = n % 2 === 0
    ? meta.message(job.pageId, { psid: `${job.prefix}${n % 500}`, mid: externalIdOf(job, n), text: `Bonjour, où est ma commande n°${n} ? 📦`, at })
    : meta.comment(job.pageId, { commentId: externalIdOf(job, n), postId: `${job.pageId}_1`, from: { id: `${job.prefix}c${n % 500}`, name: 'Client Test' }, message: `Commentaire n°${n} — très déçue`, at });
  const { body, headers } = signedMetaRequest(meta.page(entry), job.secret);
  return new Promise((resolve) => {
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) acks.push(wallClock() - sentAt[n]!);
        else {
          errors++;
          sentAt[n] = undefined;
        }
        resolve();
      });
    });
    request.on('error', () => { errors++; sentAt[n] = undefined; resolve(); });
    sentAt[n] = wallClock();
    request.end(body);
  });
}

// Open loop: event n leaves at start + n / rate whatever the server's pace, as platforms do.
const began = performance.now();
const inFlight = new Set<Promise<void>>();
for (let n = 0; performance.now() - began < job.durationMs; n++) {
  const wait = began + (n * 1000) / job.rate - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  const p = post(n).then(() => { inFlight.delete(p); });
  inFlight.add(p);
}
await Promise.all(inFlight);
agent.destroy();
acks.sort((a, b) => a - b);
const at = (q: number) => acks[Math.min(acks.length - 1, Math.floor(q * acks.length))] ?? 0;
parentPort!.postMessage({ sentAt, errors, ackP50: at(0.5), ackP99: at(0.99) } satisfies SenderResult);
