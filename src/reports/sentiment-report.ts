import { createDefaultClassifier, SENTIMENTS, shippedSentimentConfusion, type Sentiment } from '../insight/index.ts';
import { sql, type Db } from '../store/index.ts';
import { adjustedShareWithInterval, type ConfusionCounts, type Triple } from './adjust-share.ts';
import { rollupRows, workspaceTimeZone, type ReportQuery } from './report-period.ts';

type Share = { positive: number | null; neutral: number | null; negative: number | null };

export interface SentimentReport {
  from: number;
  to: number;
  /** Customer messages in the period that have a sentiment. */
  messages: number;
  share: Share;
  adjustedShare: Share;
  adjustedInterval: { low: Share; high: Share } | null;
  /** positive ÷ (positive + negative), raw and adjusted. */
  score: number | null;
  adjustedScore: number | null;
  benchmark: { positive: 0.4; negative: 0.3; score: number };
  /** Where the confusion came from: build-time messages and the workspace's corrections. */
  correction: { buildTimeMessages: number; workspaceCorrections: number };
  byDay: { day: string; positive: number; neutral: number; negative: number }[];
  byChannel: { channelId: string; positive: number; neutral: number; negative: number }[];
}

/**
 * The build-time matrix (the shipped model's out-of-fold confusion on Relais's own corpus)
 * weighs as this many messages against a workspace's own corrections: a prior, not a
 * measurement of the workspace's messages, which are rarely as clean as the corpus. Small,
 * so that a few hundred corrections carry the workspace's real confusion.
 */
export const PRIOR_MESSAGES = 60;

const toShare = (t: Triple | null): Share => ({ negative: t?.[0] ?? null, neutral: t?.[1] ?? null, positive: t?.[2] ?? null });

/**
 * Sentiment share and score over the customer messages of a period, raw and adjusted for
 * the classifier's measured confusion (docs/metrics.md), per day and per channel.
 */
export async function sentimentReport(db: Db, query: ReportQuery): Promise<SentimentReport> {
  const timeZone = await workspaceTimeZone(db, query.workspaceId);
  const [rows, confusion] = await Promise.all([
    rollupRows(db, query, timeZone).select(['day', 'channel_id',
      sql<number>`sum(positive)`.as('positive'), sql<number>`sum(neutral)`.as('neutral'), sql<number>`sum(negative)`.as('negative'),
      sql<number>`sum(agent_positive)`.as('agent_positive'), sql<number>`sum(agent_neutral)`.as('agent_neutral'), sql<number>`sum(agent_negative)`.as('agent_negative'),
    ]).where('agent_id', '=', '').groupBy(['day', 'channel_id']).execute(),
    workspaceConfusion(db, query.workspaceId),
  ]);
  const all: Triple = [0, 0, 0];
  const known: Triple = [0, 0, 0];
  const byDay = new Map<string, Triple>();
  const byChannel = new Map<string, Triple>();
  for (const row of rows) {
    const t: Triple = [Number(row.negative), Number(row.neutral), Number(row.positive)];
    const k: Triple = [Number(row.agent_negative), Number(row.agent_neutral), Number(row.agent_positive)];
    for (let i = 0; i < 3; i++) { all[i]! += t[i]!; known[i]! += k[i]!; }
    for (const [map, key] of [[byDay, row.day], [byChannel, row.channel_id]] as const) {
      const entry = map.get(key) ?? [0, 0, 0];
      for (let i = 0; i < 3; i++) entry[i]! += t[i]!;
      map.set(key, entry);
    }
  }
  const total = all[0] + all[1] + all[2];
  const raw = total === 0 ? null : (all.map((n) => n / total) as Triple);
  const model = all.map((n, i) => n - known[i]!) as Triple;
  const adjusted = adjustedShareWithInterval(model, known, confusion.counts);
  const score = (t: Triple | null) => (t === null || t[0] + t[2] === 0 ? null : t[2] / (t[0] + t[2]));
  return {
    from: query.from, to: query.to, messages: total,
    share: toShare(raw), adjustedShare: toShare(adjusted?.share ?? null),
    adjustedInterval: adjusted ? { low: toShare(adjusted.low), high: toShare(adjusted.high) } : null,
    score: score(raw), adjustedScore: score(adjusted?.share ?? null),
    benchmark: { positive: 0.4, negative: 0.3, score: 0.4 / 0.7 },
    correction: { buildTimeMessages: shippedSentimentConfusion().messages, workspaceCorrections: confusion.corrections },
    byDay: [...byDay].map(([day, t]) => ({ day, negative: t[0], neutral: t[1], positive: t[2] })).sort((a, b) => a.day.localeCompare(b.day)),
    byChannel: [...byChannel].map(([channelId, t]) => ({ channelId, negative: t[0], neutral: t[1], positive: t[2] })),
  };
}

const classifier = createDefaultClassifier();
const cache = new Map<string, { key: string; counts: ConfusionCounts; corrections: number }>();

/**
 * The confusion the report adjusts with: the build-time counts scaled to weigh as
 * `PRIOR_MESSAGES`, plus one count per labelled message (the sentiment an agent gave, the
 * classifier's answer on the same text).
 *
 * @example confusionWithCorrections([{ truth: 'negative', answer: 'neutral' }])
 */
export function confusionWithCorrections(corrections: readonly { truth: Sentiment; answer: Sentiment }[]): ConfusionCounts {
  const buildTime = shippedSentimentConfusion();
  const scale = PRIOR_MESSAGES / buildTime.messages;
  const counts = buildTime.counts.map((row) => row.map((n) => n * scale)) as ConfusionCounts;
  for (const { truth, answer } of corrections) counts[SENTIMENTS.indexOf(truth)]![SENTIMENTS.indexOf(answer)]! += 1;
  return counts;
}

/** The confusion used for a workspace: `confusionWithCorrections` over its agents' corrections, cached until they change. */
export async function workspaceConfusion(db: Db, workspaceId: string): Promise<{ counts: ConfusionCounts; corrections: number }> {
  const stamp = await db.selectFrom('classification_corrections').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('workspace_id', '=', workspaceId).where('sentiment', 'is not', null).executeTakeFirst();
  const key = `${stamp?.n ?? 0}|${stamp?.last ?? ''}`;
  const cached = cache.get(workspaceId);
  if (cached?.key === key) return cached;
  const rows = await db.selectFrom('classification_corrections').select(['text', 'language', 'sentiment'])
    .where('workspace_id', '=', workspaceId).where('sentiment', 'is not', null).execute();
  const corrections = rows.filter((row) => row.text.trim() !== '').map((row) => { // an erased text counts no more
    const hints = row.language === 'fr' || row.language === 'en' ? { language: row.language as 'fr' | 'en' } : undefined;
    return { truth: row.sentiment!, answer: classifier.classify(row.text, hints).sentiment };
  });
  const entry = { key, counts: confusionWithCorrections(corrections), corrections: corrections.length };
  if (cache.size > 1000) cache.clear();
  cache.set(workspaceId, entry);
  return entry;
}
