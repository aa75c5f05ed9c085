/**
 * Replays X customer-support threads in the "Customer Support on Twitter" format (tweet_id,
 * author_id, inbound, created_at, text, response_tweet_id, in_response_to_tweet_id) through
 * signed Account Activity webhooks, then checks the first-response median, p90 and mean per
 * account against an independent computation from the raw file, to the millisecond.
 *
 * No npm package ships a copy of that public dataset (npm is the only registry reachable
 * here), so `fixtures/twcs-sample.csv` is a small file written in its exact format,
 * including the float-looking `in_response_to_tweet_id` of the public CSV; point
 * `RELAIS_TWCS_FILE` at a real sample to replay it instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { addChannel, xProvider } from '../channels/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';

const SECRET = 'x-consumer-secret-for-the-dataset';
const file = process.env.RELAIS_TWCS_FILE ?? fileURLToPath(new URL('./fixtures/twcs-sample.csv', import.meta.url));

interface Tweet {
  tweet_id: string;
  author_id: string;
  inbound: string;
  created_at: string;
  text: string;
  response_tweet_id: string;
  in_response_to_tweet_id: string;
}

const tweets = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Tweet[];
const parentOf = (t: Tweet) => (t.in_response_to_tweet_id ? String(BigInt(t.in_response_to_tweet_id.replace(/\.0$/, ''))) : null);
const companies = [...new Set(tweets.filter((t) => t.inbound !== 'True').map((t) => t.author_id))].sort();
const companyId = (name: string) => `18510000000000000${String(companies.indexOf(name) + 10)}`;

/**
 * The independent figures, from the raw rows only: each tweet climbs to its root; a thread's
 * wait starts at its earliest customer tweet and ends at the company's earliest tweet after
 * it; durations in whole seconds as the file gives them, then in milliseconds.
 */
function expectedPerAccount(): Map<string, { conversations: number; responded: number; medianMs: number; p90Ms: number; meanMs: number }> {
  const byId = new Map(tweets.map((t) => [t.tweet_id, t]));
  const rootOf = (t: Tweet): Tweet => {
    let current = t;
    for (let parent = parentOf(current); parent && byId.has(parent); parent = parentOf(current)) current = byId.get(parent)!;
    return current;
  };
  const threads: Record<string, Tweet[]> = {};
  for (const t of tweets) (threads[rootOf(t).tweet_id] ??= []).push(t);
  const result = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const thread of Object.values(threads)) {
    // (each thread is non-empty by construction)
    const customer = thread!.filter((t) => t.inbound === 'True').map((t) => Date.parse(t.created_at) / 1000);
    if (customer.length === 0) continue;
    const start = Math.min(...customer);
    const account = thread!.find((t) => t.inbound !== 'True')?.author_id ?? companies.find((c) => thread![0]!.text.includes(`@${c}`))!;
    counts.set(account, (counts.get(account) ?? 0) + 1);
    const answers = thread!.filter((t) => t.inbound !== 'True').map((t) => Date.parse(t.created_at) / 1000).filter((s) => s >= start);
    if (answers.length > 0) result.set(account, [...(result.get(account) ?? []), (Math.min(...answers) - start) * 1000]);
  }
  const out = new Map();
  for (const account of companies) {
    const values = [...(result.get(account) ?? [])].sort((a, b) => a - b);
    const at = (q: number) => {
      const rank = q * (values.length - 1);
      const below = values[Math.floor(rank)]!;
      const above = values[Math.ceil(rank)]!;
      return Math.round(below + (above - below) * (rank - Math.floor(rank)));
    };
    out.set(account, { conversations: counts.get(account) ?? 0, responded: values.length, medianMs: at(0.5), p90Ms: at(0.9), meanMs: Math.round(values.reduce((s, v) => s + v, 0) / values.length) });
  }
  return out;
}

describe('customer-support threads replayed through signed X webhooks', () => {
  let relais: TestRelais;
  let sandbox: Sandbox;
  let owner: Browser;
  const channelOf = new Map<string, string>();

  beforeAll(async () => {
    relais = await startTestRelais('sqlite', { RELAIS_X_CONSUMER_SECRET: SECRET });
    relais.clock.set(Date.now());
    const url = await relais.listen();
    sandbox = await startSandbox({ relaisUrl: url, clock: relais.clock, x: { consumerSecret: SECRET } });
    owner = await setUpOwner(relais.app);
    const workspaceId = (await owner.get('/api/v1/me')).body.workspace.id;
    for (const name of companies) {
      sandbox.x.addAccount({ id: companyId(name), screenName: name, name, accessToken: `token-${name}` });
      const spec = await xProvider.connect({ 'account-id': companyId(name), 'access-token': `token-${name}`, 'api-base': sandbox.x.apiBase });
      channelOf.set(name, await addChannel({ db: relais.store.db, clock: relais.clock, sealer: relais.inbox.sealer }, { workspaceId, kind: 'x', ...spec }));
    }
    // The order they were written in, as X would deliver them.
    const ordered = [...tweets].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (BigInt(a.tweet_id) < BigInt(b.tweet_id) ? -1 : 1));
    const byId = new Map(tweets.map((t) => [t.tweet_id, t]));
    const accountOf = (t: Tweet): string => {
      if (t.inbound !== 'True') return t.author_id;
      const mentioned = companies.find((c) => t.text.includes(`@${c}`));
      if (mentioned) return mentioned;
      const parent = parentOf(t);
      return parent && byId.has(parent) ? accountOf(byId.get(parent)!) : companies[0]!;
    };
    for (const t of ordered) {
      const account = accountOf(t);
      const user = t.inbound === 'True' ? { id_str: `9${t.author_id}`, screen_name: `customer${t.author_id}`, name: `Customer ${t.author_id}` } : { id_str: companyId(t.author_id), screen_name: t.author_id, name: t.author_id };
      const body = {
        for_user_id: companyId(account),
        tweet_create_events: [{ id_str: t.tweet_id, text: t.text, user, in_reply_to_status_id_str: parentOf(t), created_at: t.created_at, truncated: false }],
      };
      const delivery = await sandbox.x.deliver(body);
      expect(delivery.status).toBe(200);
    }
    await waitFor(async () => {
      const rows = await relais.store.db.selectFrom('inbound_events').select('status').execute();
      return rows.length === tweets.length && rows.every((r) => r.status === 'processed');
    }, 30_000, 'every delivery processed');
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
    await relais?.dispose();
  });

  it('gives the first-response median, p90 and mean of each account as the raw file does', async () => {
    const expected = expectedPerAccount();
    expect(expected.size).toBeGreaterThan(1);
    console.info('expected from the raw file', Object.fromEntries(expected));
    for (const [account, figures] of expected) {
      const reply = await owner.get(`/api/v1/reports/response-times?from=2017-10-01T00:00:00Z&to=2018-01-01T00:00:00Z&channelId=${channelOf.get(account)}`);
      expect(reply.status).toBe(200);
      expect({ account, conversations: reply.body.conversations, responded: reply.body.responded, ...reply.body.firstResponse.calendar })
        .toEqual({ account, ...figures });
    }
  });
});
