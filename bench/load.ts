import http from 'node:http';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

/**
 * A small closed-loop load generator on keep-alive connections: `concurrency` requests in
 * flight for `durationMs`. Enough to compare two servers side by side on one machine.
 */
export async function load(label: string, url: string, options: { concurrency?: number; durationMs?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 32;
  const durationMs = options.durationMs ?? 3000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;

  const once = () => new Promise<void>((resolve) => {
    const started = performance.now();
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, headers: options.headers }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode !== 200) errors++;
        latencies.push(performance.now() - started);
        resolve();
      });
    });
    request.on('error', () => { errors++; resolve(); });
    request.end();
  });
  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - began;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { label, requests: latencies.length, errors, perSecond: Math.round((latencies.length / elapsed) * 1000), p50ms: round(at(0.5)), p99ms: round(at(0.99)) };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
