/**
 * The publishing calendar and post list with 50,000 posts (one to four versions each) in the
 * workspace: p50/p95 of sequential requests, beside the plain node:http baseline measured
 * the same way. Part of `npm run bench`; `BENCH_POSTS` changes the count.
 */
import { sql } from 'kysely';
import type { Relais } from '../src/main.ts';
import { newId } from '../src/kernel/index.ts';
import { round } from './load.ts';

const NETWORKS = ['facebook', 'instagram', 'x', 'pinterest'] as const;
const DAY = 86_400_000;

async function latencies(label: string, url: string, headers: Record<string, string>, count: number) {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(url.replace('{i}', String(i % 28)), { headers });
    await response.arrayBuffer();
    if (response.status !== 200) errors += 1;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { label, requests: count, errors, p50ms: at(0.5), p95ms: at(0.95), maxms: round(times.at(-1)!) };
}

export async function benchPublishing(relais: Relais, url: string, plainUrl: string, token: string, options: { analyze?: boolean } = {}): Promise<void> {
  const posts = Number(process.env.BENCH_POSTS ?? 50_000);
  const db = relais.store.db;
  const now = Date.now();
  const start = now - 180 * DAY;
  for (const network of ['meta', 'x', 'pinterest']) {
    await db.insertInto('channels').values({ workspace_id: 'ws_bench', id: `pub-${network}`, kind: network, name: network, external_id: `pub-${network}`, settings: '{}', secrets: null, status: 'active', created_at: now, updated_at: now }).execute();
  }
  const seedStart = performance.now();
  for (let batch = 0; batch < posts; batch += 500) {
    const rows = Array.from({ length: Math.min(500, posts - batch) }, (_, i) => {
      const n = batch + i;
      // A year of posts around today: about 140 a day, the last ones still to come.
      const at = start + Math.floor((n / posts) * 365 * DAY);
      return { n, id: newId(at), at, status: at < now ? 'published' as const : 'scheduled' as const };
    });
    await db.insertInto('pub_posts').values(rows.map((r) => ({
      workspace_id: 'ws_bench', id: r.id, author_id: 'bench', campaign: `c${r.n % 40}`, link: null, status: r.status, approval: 'none' as const, review_comment: null,
      scheduled_at: r.at, deal: null, promo_code: null, created_at: r.at, updated_at: r.at,
    }))).execute();
    await db.insertInto('pub_versions').values(rows.flatMap((r) => NETWORKS.slice(0, 1 + (r.n % 4)).map((network) => ({
      workspace_id: 'ws_bench', id: newId(r.at), post_id: r.id, network, channel_id: network === 'x' ? 'pub-x' : network === 'pinterest' ? 'pub-pinterest' : 'pub-meta',
      text: `Nouveauté n°${r.n} pour ${network} : la collection d'hiver est là`, title: null, board_id: null, media_ids: '[]', status: r.status, due_at: r.at, lease_until: null,
      attempts: r.status === 'published' ? 1 : 0, attempt_started_at: null, container_id: null, platform_id: null, permalink: null, failure_kind: null, failure_reason: null,
      text_key: `nouveaute ${r.n}`, published_at: r.status === 'published' ? r.at : null, next_poll_at: null, created_at: r.at, updated_at: r.at,
    })))).execute();
  }
  // PostgreSQL plans from statistics: a freshly loaded table gets them as autovacuum would.
  if (options.analyze) await sql`ANALYZE`.execute(db);
  const seededIn = round((performance.now() - seedStart) / 1000);
  const auth = { authorization: `Bearer ${token}` };
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const count = Number(process.env.BENCH_PUBLISHING_REQUESTS ?? 200);
  await latencies('warm-up', `${url}/api/v1/posts?limit=50`, auth, 50);
  const rows = [
    await latencies('plain node:http, static JSON', `${plainUrl}/healthz`, {}, count),
    await latencies(`calendar, week view (~1,000 posts with versions) of ${posts}`, `${url}/api/v1/posts/calendar?from=${day(0)}&to=${day(6)}`, auth, count),
    await latencies('calendar, week view filtered to Instagram, scheduled', `${url}/api/v1/posts/calendar?from=${day(0)}&to=${day(6)}&network=instagram&status=scheduled`, auth, count),
    await latencies('calendar, one day (list view)', `${url}/api/v1/posts/calendar?from=${day(1)}&to=${day(1)}`, auth, count),
    await latencies('post list, newest 50', `${url}/api/v1/posts?limit=50`, auth, count),
    await latencies('post list, newest 50 on X', `${url}/api/v1/posts?limit=50&network=x`, auth, count),
  ];
  console.log(`\nPublishing: ${posts} posts (seeded in ${seededIn} s), ${count} sequential requests each, one connection (127.0.0.1)`);
  console.table(rows);
}
