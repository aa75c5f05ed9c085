/**
 * `npm run bench:reports [-- --scale 0.1] [--runs 20] [--only sqlite|postgres] [--keep]
 * [--reuse-sqlite <file>] [--reuse-postgres <url>]`: one workspace
 * with 5 million messages and 1 million conversations over a year (× scale), seeded in bulk
 * (multi-row inserts in large transactions; the facts and rollups computed in memory by the
 * same `computeFacts` the refresh uses, then written in bulk, and the dirty marks the
 * triggers left dropped), then each report asked for the whole year `runs` times on SQLite
 * and on PostgreSQL. Goal (issue 17): p95 < 1 s for each. Not run in CI. `--reuse-*` measures
 * a database kept by an earlier `--keep` run instead of seeding (half an hour at full scale),
 * after bringing its schema up to date as a deployment would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBusinessHours, defaultSlaPolicies } from '../src/care/index.ts';
import { newId } from '../src/kernel/index.ts';
import { careReport, commerceReport, computeFacts, responseTimes, sentimentReport, type Contributions, type FactMessage } from '../src/reports/index.ts';
import { openStore, rebuildDurationsFromFacts, ROLLUP_COUNTERS, sql, type Db, type Store } from '../src/store/index.ts';
import { createTestStore, postgresUnavailable } from '../src/store/testing.ts';
import { openBulkLoader } from './bulk-load.ts';

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1]! : fallback;
};
const SCALE = Number(arg('scale', '1'));
const RUNS = Number(arg('runs', '20'));
const ONLY = arg('only', 'both');
/** `--keep`: leave the databases in place (their location is printed), to look at plans. */
const KEEP = process.argv.includes('--keep');
const REUSE_SQLITE = arg('reuse-sqlite', '');
const REUSE_POSTGRES = arg('reuse-postgres', '');
const CONVERSATIONS = Math.round(1_000_000 * SCALE);
const GOAL_MS = 1000;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR = 365 * 86_400_000;

/** A seeded generator: both databases get the very same rows. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function bulk(db: Db, table: string, rows: Record<string, unknown>[], perStatement: number): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) await db.insertInto(table as 'messages').values(rows.slice(i, i + perStatement) as never).execute();
}

async function seed(store: Store, dialect: 'sqlite' | 'postgres'): Promise<{ workspaceId: string; messages: number; seconds: number; loaded: number; writeSeconds: number; rebuildSeconds: number }> {
  const started = performance.now();
  const db = store.db;
  const workspaceId = newId();
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', locale: 'fr', timezone: 'Europe/Paris', created_at: 0 }).execute();
  const channels = ['x', 'meta', 'webchat'].map((kind) => ({ id: newId(), kind }));
  await bulk(db, 'channels', channels.map((c) => ({ workspace_id: workspaceId, id: c.id, kind: c.kind, name: c.kind, external_id: c.id, settings: '{}', secrets: null, status: 'active', created_at: 0, updated_at: 0 })), 10);
  const agents = Array.from({ length: 12 }, () => newId());
  await bulk(db, 'users', agents.map((id, i) => ({ id, email: `agent${i}-${workspaceId}@bench.example`, name: `Agent ${i}`, password_hash: 'x', locale: null, created_at: 0, password_changed_at: 0 })), 50);
  await bulk(db, 'memberships', agents.map((id) => ({ workspace_id: workspaceId, user_id: id, role: 'agent', created_at: 0 })), 50);
  const random = generator(2026);
  const rollup = new Map<string, Record<string, number>>();
  let messageCount = 0;
  let writeSeconds = 0;
  const loader = await openBulkLoader(store, ['conversations', 'messages', 'report_conversations', 'report_responses']);
  const CHUNK = 20_000; // conversations per transaction
  for (let start = 0; start < CONVERSATIONS; start += CHUNK) {
    const conversations: Record<string, unknown>[] = [];
    const messages: Record<string, unknown>[] = [];
    const facts: Record<string, unknown>[] = [];
    const responses: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(CONVERSATIONS, start + CHUNK); i++) {
      const channel = channels[i % 3]!;
      const kind = random() < 0.5 ? 'public' : 'private';
      const id = newId();
      const t0 = YEAR_START + Math.floor(random() * YEAR);
      const agent = agents[Math.floor(random() * agents.length)]!;
      const resolved = random() < 0.7;
      const own: (FactMessage & { at: number })[] = [];
      const add = (at: number, direction: 'in' | 'out', author: FactMessage['author_type'], extra: Partial<FactMessage> = {}) => own.push({
        at, direction, kind: 'message', author_type: author, author_id: author === 'user' ? agent : null, status: 'visible', platform_created_at: at, created_at: at,
        sentiment: direction === 'in' ? (['positive', 'neutral', 'negative'] as const)[Math.floor(random() * 3)]! : null, classified_by: direction === 'in' ? 'model' : null, ...extra,
      });
      // Five messages on average: the question, often an acknowledgement, the answer, a follow-up and its answer, a thank-you.
      add(t0, 'in', 'contact');
      if (random() < 0.8) add(t0 + 2000, 'out', 'bot');
      const first = t0 + Math.floor(60_000 * Math.exp(random() * 7));
      if (random() < 0.92) {
        add(first, 'out', 'user');
        const again = first + Math.floor(600_000 * random() * 20);
        add(again, 'in', 'contact');
        if (random() < 0.9) add(again + Math.floor(60_000 * Math.exp(random() * 6)), 'out', random() < 0.2 ? 'brand' : 'user');
      }
      if (random() < 0.5) add(own.reduce((m, x) => Math.max(m, x.at), 0) + 1000, 'in', 'contact');
      const last = own.reduce((m, x) => Math.max(m, x.at), 0);
      const conversation = { id, channel_id: channel.id, kind: kind as 'public' | 'private', status: resolved ? 'resolved' : 'open', assignee_id: agent, updated_at: last + 3_600_000, surface: channel.kind === 'meta' ? 'messenger' : channel.kind };
      const f = computeFacts({ conversation, messages: own, statusChanges: [], hours: defaultBusinessHours, policies: defaultSlaPolicies, timeZone: 'Europe/Paris' });
      conversations.push({
        workspace_id: workspaceId, id, channel_id: channel.id, contact_id: null, kind, status: conversation.status, external_thread_id: `${conversation.surface}:${id}`, subject: null,
        assignee_id: agent, priority: 0, snoozed_until: null, last_message_at: last, created_at: t0, updated_at: conversation.updated_at, post_id: null, last_inbound_at: t0, linked_conversation_id: null,
      });
      for (const m of own) {
        messages.push({
          workspace_id: workspaceId, id: newId(m.at), conversation_id: id, channel_id: channel.id, direction: m.direction, kind: 'message', author_type: m.author_type, author_id: m.author_id,
          text: m.direction === 'in' ? 'bonjour, ma commande ?' : 'merci, nous regardons', external_id: null, attachments: '[]', meta: '{}', platform_created_at: m.at, created_at: m.at,
          status: 'visible', edited_at: null, platform_updated_at: m.at, reply_to_external_id: null, language: 'fr', sentiment: m.sentiment, sentiment_score: null, intents: null, classified_by: m.classified_by,
        });
      }
      messageCount += own.length;
      const r = f.firstResponse;
      facts.push({
        workspace_id: workspaceId, conversation_id: id, channel_id: channel.id, kind, status: conversation.status, assignee_id: agent, first_customer_at: f.firstCustomerAt,
        first_response_at: r?.answeredAt ?? null, first_responder_id: r?.responderId ?? null, first_calendar_ms: r?.calendarMs ?? null, first_business_ms: r?.businessMs ?? null,
        within_sla: Number(f.withinSla), bot_first: Number(f.botFirst), resolved_at: f.resolvedAt, resolution_calendar_ms: f.resolutionCalendarMs, resolution_business_ms: f.resolutionBusinessMs,
        reopenings: f.reopenings, waiting_since: f.waitingSince, contrib: JSON.stringify(f.contrib), refreshed_at: 0,
      });
      for (const x of [f.firstResponse, ...f.nextResponses]) {
        if (x) responses.push({ workspace_id: workspaceId, conversation_id: id, cycle: x.cycle, channel_id: channel.id, started_at: x.startedAt, answered_at: x.answeredAt, responder_id: x.responderId, calendar_ms: x.calendarMs, business_ms: x.businessMs });
      }
      addContributions(rollup, f.contrib);
    }
    const writing = performance.now();
    await loader.insert('conversations', conversations);
    await loader.insert('messages', messages);
    await loader.insert('report_conversations', facts);
    await loader.insert('report_responses', responses);
    writeSeconds += (performance.now() - writing) / 1000;
    process.stdout.write(`\r  ${dialect}: ${Math.min(CONVERSATIONS, start + CHUNK)} / ${CONVERSATIONS} conversations`);
  }
  const loaded = (performance.now() - started) / 1000;
  const { rebuildSeconds } = await loader.finish();
  const daily = [...rollup].map(([key, counters]) => {
    const [day, hour, channel_id, kind, agent_id] = key.split('|');
    return { workspace_id: workspaceId, day, hour: Number(hour), channel_id, kind, agent_id, ...Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, counters[c] ?? 0])) };
  });
  await db.transaction().execute(async (trx) => {
    await bulk(trx, 'report_daily', daily, 500);
    await trx.deleteFrom('report_dirty').execute();
    // The duration histograms from the facts just loaded, in SQL, as a bulk import would.
    await rebuildDurationsFromFacts(trx, workspaceId);
  });
  // On PostgreSQL a bulk import ends with fresh statistics and a visibility map for index-only
  // scans (autovacuum would get there too); SQLite runs without ANALYZE, as in production.
  if (dialect === 'postgres') await sql.raw('VACUUM ANALYZE').execute(db);
  process.stdout.write('\n');
  return { workspaceId, messages: messageCount, seconds: (performance.now() - started) / 1000, loaded, writeSeconds, rebuildSeconds };
}

function addContributions(rollup: Map<string, Record<string, number>>, contrib: Contributions) {
  for (const [key, counters] of Object.entries(contrib)) {
    const entry = rollup.get(key) ?? {};
    for (const [name, value] of Object.entries(counters)) entry[name] = (entry[name] ?? 0) + value!;
    rollup.set(key, entry);
  }
}

async function measure(store: Store, dialect: 'sqlite' | 'postgres', workspaceId: string) {
  // The workspace's local year (Europe/Paris), as the console asks: partial UTC days at both ends.
  const query = { workspaceId, from: Date.UTC(2024, 11, 31, 23), to: Date.UTC(2025, 11, 31, 23) };
  const reports: Record<string, () => Promise<unknown>> = {
    'response-times': () => responseTimes(store.db, dialect, query),
    care: () => careReport(store.db, dialect, query),
    sentiment: () => sentimentReport(store.db, query),
    commerce: () => commerceReport(store.db, query),
  };
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, run] of Object.entries(reports)) {
    await run(); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out[name] = { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
  }
  return out;
}

/** A kept database: its schema brought up to date (the migrations' own rebuilds included) and its bench workspace. */
async function reuse(store: Store, dialect: 'sqlite' | 'postgres'): Promise<{ workspaceId: string; seeded: string }> {
  const started = performance.now();
  const { applied } = await store.migrate();
  if (dialect === 'postgres') await sql.raw('VACUUM ANALYZE').execute(store.db);
  const workspace = await store.db.selectFrom('workspaces').select('id').where('name', '=', 'Bench').executeTakeFirstOrThrow();
  const [conversations, messages] = await Promise.all(['conversations', 'messages'].map(async (table) =>
    Number((await store.db.selectFrom(table as 'messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspace.id).executeTakeFirstOrThrow()).n)));
  const migrated = applied.length === 0 ? 'no migration to apply' : `migrated (${applied.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(0)} s`;
  return { workspaceId: workspace.id, seeded: `${messages} messages, ${conversations} conversations, kept from an earlier run; ${migrated}` };
}

type Result = { seeded: string; figures: Record<string, { p50: number; p95: number }> };
const results: Record<string, Result> = {};
/** Measures a database kept from an earlier run (`--reuse-sqlite`, `--reuse-postgres`), then closes it. */
async function measureKept(store: Store, kind: 'sqlite' | 'postgres'): Promise<Result> {
  const { workspaceId, seeded } = await reuse(store, kind);
  const figures = await measure(store, kind, workspaceId);
  await store.close();
  return { seeded, figures };
}
if (REUSE_SQLITE && ONLY !== 'postgres') {
  results.sqlite = await measureKept(openStore({ kind: 'sqlite', file: REUSE_SQLITE }), 'sqlite');
} else if (ONLY !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-reports-'));
  const store = openStore({ kind: 'sqlite', file: join(dir, 'relais.sqlite') });
  await store.migrate();
  const seeded = await seed(store, 'sqlite');
  results.sqlite = { seeded: `${seeded.messages} messages, ${CONVERSATIONS} conversations in ${seeded.seconds.toFixed(0)} s (rows ${seeded.loaded.toFixed(0)} s of which writing ${seeded.writeSeconds.toFixed(0)} s, indexes and triggers back ${seeded.rebuildSeconds.toFixed(0)} s)`, figures: await measure(store, 'sqlite', seeded.workspaceId) };
  await store.close();
  if (KEEP) console.log(`  kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
if (REUSE_POSTGRES && ONLY !== 'sqlite') {
  results.postgres = await measureKept(openStore({ kind: 'postgres', url: REUSE_POSTGRES }), 'postgres');
} else if (ONLY !== 'sqlite') {
  if (await postgresUnavailable()) console.log('PostgreSQL is not reachable: its column stays empty.');
  else {
    const store = await createTestStore('postgres');
    const seeded = await seed(store, 'postgres');
    results.postgres = { seeded: `${seeded.messages} messages, ${CONVERSATIONS} conversations in ${seeded.seconds.toFixed(0)} s (rows ${seeded.loaded.toFixed(0)} s of which writing ${seeded.writeSeconds.toFixed(0)} s, indexes and triggers back ${seeded.rebuildSeconds.toFixed(0)} s)`, figures: await measure(store, 'postgres', seeded.workspaceId) };
    if (KEEP) console.log(`  kept ${store.url}`);
    else await store.drop();
  }
}

console.log(`\nbench:reports, scale ${SCALE} (${CONVERSATIONS} conversations), one year, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores`);
for (const [dialect, r] of Object.entries(results)) console.log(`  seeded ${dialect}: ${r.seeded}`);
const names = Object.keys(Object.values(results)[0]?.figures ?? {});
console.log(`  ${'report'.padEnd(16)}${Object.keys(results).map((d) => `${d} p50 / p95 (ms)`.padStart(30)).join('')}`);
for (const name of names) {
  const cells = Object.values(results).map((r) => {
    const f = r.figures[name]!;
    return `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)}${f.p95 < GOAL_MS ? ' ok' : ' SLOW'}`.padStart(30);
  });
  console.log(`  ${name.padEnd(16)}${cells.join('')}`);
}
process.exit(0);
