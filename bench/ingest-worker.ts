// Posts signed Meta webhooks from its own thread: at full speed, or at a fixed rate.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { meta, signedMetaRequest } from '../src/channels/testing.ts';

interface Job { url: string; secret: string; pageId: string; mode: 'max' | 'rate'; durationMs: number; rate: number; concurrency: number; prefix: string; duplicateEvery: number }
const job = workerData as Job;
const target = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
const latencies: number[] = [];
let sent = 0;
let unique = 0;
let errors = 0;

function body(n: number): { body: string; headers: Record<string, string> } {
  const at = Date.now();
  const entry = n % 2 === 0
    ? meta.message(job.pageId, { psid: `${job.prefix}${n % 500}`, mid: `m_${job.prefix}_${n}`, text: `Bonjour, où est ma commande n°${n} ? 📦`, at })
    : meta.comment(job.pageId, { commentId: `${job.pageId}_1_${job.prefix}${n}`, postId: `${job.pageId}_1`, from: { id: `${job.prefix}c${n % 500}`, name: 'Client Test' }, message: `Commentaire n°${n} — très déçue`, at });
  return signedMetaRequest(meta.page(entry), job.secret);
}

function post(n: number): Promise<void> {
  const { body: payload, headers } = body(n);
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) latencies.push(performance.now() - started);
        else errors++;
        resolve();
      });
    });
    request.on('error', () => { errors++; resolve(); });
    request.end(payload);
  });
}

// Every `duplicateEvery`-th send repeats the previous event, as Meta's retries do.
const next = () => {
  const n = job.duplicateEvery > 0 && sent > 0 && sent % job.duplicateEvery === 0 ? unique - 1 : unique++;
  sent++;
  return n;
};

const began = performance.now();
const deadline = began + job.durationMs;
if (job.mode === 'max') {
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (performance.now() < deadline) await post(next());
  }));
} else {
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / job.rate;
  for (let i = 0; performance.now() < deadline; i++) {
    const due = began + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const p = post(next()).then(() => { inFlight.delete(p); });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}
const elapsed = performance.now() - began;
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
parentPort!.postMessage({ sent, unique, errors, perSecond: Math.round((latencies.length / elapsed) * 1000), p50: at(0.5), p99: at(0.99) });
