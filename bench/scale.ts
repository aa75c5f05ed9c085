/**
 * `npm run bench:scale`: webhook intake and event-to-browser latency, side by side, for
 * - embedded: one `relais start` (SQLite, in-process bus),
 * - scale ×1: one `relais serve` + one `relais worker` on PostgreSQL and Redis,
 * - scale ×2: two `relais serve` + one `relais worker`, webhooks spread over both, the agent
 *   on the other instance than each webhook when it can.
 * Intake: BENCH_WEBHOOKS signed Meta webhooks (default 400) posted BENCH_CONCURRENCY at a time
 * (default 16), acknowledged/s and ack p50/p99. Latency: BENCH_SAMPLES webhooks (default 40)
 * one at a time, webhook sent → `message.created` on an agent's WebSocket, p50/p95/max.
 * Real processes on 127.0.0.1 (e2e/scale/cluster.ts); bounded to 5 minutes; not run in CI.
 */
import { createCluster, OWNER, RealtimeClient, signIn, waitUntil, type Cluster, type RelaisProcess } from '../e2e/scale/cluster.ts';
import { postgresUnavailable } from '../src/store/testing.ts';
import { redisServerInstalled } from '../src/realtime/testing.ts';

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
setTimeout(() => { console.error('bench:scale did not finish in 5 minutes'); process.exit(1); }, 5 * 60_000).unref();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

interface Row {
  mode: string;
  'intake/s': number;
  'ack p50 ms': number;
  'ack p99 ms': number;
  'processed/s': number;
  'event p50 ms': number;
  'event p95 ms': number;
  'event max ms': number;
}

async function measure(mode: string, cluster: Cluster, serving: RelaisProcess[]): Promise<Row> {
  const owner = await signIn(serving[0]!.url, OWNER.email, OWNER.password);
  // The agent watches the last instance; with two, webhooks go to the first.
  const agent = new RealtimeClient(owner);
  await agent.connect(serving.at(-1)!.url);
  const intakeUrls = serving.length > 1 ? serving.slice(0, -1).map((s) => s.url).concat(serving.at(-1)!.url) : [serving[0]!.url];

  // Warm-up: connections, prepared statements, the first job.
  for (let i = 0; i < 5; i++) await cluster.webhook(intakeUrls[i % intakeUrls.length]!, `${mode}-warm-${i}`);
  await waitUntil(() => agent.messagesCreated().length >= 5, 20_000, 'warm-up events');

  // Intake: how fast webhooks are acknowledged (stored durably), processing running behind.
  const acks: number[] = [];
  let next = 0;
  const heardBefore = agent.messagesCreated().length;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < WEBHOOKS) {
      const i = next++;
      const sent = performance.now();
      const response = await cluster.webhook(intakeUrls[i % intakeUrls.length]!, `${mode}-load-${i}`);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      acks.push(performance.now() - sent);
    }
  }));
  const intakeSeconds = (performance.now() - started) / 1000;
  await waitUntil(() => agent.messagesCreated().length - heardBefore >= WEBHOOKS, 120_000, 'every load event on the agent socket');
  const processedSeconds = (performance.now() - started) / 1000;

  // Latency: one webhook at a time, to the instance the agent is not on when there are two.
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const count = agent.messagesCreated().length;
    const sent = performance.now();
    await cluster.webhook(intakeUrls[0]!, `${mode}-latency-${i}`);
    await waitUntil(() => agent.messagesCreated().length > count, 10_000, 'the sample event');
    latencies.push(performance.now() - sent);
  }
  agent.close();
  return {
    mode,
    'intake/s': Math.round(WEBHOOKS / intakeSeconds),
    'ack p50 ms': Math.round(percentile(acks, 50)),
    'ack p99 ms': Math.round(percentile(acks, 99)),
    'processed/s': Math.round(WEBHOOKS / processedSeconds),
    'event p50 ms': Math.round(percentile(latencies, 50)),
    'event p95 ms': Math.round(percentile(latencies, 95)),
    'event max ms': Math.round(Math.max(...latencies)),
  };
}

async function run(mode: string, embedded: boolean, serveCount: number): Promise<Row> {
  const cluster = await createCluster({ LOG_LEVEL: 'error' }, { embedded });
  try {
    const serving = embedded ? [await cluster.start()] : await Promise.all(Array.from({ length: serveCount }, () => cluster.serve()));
    if (!embedded) await cluster.worker();
    return await measure(mode, cluster, serving);
  } finally {
    await cluster.close();
  }
}

const missing = (await postgresUnavailable()) ?? (redisServerInstalled() ? null : 'no redis-server binary');
const rows: Row[] = [await run('embedded (SQLite, 1 process)', true, 1)];
if (missing) console.warn(`scale modes skipped: ${missing}`);
else {
  rows.push(await run('scale: 1 serve + 1 worker', false, 1));
  rows.push(await run('scale: 2 serve + 1 worker', false, 2));
}
console.log(`\nbench:scale — ${WEBHOOKS} webhooks at concurrency ${CONCURRENCY}, ${SAMPLES} latency samples, 127.0.0.1, ${new Date().toISOString()}`);
console.table(rows);
process.exit(0);
